import type { i18n as I18n } from 'i18next';
import { formatDateTime } from '../../i18n/format';
import { mobilePaths } from '../demands/mobile/paths';
import type { NotificationView } from './api';

// The sentence of a message, built on the client from its kind and params in the reader's
// language (the server stores no text): times in China time, the category in the language read.

export type NotificationText = { title: string; body: string };

/** The kinds the texts know, under `notifications:kinds.<kind>`. */
export const NOTIFICATION_TEXT_KINDS = [
  'demand.registered',
  'demand.declined',
  'demand.merged',
  'demand.dispatched',
  'demand.extended',
  'demand.replied',
  'demand.closed',
  'demand.assigned',
  'demand.reassigned',
  'demand.rework',
  'demand.due_soon',
  'demand.overdue',
  'demand.contact_late',
] as const;

/** Kinds told to a demand's handler: on a phone they open the handler's task, not the resident's page. */
const HANDLER_KINDS: readonly string[] = [
  'demand.assigned',
  'demand.rework',
  'demand.due_soon',
  'demand.overdue',
  'demand.contact_late',
];

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The key of the message's text: an assignment by 改派 reads as such; a kind unknown to this client reads generically. */
export function textKind(item: Pick<NotificationView, 'kind' | 'params'>): string {
  if (item.kind === 'demand.assigned' && item.params.reassigned === true) return 'demand.reassigned';
  return (NOTIFICATION_TEXT_KINDS as readonly string[]).includes(item.kind) ? item.kind : 'unknown';
}

export function notificationText(
  item: Pick<NotificationView, 'kind' | 'params'>,
  i18n: Pick<I18n, 't'>,
  language: string,
): NotificationText {
  const p = item.params;
  const t = (key: string, values?: Record<string, string>) => i18n.t(`notifications:${key}`, values ?? {});
  const due = str(p.dueAt);
  const contactDue = str(p.contactDueAt);
  const values = {
    number: str(p.number) ?? '',
    category: str(language === 'en' ? p.categoryEn : p.categoryZh) ?? str(p.categoryZh) ?? '',
    intoNumber: str(p.intoNumber) ?? '',
    responsible: str(p.responsibleName) ?? t('fallback.responsible'),
    due: due ? formatDateTime(due, language) : t('fallback.due'),
    contactDue: contactDue ? formatDateTime(contactDue, language) : t('fallback.due'),
    reason: str(p.reason) ?? t('fallback.note'),
    reply: str(p.reply) ?? t('fallback.note'),
  };
  const kind = textKind(item);
  return { title: t(`kinds.${kind}.title`, values), body: t(`kinds.${kind}.body`, values) };
}

/** Where a message opens its subject: the console's demand page, or on a phone a handler's task or a resident's demand. */
export function subjectPath(
  item: Pick<NotificationView, 'kind' | 'subjectType' | 'subjectId'>,
  surface: 'console' | 'mobile',
): string {
  if (surface === 'console') return `/demands/${encodeURIComponent(item.subjectId)}`;
  return HANDLER_KINDS.includes(item.kind)
    ? mobilePaths.task(item.subjectId)
    : mobilePaths.demand(item.subjectId);
}
