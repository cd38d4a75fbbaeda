import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type { RateInput } from './demands.rates';
import type { ResponsibleKind } from './demands.table';
import { LIST_COLUMNS, type ListRow } from './demands.views';

// The queries of the three rates and the ranking. Rates are computed in memory from one read of
// the needed columns (a year of the whole city is ~15k rows), so that every figure and the list
// behind it come from the same predicates (demands.rates.ts). Reads the areas (areas module) and
// users (iam module) tables only for names. Nothing here writes.

type Q = Kysely<Database> | Transaction<Database>;

/** What a rate needs of a demand, with what it is grouped by. */
export interface RateRow extends RateInput {
  id: string;
  path: string;
  receivedAt: string;
  responsibleKind: ResponsibleKind | null;
  responsibleRef: string | null;
  responsibleName: string | null;
  handlerUserId: string | null;
}

/** Demands in the scopes received in [since, until) — ISO instants (demands.rates.period.ts). */
export function rateRowsIn(
  db: Q,
  opts: { scopes: string[]; since: string; until: string },
): Promise<RateRow[]> {
  return db
    .selectFrom('demands')
    .select([
      'id',
      'path',
      'receivedAt',
      'status',
      'callbackValid',
      'firstContactDueAt',
      'firstContactedAt',
      'resolved',
      'rating',
      'responsibleKind',
      'responsibleRef',
      'responsibleName',
      'handlerUserId',
    ])
    .where((eb) => inScopes(eb, 'path', opts.scopes))
    .where('receivedAt', '>=', opts.since)
    .where('receivedAt', '<', opts.until)
    .execute()
    .then((rows) =>
      rows.map((r) => ({
        ...r,
        callbackValid: Number(r.callbackValid),
        resolved: r.resolved === null ? null : Number(r.resolved),
      })),
    );
}

/** The inbox columns of demands by id (a page of a drill-down), in no particular order. */
export async function listRowsByIds(db: Q, ids: string[]): Promise<ListRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('demands').select(LIST_COLUMNS).where('id', 'in', ids).execute();
}

/** Category names by code. */
export async function categoryNames(
  db: Q,
  codes: string[],
): Promise<Map<string, { zh: string; en: string }>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('demandCategories')
    .select(['code', 'nameZh', 'nameEn'])
    .where('code', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.code, { zh: r.nameZh, en: r.nameEn }]));
}

export interface PlaceRow {
  code: string;
  name: string;
  level: Database['areas']['level'];
  path: string;
  parentCode: string | null;
  sortOrder: number;
}

const placeColumns = ['code', 'name', 'level', 'path', 'parentCode', 'sortOrder'] as const;

/** An active place by code. */
export function findActivePlace(db: Q, code: string): Promise<PlaceRow | undefined> {
  return db
    .selectFrom('areas')
    .select(placeColumns)
    .where('code', '=', code)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Active places by path (a caller's scope roots). */
export async function placesAtPaths(db: Q, paths: string[]): Promise<PlaceRow[]> {
  if (paths.length === 0) return [];
  return db
    .selectFrom('areas')
    .select(placeColumns)
    .where('path', 'in', paths)
    .where('status', '=', 'active')
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
}

/** Active children of a place, in their order. */
export function childPlaces(db: Q, parentCode: string): Promise<PlaceRow[]> {
  return db
    .selectFrom('areas')
    .select(placeColumns)
    .where('parentCode', '=', parentCode)
    .where('status', '=', 'active')
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
}

/** Active places of one level at or below the scopes, in their order. */
export function placesAtLevel(
  db: Q,
  opts: { scopes: string[]; level: PlaceRow['level'] },
): Promise<PlaceRow[]> {
  return db
    .selectFrom('areas')
    .select(placeColumns)
    .where('level', '=', opts.level)
    .where('status', '=', 'active')
    .where((eb) => inScopes(eb, 'path', opts.scopes))
    .orderBy('path')
    .execute();
}

/** Names of places by code (the street above a community …). */
export async function placeNames(db: Q, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', unique).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Names of handling units by id. */
export async function unitNames(db: Q, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('handlingUnits')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active property companies serving a place at or below the scopes (handling_unit_places). */
export async function propertyCompaniesServing(
  db: Q,
  scopes: string[],
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('handlingUnits')
    .innerJoin('handlingUnitPlaces', 'handlingUnitPlaces.unitId', 'handlingUnits.id')
    .select(['handlingUnits.id', 'handlingUnits.name'])
    .distinct()
    .where('handlingUnits.kind', '=', 'property_company')
    .where('handlingUnits.active', '=', 1)
    .where((eb) => inScopes(eb, 'handlingUnitPlaces.path', scopes))
    .execute();
}

/** Display names of users by id. */
export async function userNames(db: Q, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
