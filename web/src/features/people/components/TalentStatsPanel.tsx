import { Alert, Button, Card, Flex, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TALENT_CATEGORIES, TALENT_SKILLS } from '../../../../../src/modules/people/people.table';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import type { TalentStats } from '../ledgerApi';
import { useTalentStats } from '../ledgerHooks';

export type TalentStatsPanelProps = {
  /** The place counted; the caller's scope when absent. */
  area: string | undefined;
  /** Opens a child place (the page narrows its filters to it). */
  onOpen: (code: string) => void;
};

type ChildRow = TalentStats['children'][number];

/** Talents below a place, counted by the server from the records: per child place, category and skill. */
export function TalentStatsPanel({ area, onOpen }: TalentStatsPanelProps) {
  const { t, i18n } = useTranslation('peopleLedger');
  const stats = useTalentStats(area);
  const data = stats.data;
  return (
    <Card title={t('talents.stats.title')} data-testid="talent-stats" data-area={data?.area.code ?? ''}>
      {stats.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('talents.stats.loadFailed')}
          description={apiErrorMessage(stats.error, i18n)}
        />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Statistic
            title={t('talents.stats.total', { name: data.area.name, count: data.total })}
            value={data.total}
            valueRender={(node) => (
              <span data-testid="talent-stats-total" data-count={data.total}>
                {node}
              </span>
            )}
          />
          <Table<ChildRow>
            size="small"
            rowKey="code"
            pagination={data.children.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
            dataSource={data.children}
            locale={{ emptyText: t('talents.stats.empty') }}
            data-testid="talent-stats-children"
            columns={[
              {
                key: 'name',
                title: t('talents.stats.place'),
                render: (_, c) => (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => onOpen(c.code)}
                    data-testid={`talent-stats-open-${c.code}`}
                  >
                    {c.name}
                  </Button>
                ),
              },
              {
                key: 'count',
                title: t('talents.stats.count'),
                align: 'right',
                render: (_, c) => <span data-testid={`talent-stats-count-${c.code}`}>{c.count}</span>,
              },
            ]}
          />
          {data.direct > 0 ? (
            <Typography.Text type="secondary">
              {t('talents.stats.direct', { name: data.area.name })}: {data.direct}
            </Typography.Text>
          ) : null}
          <div>
            <Typography.Text strong>{t('talents.stats.byCategory')}</Typography.Text>
            <Flex wrap gap={6} style={{ marginTop: 8 }}>
              {TALENT_CATEGORIES.map((c) => (
                <Tag key={c} color="blue">
                  {t(`category.${c}`)} {data.byCategory[c] ?? 0}
                </Tag>
              ))}
            </Flex>
          </div>
          <div>
            <Typography.Text strong>{t('talents.stats.bySkill')}</Typography.Text>
            <Flex wrap gap={6} style={{ marginTop: 8 }}>
              {TALENT_SKILLS.map((s) => (
                <Tag key={s}>
                  {t(`skill.${s}`)} {data.bySkill[s] ?? 0}
                </Tag>
              ))}
            </Flex>
          </div>
        </Flex>
      )}
    </Card>
  );
}
