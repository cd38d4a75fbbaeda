import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type { DemandChannel, DemandStatus, ResponsibleKind } from './demands.table';
import { LIST_COLUMNS, type ListRow } from './demands.views';
import { CLOCK_STATUSES, FINAL_STATUSES } from './demands.workflow';

// The inbox query (and the export's): the caller's scope first, then each filter as one SQL
// condition, newest first with a (receivedAt, id) cursor. Flags are computed in SQL on the same
// instants demands.sla.ts compares, so a filtered list and the flags on its lines agree.

type Q = Kysely<Database> | Transaction<Database>;
type EB = ExpressionBuilder<Database, 'demands'>;

/** Statuses in which a demand is no longer open: ended by its outcome or closed. */
export const ENDED_STATUSES: readonly DemandStatus[] = [...FINAL_STATUSES, 'closed'];

export interface DemandFilter {
  /** Official reading: the demand's path lies in one of these (already narrowed to areaCode). */
  scopes?: string[] | undefined;
  /** A resident's own: filed by, followed by, or merged from a demand filed or followed by this user. */
  ownUserId?: string | undefined;
  /** "Mine" for a handler: assigned to this user, or dispatched to one of these grids. */
  mine?: { userId: string; gridCodes: string[] } | undefined;
  statuses?: DemandStatus[] | undefined;
  /** A category and its sub-categories (`code` or `code.…`). */
  categoryCode?: string | undefined;
  channel?: DemandChannel | undefined;
  open?: boolean | undefined;
  /** Due flags at `now` (ISO instants); dueSoon needs `soonUntil` = now + dueSoonHours working hours. */
  due?: { kind: 'overdue' | 'dueSoon' | 'contactOverdue'; now: string; soonUntil: string } | undefined;
  responsibleKind?: ResponsibleKind | undefined;
  responsibleRef?: string | undefined;
  q?: string | undefined;
  /** ISO instants: receivedAt ≥ from and < before. */
  receivedFrom?: string | undefined;
  receivedBefore?: string | undefined;
}

