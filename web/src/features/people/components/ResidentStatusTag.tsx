import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentStatus } from '../api';

export type ResidentStatusTagProps = { status: ResidentStatus };

const COLORS: Record<ResidentStatus, string | undefined> = {
  active: 'green',
  moved_out: 'orange',
  deceased: undefined,
};

/** 在册 / 已迁出 / 已死亡. */
export function ResidentStatusTag({ status }: ResidentStatusTagProps) {
  const { t } = useTranslation('people');
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
