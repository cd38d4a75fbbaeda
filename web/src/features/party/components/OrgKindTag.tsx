import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartyOrgKind } from '../api';

const KIND_COLORS: Record<PartyOrgKind, string> = {
  community_committee: 'red',
  grid_branch: 'volcano',
  building_group: 'gold',
  central_household: 'orange',
};

export type OrgKindTagProps = { kind: PartyOrgKind; dissolved?: boolean };

/** 社区党组织 / 网格党支部 / 楼栋党小组 / 党员中心户 as a coloured tag; grey once dissolved. */
export function OrgKindTag({ kind, dissolved = false }: OrgKindTagProps) {
  const { t } = useTranslation('party');
  return (
    <Tag color={dissolved ? 'default' : KIND_COLORS[kind]} variant="outlined" data-kind={kind}>
      {t(`kinds.${kind}`)}
    </Tag>
  );
}
