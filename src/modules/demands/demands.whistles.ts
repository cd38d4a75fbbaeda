import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import { newId } from '../../lib/ids';
import { fieldProblem } from '../../server/errors';
import { type Actor, scopeCovers } from '../iam/index';
import { demandScopes } from './demands.access';
import { demandsErrors } from './demands.errors';
import { ancestorPaths } from './demands.routing.service';
import { areaCodeSchema, demandStatusSchema, whistleSchema } from './demands.schemas';
import type { DemandRow, HandlingUnitRow } from './demands.table';
import { toWhistleView, whistleOnTime } from './demands.views';

// 街乡吹哨、部门报到 (Beijing art. 16): the street summons a department or co-building unit to a
// demand, and the unit must report in (报到) within settings.whistleReportHours working hours.
// Both sides are assessed (art. 33: 对"吹哨"街道（乡镇）和"报到"部门进行双考核): the summary counts
// per unit how it answered, and per street how its whistles were answered.

type Q = Kysely<Database> | Transaction<Database>;

const chinaDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const whistleListQuerySchema = z.strictObject({
  /** Only whistles not yet answered. */
  waiting: z.enum(['true', 'false']).optional(),
  areaCode: areaCodeSchema.optional(),
  unitId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type WhistleListQuery = z.infer<typeof whistleListQuerySchema>;

export const whistleListItemSchema = whistleSchema.extend({
  demandId: z.string(),
  demandNumber: z.string(),
  demandStatus: demandStatusSchema,
  path: z.string(),
  note: z.string().nullable(),
});
export const whistleListSchema = z.object({ items: z.array(whistleListItemSchema) });

export const whistleSummaryQuerySchema = z.strictObject({
  /** China dates of the summons, inclusive. */
  from: chinaDate.optional(),
  to: chinaDate.optional(),
  areaCode: areaCodeSchema.optional(),
});
export type WhistleSummaryQuery = z.infer<typeof whistleSummaryQuerySchema>;

const tallySchema = z.object({
  summoned: z.number().int(),
  reportedOnTime: z.number().int(),
  reportedLate: z.number().int(),
  /** Not reported and still in time. */
  waiting: z.number().int(),
  /** Not reported and past the due time. */
  waitingLate: z.number().int(),
});
export const whistleSummarySchema = z.object({
  units: z.array(tallySchema.extend({ unitId: z.string(), unitName: z.string() })),
  streets: z.array(tallySchema.extend({ code: z.string(), name: z.string() })),
});
export type WhistleSummary = z.infer<typeof whistleSummarySchema>;
type Tally = z.infer<typeof tallySchema>;

/** The street a demand lies in (its path), or null for a demand placed above street level. */
export async function streetPathOf(db: Q, path: string): Promise<string | null> {
  const row = await db
    .selectFrom('areas')
    .select('path')
    .where('path', 'in', ancestorPaths(path))
    .where('level', '=', 'street')
    .executeTakeFirst();
  return row?.path ?? null;
}

/**
 * The unit a street may summon for this demand: an active department or co-building unit working
 * at the demand's street or above it (a district department), or below the street (a unit based in
 * one of its communities). A property company is dispatched to, never summoned.
 */
export async function checkWhistleUnit(
  db: Q,
  demand: Pick<DemandRow, 'path'>,
  unitId: string | null | undefined,
) {
  const problem = (reason: string, zh: string, en: string) =>
    demandsErrors.invalidAction([fieldProblem('unitId', reason, { zh, en })]);
  if (!unitId) throw problem('required', '请选择被吹哨的部门或单位', 'Choose the unit to summon');
  const unit = await db.selectFrom('handlingUnits').selectAll().where('id', '=', unitId).executeTakeFirst();
  if (unit?.active !== 1 || (unit.kind !== 'department' && unit.kind !== 'cobuild_unit'))
    throw problem(
      'not_summonable',
      '只能向在用的职能部门或共建单位吹哨',
      'Only an active department or co-building unit can be summoned',
    );
  const street = (await streetPathOf(db, demand.path)) ?? demand.path;
  if (!scopeCovers(unit.path, street) && !scopeCovers(street, unit.path))
    throw problem(
      'out_of_area',
      '该单位不在诉求所在街道的范围内',
      'That unit does not work at the demand’s street',
    );
  return unit as HandlingUnitRow;
}

export async function insertWhistle(
  trx: Q,
  w: {
    demand: Pick<DemandRow, 'id' | 'path'>;
    unit: HandlingUnitRow;
    by: string;
    at: string;
    dueAt: string;
    note: string | null;
  },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('demandWhistles')
    .values({
      id,
      demandId: w.demand.id,
      path: w.demand.path,
      unitId: w.unit.id,
      unitName: w.unit.name,
      summonedBy: w.by,
      summonedAt: w.at,
      reportDueAt: w.dueAt,
      reportedAt: null,
      reportedBy: null,
      note: w.note,
    })
    .execute();
  return id;
}

/** The whistle a report-in answers: one of this demand's, not yet answered. */
export async function checkReportIn(db: Q, demandId: string, whistleId: string | null | undefined) {
  const problem = (reason: string, zh: string, en: string) =>
    demandsErrors.invalidAction([fieldProblem('whistleId', reason, { zh, en })]);
  if (!whistleId) throw problem('required', '请选择报到的吹哨记录', 'Choose the whistle being answered');
  const w = await db
    .selectFrom('demandWhistles')
    .selectAll()
    .where('id', '=', whistleId)
    .where('demandId', '=', demandId)
    .executeTakeFirst();
  if (!w) throw problem('not_found', '该诉求没有这条吹哨记录', 'This demand has no such whistle');
  if (w.reportedAt) throw problem('already_reported', '该单位已报到', 'That unit has already reported in');
  return w;
}

/** Records the report-in; false when another report-in got there first. */
export async function markReported(trx: Q, whistleId: string, by: string, at: string): Promise<boolean> {
  const r = await trx
    .updateTable('demandWhistles')
    .set({ reportedAt: at, reportedBy: by })
    .where('id', '=', whistleId)
    .where('reportedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** GET /api/v1/demands/whistles — the report-in side: whistles in the caller's scope, newest first. */
export async function listWhistles(opts: { db: Q; actor: Actor; query: WhistleListQuery; now?: Date }) {
  const { db, actor, query } = opts;
  const now = opts.now ?? new Date();
  const scopes = await demandScopes(db, actor, query.areaCode);
  let q = db
    .selectFrom('demandWhistles as w')
    .innerJoin('demands as d', 'd.id', 'w.demandId')
    .selectAll('w')
    .select(['d.number as demandNumber', 'd.status as demandStatus'])
    .where((eb) => inScopes(eb, 'w.path', scopes));
  if (query.waiting === 'true') q = q.where('w.reportedAt', 'is', null);
  if (query.waiting === 'false') q = q.where('w.reportedAt', 'is not', null);
  if (query.unitId) q = q.where('w.unitId', '=', query.unitId);
  const rows = await q.orderBy('w.summonedAt', 'desc').orderBy('w.id', 'desc').limit(query.limit).execute();
  return {
    items: rows.map((r) => ({
      ...toWhistleView(r, now),
      demandId: r.demandId,
      demandNumber: r.demandNumber,
      demandStatus: r.demandStatus,
      path: r.path,
      note: r.note,
    })),
  };
}

const emptyTally = (): Tally => ({
  summoned: 0,
  reportedOnTime: 0,
  reportedLate: 0,
  waiting: 0,
  waitingLate: 0,
});

function count(t: Tally, onTime: boolean | null, reported: boolean): void {
  t.summoned += 1;
  if (reported) {
    if (onTime) t.reportedOnTime += 1;
    else t.reportedLate += 1;
  } else if (onTime === false) t.waitingLate += 1;
  else t.waiting += 1;
}

/** China midnight of a date, as an ISO instant. */
const chinaMidnight = (date: string, plusDays = 0) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();

/** GET /api/v1/demands/whistles/summary — on-time and late report-ins per unit and per street. */
export async function whistleSummary(opts: {
  db: Q;
  actor: Actor;
  query: WhistleSummaryQuery;
  now?: Date;
}): Promise<WhistleSummary> {
  const { db, actor, query } = opts;
  const now = opts.now ?? new Date();
  const scopes = await demandScopes(db, actor, query.areaCode);
  let q = db
    .selectFrom('demandWhistles')
    .select(['unitId', 'unitName', 'path', 'reportDueAt', 'reportedAt'])
    .where((eb) => inScopes(eb, 'path', scopes));
  if (query.from) q = q.where('summonedAt', '>=', chinaMidnight(query.from));
  if (query.to) q = q.where('summonedAt', '<', chinaMidnight(query.to, 1));
  const rows = await q.execute();

  const allPaths = [...new Set(rows.flatMap((r) => ancestorPaths(r.path)))];
  const streets = allPaths.length
    ? await db
        .selectFrom('areas')
        .select(['code', 'name', 'path'])
        .where('level', '=', 'street')
        .where('path', 'in', allPaths)
        .execute()
    : [];
  const units = new Map<string, Tally & { unitId: string; unitName: string }>();
  const byStreet = new Map<string, Tally & { code: string; name: string }>();
  for (const r of rows) {
    const onTime = whistleOnTime(r, now);
    const reported = r.reportedAt !== null;
    const u = units.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName, ...emptyTally() };
    units.set(r.unitId, u);
    count(u, onTime, reported);
    const street = streets.find((s) => scopeCovers(s.path, r.path));
    if (street) {
      const s = byStreet.get(street.code) ?? { code: street.code, name: street.name, ...emptyTally() };
      byStreet.set(street.code, s);
      count(s, onTime, reported);
    }
  }
  return {
    units: [...units.values()].sort(
      (a, b) => a.unitName.localeCompare(b.unitName) || a.unitId.localeCompare(b.unitId),
    ),
    streets: [...byStreet.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** Whistles of one demand, oldest first, for its detail. */
export function whistlesOfDemand(db: Q, demandId: string) {
  return db
    .selectFrom('demandWhistles')
    .selectAll()
    .where('demandId', '=', demandId)
    .orderBy('summonedAt')
    .orderBy('id')
    .execute();
}
