import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandStatus } from '../../api';

const COLORS: Record<DemandStatus, string> = {
  received: 'blue',
  registered: 'cyan',
  declined: 'default',
  dispatched: 'geekblue',
  in_hand: 'processing',
  replied: 'purple',
  verified: 'lime',
  closed: 'green',
  rated: 'success',
  merged: 'default',
};

export type StatusTagProps = { status: DemandStatus };

export function StatusTag({ status }: StatusTagProps) {
  const { t } = useTranslation('demands');
  return (
    <Tag color={COLORS[status]} data-testid="demand-status" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
