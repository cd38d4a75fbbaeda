import { Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAreaHistory } from '../hooks/useAreas';
import { AreaLoadError } from './AreaLoadError';

export type AreaHistoryTimelineProps = {
  code: string;
  /** Names of places known to the page (the ancestors), to name a version's parent; others show their code. */
  knownNames?: ReadonlyMap<string, string>;
};

/** Every version of a place (name, parent, boundary) with the dates it was valid, newest first. */
export function AreaHistoryTimeline({ code, knownNames }: AreaHistoryTimelineProps) {
  const { t, i18n } = useTranslation('areas');
  const history = useAreaHistory(code);
  if (history.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (history.isError) return <AreaLoadError error={history.error} onRetry={() => void history.refetch()} />;
  const versions = [...history.data.versions].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  if (versions.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;

  return (
    <Timeline
      data-testid="area-history"
      items={versions.map((version, index) => ({
        key: `${version.validFrom}-${index}`,
        color: version.validTo === null ? 'green' : 'gray',
        content: (
          <>
            <Typography.Text strong>{version.name}</Typography.Text>{' '}
            {version.changeKind ? (
              <Tag>
                {i18n.exists(`areas:history.kinds.${version.changeKind}`)
                  ? t(`history.kinds.${version.changeKind}`)
                  : version.changeKind}
              </Tag>
            ) : null}
            <div>
              <Typography.Text type="secondary">
                {version.validTo
                  ? t('history.between', { from: version.validFrom, to: version.validTo })
                  : t('history.since', { from: version.validFrom })}
              </Typography.Text>
            </div>
            {version.parentCode ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('history.parent', {
                  parent: knownNames?.has(version.parentCode)
                    ? `${knownNames.get(version.parentCode)}（${version.parentCode}）`
                    : version.parentCode,
                })}
              </Typography.Text>
            ) : null}
          </>
        ),
      }))}
    />
  );
}
