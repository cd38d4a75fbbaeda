import type { TFunction } from 'i18next';

export type UnmetReason = { code: string; params: Record<string, string | number | null> };

/**
 * The sentence for why a branch misses a checklist item, from the server's reason code and
 * numbers (`party:reasons.too_few_members` → "正式党员 2 名，少于 3 名").
 */
export function checklistReasonText(reason: UnmetReason | null, t: TFunction): string {
  if (!reason) return '';
  const params = { ...reason.params };
  if (reason.code === 'no_recent_life' && params.last === null) params.last = t('party:reasons.never');
  return t(`party:reasons.${reason.code}`, params as Record<string, string | number>);
}
