import type { Selectable } from 'kysely';
import type { WorkingCalendar } from '../../lib/working-calendar';
import type { DemandEvent, DemandListItem } from './demands.schemas';
import type { DemandSettings } from './demands.settings';
import { dueFlags } from './demands.sla';
import type { DemandEventRow, DemandRow, DemandWhistlesTable } from './demands.table';

// Rows to response types, on purpose: a response never carries a column not chosen for it (the
// reporter's ciphertexts and blind index stay behind; see demands.privacy.ts for the reporter).

export type Bilingual = { zh: string; en: string };

export const LIST_COLUMNS = [
  'id',
  'number',
  'status',
  'categoryCode',
  'channel',
  'origin',
  'description',
  'address',
  'path',
  'gridCode',
  'compoundCode',
  'responsibleKind',
  'responsibleName',
  'receivedAt',
  'dispatchedAt',
  'firstContactDueAt',
  'firstContactedAt',
  'dueAt',
  'closedAt',
  'rating',
  'reworkCount',
] as const satisfies readonly (keyof DemandRow)[];

/** The fields of a demand row a list item is made from. */
export type ListRow = Pick<DemandRow, (typeof LIST_COLUMNS)[number]>;

const SUMMARY_LENGTH = 120;

/** The first 120 characters (code points, so that no character is cut in half). */
export function summaryOf(description: string): string {
  const chars = Array.from(description);
  return chars.length <= SUMMARY_LENGTH ? description : `${chars.slice(0, SUMMARY_LENGTH).join('')}…`;
}

/**
 * One inbox line. `categoryNames` by category code, `placeNames` by area code (the compound's name
 * when there is one, else the grid's).
 */
export function toListItem(
  row: ListRow,
  categoryNames: ReadonlyMap<string, Bilingual>,
  placeNames: ReadonlyMap<string, string>,
  now: Date,
  calendar: WorkingCalendar,
  settings: Pick<DemandSettings, 'dueSoonHours'>,
): DemandListItem {
  const placeCode = row.compoundCode ?? row.gridCode;
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    categoryCode: row.categoryCode,
    categoryName: categoryNames.get(row.categoryCode) ?? { zh: row.categoryCode, en: row.categoryCode },
    channel: row.channel,
    origin: row.origin,
    summary: summaryOf(row.description),
    address: row.address,
    path: row.path,
    gridCode: row.gridCode,
    compoundCode: row.compoundCode,
    placeName: placeCode ? (placeNames.get(placeCode) ?? null) : null,
    responsibleKind: row.responsibleKind,
    responsibleName: row.responsibleName,
    receivedAt: row.receivedAt,
    dispatchedAt: row.dispatchedAt,
    firstContactDueAt: row.firstContactDueAt,
    firstContactedAt: row.firstContactedAt,
    dueAt: row.dueAt,
    closedAt: row.closedAt,
    rating: row.rating,
    reworkCount: Number(row.reworkCount),
    flags: dueFlags(row, now, calendar, settings.dueSoonHours),
  };
}

export interface AttachmentView {
  sha256: string;
  mime: string;
  size: number;
  url: string;
}

export function toAttachmentView(f: { sha256: string; mime: string; size: number }): AttachmentView {
  return { sha256: f.sha256, mime: f.mime, size: Number(f.size), url: `/api/v1/demands/files/${f.sha256}` };
}

/** Keys of a step's data that identify people and stay out of the timeline (a follower's user id). */
const PRIVATE_DATA_KEYS = new Set(['userId', 'reporterUserId']);

export function toEventView(row: DemandEventRow, attachments: AttachmentView[]): DemandEvent {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  for (const key of Object.keys(data)) if (PRIVATE_DATA_KEYS.has(key)) delete data[key];
  return {
    seq: Number(row.seq),
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actorLabel: row.actorLabel,
    note: row.note,
    data,
    at: row.at,
    attachments,
  };
}

/** Reported in by the due time: true/false once reported; false once late; null while still in time. */
export function whistleOnTime(
  w: Pick<Selectable<DemandWhistlesTable>, 'reportDueAt' | 'reportedAt'>,
  now: Date,
): boolean | null {
  if (w.reportedAt) return w.reportedAt <= w.reportDueAt;
  return now.toISOString() > w.reportDueAt ? false : null;
}

export function toWhistleView(w: Selectable<DemandWhistlesTable>, now: Date) {
  return {
    id: w.id,
    unitId: w.unitId,
    unitName: w.unitName,
    summonedAt: w.summonedAt,
    reportDueAt: w.reportDueAt,
    reportedAt: w.reportedAt,
    onTime: whistleOnTime(w, now),
  };
}
