import { Alert, Button, Card, Col, Flex, Row, Segmented, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompoundState, CompoundSummary } from '../api';
import { CommitteeStateTag } from '../components/CommitteeStateTag';
import { OwnersAreaBar } from '../components/OwnersAreaBar';
import { OwnersNav } from '../components/OwnersNav';
import { PartyShareTag } from '../components/PartyShareTag';
import { useCommitteeStats, useCompounds } from '../hooks/useOwners';
import { useOwnersArea } from '../hooks/useOwnersArea';

const STATES: (CompoundState | '')[] = ['', 'none', 'preparatory', 'formed', 'term_ended'];

export type CompoundCommitteesPageProps = Record<string, never>;

/**
 * 小区业委会 (/owners, CAPABILITIES §1.5): compounds of a place with their committee state, and the
 * formation rate and party members on committees, both counted by the server from the records.
 */
export function CompoundCommitteesPage(_props: CompoundCommitteesPageProps) {
  const { t, i18n } = useTranslation('owners');
  const { area, setArea } = useOwnersArea();
  const [state, setState] = useState<CompoundState | ''>('');
  const stats = useCommitteeStats(area);
  const compounds = useCompounds(area, state);
  const rows = compounds.data?.pages.flatMap((p) => p.items) ?? [];
  const numbers = new Intl.NumberFormat(i18n.language);
  const s = stats.data;

  return (
    <Flex vertical gap={16} data-testid="owners-compounds-page">
      <Card size="small">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <OwnersNav />
          <OwnersAreaBar code={area} onChange={setArea} />
        </Flex>
      </Card>
      <Card loading={stats.isPending && Boolean(area)} data-testid="owners-stats">
        {s ? (
          <Flex vertical gap={12}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Statistic title={t('stats.compounds')} value={numbers.format(s.compounds)} />
              </Col>
              <Col xs={12} md={6} data-testid="formation-rate" data-value={s.formationRate.percent ?? ''}>
                <Statistic
                  title={t('stats.formationRate')}
                  value={s.formationRate.percent ?? '—'}
                  suffix={`(${numbers.format(s.formationRate.numerator)}/${numbers.format(s.formationRate.denominator)})`}
                />
              </Col>
              <Col
                xs={12}
                md={6}
                data-testid="party-members-on-committees"
                data-value={s.partyMembersOnCommittees}
              >
                <Statistic
                  title={t('stats.partyMembers')}
                  value={numbers.format(s.partyMembersOnCommittees)}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={`${t('stats.partyShare')} · ${t('stats.target', { target: s.partyShare.target })}`}
                  value={s.partyShare.percent ?? '—'}
                  styles={{ content: { color: s.partyShare.meetsTarget ? '#389e0d' : '#d46b08' } }}
                />
              </Col>
            </Row>
            <Flex gap={8} wrap>
              {STATES.filter(Boolean).map((k) => (
                <Tag key={k}>
                  {t(`states.${k}`)} {numbers.format(s.byState[k as CompoundState] ?? 0)}
                </Tag>
              ))}
            </Flex>
            {s.committeesBelowTarget > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('stats.belowTarget', { count: s.committeesBelowTarget })}
              />
            ) : null}
            <Alert type="info" showIcon title={t('stats.fromRecords')} />
          </Flex>
        ) : null}
      </Card>
      <Card
        title={t('list.title')}
        extra={
          <Segmented<CompoundState | ''>
            value={state}
            onChange={setState}
            data-testid="state-filter"
            options={STATES.map((k) => ({ value: k, label: k ? t(`states.${k}`) : t('list.all') }))}
          />
        }
      >
        <Table<CompoundSummary>
          size="small"
          rowKey="code"
          loading={compounds.isPending && Boolean(area)}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('list.empty') }}
          data-testid="owners-compound-table"
          onRow={(r) => ({ 'data-testid': `compound-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'name',
              title: t('list.name'),
              render: (_, r) => <Link to={`/owners/compounds/${r.code}`}>{r.name}</Link>,
            },
            { key: 'street', title: t('list.street'), dataIndex: 'street' },
            { key: 'community', title: t('list.community'), dataIndex: 'community' },
            { key: 'state', title: t('list.state'), render: (_, r) => <CommitteeStateTag state={r.state} /> },
            { key: 'termEnd', title: t('list.termEnd'), render: (_, r) => r.committee?.termEnd ?? '—' },
            { key: 'members', title: t('list.members'), render: (_, r) => r.committee?.members ?? '—' },
            {
              key: 'party',
              title: t('list.partyShare'),
              render: (_, r) => (r.committee ? <PartyShareTag share={r.committee.partyShare} /> : '—'),
            },
            {
              key: 'formation',
              title: t('list.formation'),
              render: (_, r) =>
                r.formation ? (
                  <Tag color="processing">
                    {t(`kinds.${r.formation.kind}`)} · {t(`steps.${r.formation.currentStep}`)}
                  </Tag>
                ) : (
                  '—'
                ),
            },
          ]}
        />
        {compounds.hasNextPage ? (
          <Button
            style={{ marginTop: 12 }}
            loading={compounds.isFetchingNextPage}
            onClick={() => void compounds.fetchNextPage()}
          >
            {t('list.loadMore')}
          </Button>
        ) : null}
      </Card>
    </Flex>
  );
}
