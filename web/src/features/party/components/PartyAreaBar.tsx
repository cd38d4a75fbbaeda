import { Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AreaLevelTag } from '../../areas/components/AreaLevelTag';
import { AreaSearchBox } from '../../areas/components/AreaSearchBox';
import { useAreaNode } from '../../areas/hooks/useAreas';

export type PartyAreaBarProps = {
  code: string | undefined;
  onChange: (code: string) => void;
};

/** The place a party page is about, and a search box to change it (within the caller's scope). */
export function PartyAreaBar({ code, onChange }: PartyAreaBarProps) {
  const { t } = useTranslation('party');
  const node = useAreaNode(code);
  return (
    <Flex align="center" gap={12} wrap data-testid="party-area-bar">
      <Typography.Text type="secondary">{t('area.current')}</Typography.Text>
      {node.data ? (
        <Flex align="center" gap={6}>
          <Typography.Text strong data-testid="party-area-name">
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
