import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import { ancestorPaths } from './demands.routing.service';
import type { HandlingUnitKind, HandlingUnitRow } from './demands.table';
import type { UnitView } from './demands.units.schemas';

// Queries of handling units and the compounds they serve.

type Q = Kysely<Database> | Transaction<Database>;

/** Units working inside the scopes, and those working above them (a district's departments). */
export function findUnits(
  db: Q,
  scopes: string[],
  filter: { kind?: HandlingUnitKind | undefined; active?: boolean | undefined },
): Promise<HandlingUnitRow[]> {
  // The proper ancestors of each scope: `3716/371602/371602001` → `3716`, `3716/371602`.
  const above = [...new Set(scopes.flatMap((s) => ancestorPaths(s).slice(0, -1)))];
  let q = db
    .selectFrom('handlingUnits')
    .selectAll()
    .where((eb) => eb.or([inScopes(eb, 'path', scopes), ...(above.length ? [eb('path', 'in', above)] : [])]));
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.active !== undefined) q = q.where('active', '=', filter.active ? 1 : 0);
  return q.orderBy('kind').orderBy('name').orderBy('id').execute();
}

export function findUnit(db: Q, id: string): Promise<HandlingUnitRow | undefined> {
  return db.selectFrom('handlingUnits').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The units as views: area name and the places served, limited to `placeScopes`. */
export async function toUnitViews(
  db: Q,
  units: HandlingUnitRow[],
  placeScopes: string[],
): Promise<UnitView[]> {
  if (units.length === 0) return [];
  const areaCodes = [...new Set(units.map((u) => u.path.split('/').pop()!))];
  const areas = await db
    .selectFrom('areas')
    .select(['code', 'name'])
    .where('code', 'in', areaCodes)
    .execute();
  const areaName = new Map(areas.map((a) => [a.code, a.name]));
  const places = await db
    .selectFrom('handlingUnitPlaces as p')
    .leftJoin('areas as a', 'a.code', 'p.areaCode')
    .select(['p.unitId', 'p.areaCode', 'p.path', 'a.name'])
    .where(
      'p.unitId',
      'in',
      units.map((u) => u.id),
    )
    .where((eb) => inScopes(eb, 'p.path', placeScopes))
    .orderBy('p.path')
    .execute();
  return units.map((u) => {
    const code = u.path.split('/').pop()!;
    return {
      id: u.id,
      kind: u.kind,
      name: u.name,
      path: u.path,
      areaCode: code,
      areaName: areaName.get(code) ?? null,
      contactPhone: u.contactPhone,
      active: u.active === 1,
      places: places
        .filter((p) => p.unitId === u.id)
        .map((p) => ({ code: p.areaCode, name: p.name ?? p.areaCode, path: p.path })),
      createdAt: u.createdAt,
      updatedAt: u.updatedAt,
    };
  });
}

/** Active areas by code, for checking places and a unit's area. */
export async function findAreas(db: Q, codes: string[]) {
  if (codes.length === 0)
    return new Map<string, { code: string; path: string; level: string; status: string }>();
  const rows = await db
    .selectFrom('areas')
    .select(['code', 'path', 'level', 'status'])
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export async function replaceUnitPlaces(
  db: Q,
  unitId: string,
  places: { areaCode: string; path: string }[],
): Promise<void> {
  await db.deleteFrom('handlingUnitPlaces').where('unitId', '=', unitId).execute();
  if (places.length > 0)
    await db
      .insertInto('handlingUnitPlaces')
      .values(places.map((p) => ({ unitId, areaCode: p.areaCode, path: p.path })))
      .execute();
}
