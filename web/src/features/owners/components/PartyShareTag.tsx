import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommitteeView } from '../api';

export type PartyShareTagProps = { share: CommitteeView['partyShare'] };

/** The party-member share against the report's 60% target: warned about, never a bar to an election. */
export function PartyShareTag({ share }: PartyShareTagProps) {
  const { t } = useTranslation('owners');
  if (share.percent === null) return <span>—</span>;
  const tag = (
    <Tag
      color={share.meetsTarget ? 'green' : 'orange'}
      icon={share.meetsTarget ? undefined : <WarningOutlined />}
      data-testid="party-share"
      data-meets-target={share.meetsTarget}
    >
      {share.percent}
    </Tag>
  );
  return share.meetsTarget ? (
    tag
  ) : (
    <Tooltip title={t('stats.target', { target: share.target })}>{tag}</Tooltip>
  );
}
