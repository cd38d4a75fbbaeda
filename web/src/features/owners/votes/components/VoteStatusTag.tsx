import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VoteStatus } from '../api';

const COLORS: Record<VoteStatus, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'success',
  cancelled: 'error',
};

export type VoteStatusTagProps = { status: VoteStatus; testId?: string };

export function VoteStatusTag({ status, testId }: VoteStatusTagProps) {
  const { t } = useTranslation('ownersVotes');
  return (
    <Tag color={COLORS[status]} data-testid={testId}>
      {t(`statuses.${status}`)}
    </Tag>
  );
}
