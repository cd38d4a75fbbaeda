import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { WorkingCalendar } from '../../lib/working-calendar';
import { commonErrors, fieldProblem } from '../../server/errors';
import type { Actor } from '../iam/index';
import { demandScopes } from './demands.access';
import { holdsAnywhere } from './demands.handling.detail';
import {
  areaNamesOf,
  categoryNamesOf,
  countDemandRows,
  type DemandFilter,
  decodeCursor,
  encodeCursor,
  listDemandRows,
} from './demands.list.repository';
import type { DemandListItem, DemandListQuery } from './demands.schemas';
import { type DemandSettings, loadDemandSettings, loadWorkingCalendar } from './demands.settings';
import { DEMAND_STATUSES, type DemandStatus } from './demands.table';
import { toListItem } from './demands.views';

// The inbox per role (GET /api/v1/demands): an official's demands within their scope, filtered; a
// resident's own (filed, followed, or joined by a merge) when they ask for `mine`.

type Q = Kysely<Database> | Transaction<Database>;

const queryProblem = (field: string, zh: string, en: string) =>
  commonErrors.validation([{ ...fieldProblem(field, 'invalid', { zh, en }), in: 'query' }]);

/** China midnight of a 'YYYY-MM-DD' date plus `days`, as an ISO instant. */
function chinaMidnight(date: string, days = 0): string {
  const ms = Date.parse(`${date}T00:00:00+08:00`);
  if (Number.isNaN(ms)) throw queryProblem('receivedFrom', '日期无效', 'Not a valid date');
  return new Date(ms + days * 86_400_000).toISOString();
}

function parseStatuses(text: string | undefined): DemandStatus[] | undefined {
  if (!text) return undefined;
  const parts = text.split(',');
  for (const p of parts)
    if (!(DEMAND_STATUSES as readonly string[]).includes(p))
      throw queryProblem('status', `未知的状态：${p}`, `Unknown status: ${p}`);
  return parts as DemandStatus[];
}

/** Grids the actor works as a grid worker: the last code of each grid_worker scope. */
function gridsOf(actor: Actor): string[] {
  return actor.assignments
    .filter((a) => a.role === 'grid_worker')
    .map((a) => a.scopePath.split('/').at(-1))
    .filter((c): c is string => !!c);
}

/**
 * The filter of an inbox query for this caller: scope first (a resident without demands.read gets
 * only their own, and only when asking for `mine`; otherwise 403), then the query's filters.
 */
export async function buildDemandFilter(opts: {
  db: Q;
  actor: Actor;
  query: Omit<DemandListQuery, 'cursor' | 'limit'>;
  now: Date;
  calendar: WorkingCalendar;
  settings: DemandSettings;
}): Promise<DemandFilter> {
  const { db, actor, query, now, calendar, settings } = opts;
  const mine = query.mine === 'true';
  const filter: DemandFilter = {};
  if (actor.kind === 'user' && !holdsAnywhere(actor, 'demands.read') && mine) {
    filter.ownUserId = actor.id;
  } else {
    // demandScopes answers 403 to a caller without demands.read anywhere.
    filter.scopes = await demandScopes(db, actor, query.areaCode);
    if (mine) filter.mine = { userId: actor.id, gridCodes: gridsOf(actor) };
  }
  filter.statuses = parseStatuses(query.status);
  filter.categoryCode = query.categoryCode;
  filter.channel = query.channel;
  if (query.open) filter.open = query.open === 'true';
  if (query.due)
    filter.due = {
      kind: query.due,
      now: now.toISOString(),
      soonUntil: calendar.addWorkingHours(now, settings.dueSoonHours).toISOString(),
    };
  filter.responsibleKind = query.responsibleKind;
  filter.responsibleRef = query.responsibleRef;
  filter.q = query.q || undefined;
  if (query.receivedFrom) filter.receivedFrom = chinaMidnight(query.receivedFrom);
  if (query.receivedTo) filter.receivedBefore = chinaMidnight(query.receivedTo, 1);
  return filter;
}

/** Page rows to list items, with category and place names. */
export async function toListItems(
  db: Q,
  rows: Parameters<typeof toListItem>[0][],
  now: Date,
  calendar: WorkingCalendar,
  settings: DemandSettings,
): Promise<DemandListItem[]> {
  const categoryNames = await categoryNamesOf(
    db,
    rows.map((r) => r.categoryCode),
  );
  const placeNames = await areaNamesOf(
    db,
    rows.map((r) => r.compoundCode ?? r.gridCode).filter((c): c is string => !!c),
  );
  return rows.map((r) => toListItem(r, categoryNames, placeNames, now, calendar, settings));
}

/** GET /api/v1/demands */
export async function listDemands(opts: { db: Q; actor: Actor; query: DemandListQuery; now?: Date }) {
  const { db, actor, query } = opts;
  const now = opts.now ?? new Date();
  const settings = await loadDemandSettings(db);
  const calendar = await loadWorkingCalendar(db, settings);
  const filter = await buildDemandFilter({ db, actor, query, now, calendar, settings });
  const rows = await listDemandRows(db, filter, {
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await toListItems(db, page, now, calendar, settings),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ receivedAt: last.receivedAt, id: last.id }) : null,
    total: await countDemandRows(db, filter),
  };
}