export interface DemandCursor {
  receivedAt: string;
  id: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const like = (column: string, pattern: string) =>
  sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;

function ownCondition(eb: EB, userId: string): Expression<SqlBool> {
  // Follow steps are written by intake with data {"userId": …} (a resident joining a demand).
  const followed = eb
    .selectFrom('demandEvents as f')
    .select('f.demandId')
    .where('f.action', '=', 'follow')
    .where(like('f.data', `%"userId":"${escapeLike(userId)}"%`));
  // A demand they filed or followed that was merged away: they follow the one it joined.
  const mergedInto = eb
    .selectFrom('demands as m')
    .select('m.mergedIntoId')
    .where((w) => w.or([w('m.reporterUserId', '=', userId), w('m.id', 'in', followed)]))
    .where('m.mergedIntoId', 'is not', null);
  return eb.or([
    eb('demands.reporterUserId', '=', userId),
    eb('demands.id', 'in', followed),
    eb('demands.id', 'in', mergedInto.$narrowType<{ mergedIntoId: string }>()),
  ]);
}

function conditions(eb: EB, f: DemandFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  // Scope before anything else (DESIGN, Security).
  if (f.scopes) all.push(inScopes(eb, 'demands.path', f.scopes));
  if (f.ownUserId) all.push(ownCondition(eb, f.ownUserId));
  if (f.mine) {
    const mine: Expression<SqlBool>[] = [eb('demands.handlerUserId', '=', f.mine.userId)];
    if (f.mine.gridCodes.length)
      mine.push(
        eb.and([
          eb('demands.responsibleKind', '=', 'grid'),
          eb('demands.responsibleRef', 'in', f.mine.gridCodes),
        ]),
      );
    all.push(eb.or(mine));
  }
  if (f.statuses?.length) all.push(eb('demands.status', 'in', f.statuses));
  if (f.categoryCode)
    all.push(
      eb.or([
        eb('demands.categoryCode', '=', f.categoryCode),
        like('demands.categoryCode', `${escapeLike(f.categoryCode)}.%`),
      ]),
    );
  if (f.channel) all.push(eb('demands.channel', '=', f.channel));
  if (f.open === true) all.push(eb('demands.status', 'not in', ENDED_STATUSES));
  if (f.open === false) all.push(eb('demands.status', 'in', ENDED_STATUSES));
  if (f.due) all.push(dueCondition(eb, f.due));
  if (f.responsibleKind) all.push(eb('demands.responsibleKind', '=', f.responsibleKind));
  if (f.responsibleRef) all.push(eb('demands.responsibleRef', '=', f.responsibleRef));
  if (f.q) {
    const q = escapeLike(f.q);
    all.push(eb.or([like('demands.number', `${q}%`), like('demands.description', `%${q}%`)]));
  }
  if (f.receivedFrom) all.push(eb('demands.receivedAt', '>=', f.receivedFrom));
  if (f.receivedBefore) all.push(eb('demands.receivedAt', '<', f.receivedBefore));
  return eb.and(all);
}

/** The flags of demands.sla.ts `dueFlags` as SQL: instants are ISO text and compare as strings. */
function dueCondition(eb: EB, due: NonNullable<DemandFilter['due']>): Expression<SqlBool> {
  switch (due.kind) {
    case 'overdue':
      return eb.and([eb('demands.status', 'in', CLOCK_STATUSES), eb('demands.dueAt', '<', due.now)]);
    case 'dueSoon':
      return eb.and([
        eb('demands.status', 'in', CLOCK_STATUSES),
        eb('demands.dueAt', '>=', due.now),
        eb('demands.dueAt', '<=', due.soonUntil),
      ]);
    case 'contactOverdue':
      return eb.and([
        eb('demands.status', 'in', ['dispatched', 'in_hand']),
        eb('demands.firstContactedAt', 'is', null),
        eb('demands.firstContactDueAt', '<', due.now),
      ]);
  }
}

export type ListDemandRow = ListRow & {
  anonymous: number;
  reporterNameMasked: string | null;
  reporterPhoneMasked: string | null;
  resolved: number | null;
};

/** One page, newest first, after the cursor. */
export function listDemandRows(
  db: Q,
  filter: DemandFilter,
  page: { after?: DemandCursor | undefined; limit: number },
): Promise<ListDemandRow[]> {
  const after = page.after;
  let q = db
    .selectFrom('demands')
    .select([...LIST_COLUMNS, 'anonymous', 'reporterNameMasked', 'reporterPhoneMasked', 'resolved'])
    .where((eb) => conditions(eb, filter));
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('demands.receivedAt', '<', after.receivedAt),
        eb.and([eb('demands.receivedAt', '=', after.receivedAt), eb('demands.id', '<', after.id)]),
      ]),
    );
  return q.orderBy('demands.receivedAt', 'desc').orderBy('demands.id', 'desc').limit(page.limit).execute();
}

export async function countDemandRows(db: Q, filter: DemandFilter): Promise<number> {
  const row = await db
    .selectFrom('demands')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => conditions(eb, filter))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Names of categories by code (bilingual). */
export async function categoryNamesOf(
  db: Q,
  codes: string[],
): Promise<Map<string, { zh: string; en: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('demandCategories')
    .select(['code', 'nameZh', 'nameEn'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, { zh: r.nameZh, en: r.nameEn }]));
}

/** Names of areas by code. */
export async function areaNamesOf(db: Q, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function encodeCursor(c: DemandCursor): string {
  return Buffer.from(`${c.receivedAt}|${c.id}`, 'utf8').toString('base64url');
}

/** The cursor of a previous page, or undefined when it does not parse (the first page then). */
export function decodeCursor(text: string | undefined): DemandCursor | undefined {
  if (!text) return undefined;
  const [receivedAt, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (!receivedAt || !id) return undefined;
  return { receivedAt, id };
}
