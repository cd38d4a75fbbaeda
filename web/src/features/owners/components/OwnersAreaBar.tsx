import { Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AreaLevelTag } from '../../areas/components/AreaLevelTag';
import { AreaSearchBox } from '../../areas/components/AreaSearchBox';
import { useAreaNode } from '../../areas/hooks/useAreas';

export type OwnersAreaBarProps = { code: string | undefined; onChange: (code: string) => void };

/** The place an owners page is about, and a search box to change it (within the caller's scope). */
export function OwnersAreaBar({ code, onChange }: OwnersAreaBarProps) {
  const { t } = useTranslation('owners');
  const node = useAreaNode(code);
  return (
    <Flex align="center" gap={12} wrap data-testid="owners-area-bar">
      <Typography.Text type="secondary">{t('area.current')}</Typography.Text>
      {node.data ? (
        <Flex align="center" gap={6}>
          <Typography.Text strong data-testid="owners-area-name">
            {node.data.name}
          </Typography.Text>
          <AreaLevelTag level={node.data.level} />
        </Flex>
      ) : (
        <Skeleton.Input active size="small" />
      )}
      <div style={{ flex: '1 1 260px', maxWidth: 360 }} title={t('area.choose')}>
        <AreaSearchBox onSelect={onChange} />
      </div>
    </Flex>
  );
}
