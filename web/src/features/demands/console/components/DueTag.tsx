import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../i18n/format';
import type { DemandListItem } from '../../api';
import { countdown, countdownParts, DUE_TONE_COLOR, dueTone, formatShortDateTime } from '../due';

export type DueTagProps = {
  item: Pick<DemandListItem, 'status' | 'dueAt' | 'flags'>;
  /** Show the countdown ("剩余 2 天 3 小时") beside the time. */
  withCountdown?: boolean;
  /** Month, day and time only (a table cell). */
  short?: boolean;
  now?: Date;
};

/** The handling deadline: red when overdue, orange when due soon (the server's flags). */
export function DueTag({ item, withCountdown, short, now = new Date() }: DueTagProps) {
  const { t, i18n } = useTranslation('demands');
  if (!item.dueAt) return <span>—</span>;
  const tone = dueTone(item);
  const when = (short ? formatShortDateTime : formatDateTime)(item.dueAt, i18n.language);
  const left = countdown(item.dueAt, now);
  const running = tone !== 'settled';
  const time = left
    ? countdownParts(left)
        .map((p) => t(`due.${p.unit}`, { count: p.count }))
        .join(' ')
    : '';
  const countdownText = left ? t(left.overdue ? 'due.overdueBy' : 'due.leftTime', { time }) : '';
  return (
    <Tooltip title={running ? countdownText : undefined}>
      <Tag color={DUE_TONE_COLOR[tone]} data-testid="demand-due" data-tone={tone}>
        {tone === 'overdue' ? `${t('due.overdue')} · ` : tone === 'dueSoon' ? `${t('due.dueSoon')} · ` : ''}
        {when}
        {withCountdown && running && countdownText ? ` · ${countdownText}` : ''}
      </Tag>
    </Tooltip>
  );
}
