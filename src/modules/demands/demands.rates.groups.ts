import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { computeRates, type RateFigures } from './demands.rates';
import type { PlaceRow, RateRow } from './demands.rates.repository';
import * as repo from './demands.rates.repository';
import type { RateGrouping } from './demands.rates.schemas';
import type { RateSettings } from './demands.settings';
import type { ResponsibleKind } from './demands.table';

// The rows under a total: which group each demand falls in. The rates page, its drill-down and the
// ranking all group through here, so a row's figures and the demands listed behind them agree.

type Db = Kysely<Database>;

export interface RateGroup {
  key: string;
  name: string;
  level?: string;
  kind?: ResponsibleKind;
  /** The demands placed at the place itself, not at any of its children (`by=children`). */
  direct?: boolean;
  parentCode?: string | null;
}

export interface Grouping {
  groups: RateGroup[];
  /** The group a demand falls in, or null when it falls in none of the rows. */
  keyOf(row: RateRow): string | null;
}

/** Levels whose places can be rows: a compound is the finest place a demand is located to. */
const CHILD_LEVELS = new Set(['district', 'street', 'community', 'grid', 'compound']);

/** Groups demands by the place among `places` that their path lies at or below. */
function byPlaces(places: PlaceRow[]): Grouping['keyOf'] {
  const codeOfPath = new Map(places.map((p) => [p.path, p.code]));
  return (row) => {
    let prefix = '';
    for (const segment of row.path.split('/')) {
      prefix = prefix ? `${prefix}/${segment}` : segment;
      const code = codeOfPath.get(prefix);
      if (code !== undefined) return code;
    }
    return null;
  };
}

const placeGroup = (p: PlaceRow): RateGroup => ({
  key: p.code,
  name: p.name,
  level: p.level,
  parentCode: p.parentCode,
});

async function childrenGrouping(db: Db, place: PlaceRow | null, scopes: string[]): Promise<Grouping> {
  const children = place ? await repo.childPlaces(db, place.code) : await repo.placesAtPaths(db, scopes);
  const rows = children.filter((c) => CHILD_LEVELS.has(c.level));
  const ofChild = byPlaces(rows);
  const groups = rows.map(placeGroup);
  if (!place) return { groups, keyOf: ofChild };
  groups.push({ ...placeGroup(place), direct: true });
  return { groups, keyOf: (row) => (row.path === place.path ? place.code : ofChild(row)) };
}

async function levelGrouping(db: Db, scopes: string[], level: PlaceRow['level']): Promise<Grouping> {
  const places = await repo.placesAtLevel(db, { scopes, level });
  return { groups: places.map(placeGroup), keyOf: byPlaces(places) };
}

async function companyGrouping(db: Db, rows: RateRow[], serving: { id: string; name: string }[]) {
  const keyOf = (row: RateRow) => (row.responsibleKind === 'property_company' ? row.responsibleRef : null);
  const ids = new Set(serving.map((c) => c.id));
  for (const row of rows) {
    const key = keyOf(row);
    if (key) ids.add(key);
  }
  const names = await repo.unitNames(db, [...ids]);
  const groups = [...ids].map((id) => ({ key: id, name: names.get(id) ?? id }));
  return { groups, keyOf };
}

async function handlerGrouping(db: Db, rows: RateRow[]): Promise<Grouping> {
  const ids = [...new Set(rows.flatMap((r) => (r.handlerUserId ? [r.handlerUserId] : [])))];
  const names = await repo.userNames(db, ids);
  return {
    groups: ids.map((id) => ({ key: id, name: names.get(id) ?? id })),
    keyOf: (row) => row.handlerUserId,
  };
}

function responsibleGrouping(rows: RateRow[]): Grouping {
  const keyOf = (row: RateRow) =>
    row.responsibleKind && row.responsibleRef ? `${row.responsibleKind}:${row.responsibleRef}` : null;
  const groups = new Map<string, RateGroup>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!key || groups.has(key)) continue;
    groups.set(key, {
      key,
      name: row.responsibleName ?? row.responsibleRef ?? key,
      kind: row.responsibleKind as ResponsibleKind,
    });
  }
  return { groups: [...groups.values()], keyOf };
}

/**
 * The grouping of `by` over demands in `scopes` (the place, or the caller's scope roots when no one
 * place is meant). Places are listed even without demands; companies, handlers and responsible
 * parties only when they have some (companies also when they serve a compound in scope).
 */
export async function buildGrouping(
  db: Db,
  opts: { by: RateGrouping; place: PlaceRow | null; scopes: string[]; rows: RateRow[] },
): Promise<Grouping> {
  const { by, place, scopes, rows } = opts;
  switch (by) {
    case 'children':
      return childrenGrouping(db, place, scopes);
    case 'grid':
    case 'community':
    case 'street':
    case 'district':
      return levelGrouping(db, scopes, by);
    case 'property_company':
      return companyGrouping(db, rows, await repo.propertyCompaniesServing(db, scopes));
    case 'handler':
      return handlerGrouping(db, rows);
    case 'responsible':
      return responsibleGrouping(rows);
  }
}

/** The demands of each group, in the order of `grouping.groups`. */
export function rowsByGroup(grouping: Grouping, rows: RateRow[]): Map<string, RateRow[]> {
  const buckets = new Map<string, RateRow[]>(grouping.groups.map((g) => [g.key, []]));
  for (const row of rows) {
    const key = grouping.keyOf(row);
    if (key !== null) buckets.get(key)?.push(row);
  }
  return buckets;
}

/** computeRates per group. */
export function figuresByGroup(
  grouping: Grouping,
  rows: RateRow[],
  settings: RateSettings,
): Map<string, RateFigures> {
  const out = new Map<string, RateFigures>();
  for (const [key, members] of rowsByGroup(grouping, rows)) out.set(key, computeRates(members, settings));
  return out;
}
