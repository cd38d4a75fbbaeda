import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type PolygonalGeometry, sphericalAreaSquareMeters } from '../../lib/geo/index';
import { type Actor, authorize, can, listScopes } from '../iam/index';
import { areasErrors } from './areas.errors';
import { LOCATED_LEVELS, locatePlaces } from './areas.locator';
import * as repo from './areas.repository';
import type { AreaLevel, AreaRow } from './areas.table';
import {
  ancestorCodes,
  parseAttrs,
  parseBoundary,
  toAreaNode,
  toAreaSummary,
  toLevelCounts,
} from './areas.views';

type Db = Kysely<Database>;

/**
 * Residents live in the people module, which depends on this one; it registers how to count
 * them below a place, so that the grid profile shows the figure without a circular import.
 */
type ResidentCounter = (db: Db, path: string) => Promise<number>;
let residentCounter: ResidentCounter | undefined;
export function registerResidentCounter(counter: ResidentCounter): void {
  residentCounter = counter;
}

// Counting every household below the city reads ~600k index entries: keep the answer until the
// area revision moves on.
const countCache = new WeakMap<object, Map<string, Map<AreaLevel, number>>>();

async function countsBelow(db: Db, path: string): Promise<Map<AreaLevel, number>> {
  const revision = await repo.readRevision(db);
  let cache = countCache.get(db);
  if (!cache) {
    cache = new Map();
    countCache.set(db, cache);
  }
  const key = `${revision}:${path}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const counts = await repo.countBelowByLevel(db, path);
  if (cache.size > 5000) cache.clear();
  cache.set(key, counts);
  return counts;
}

/** A place the actor may read: in scope, or a retired code whose successor is in scope. */
async function getReadableArea(
  db: Db,
  actor: Actor,
  code: string,
): Promise<{ row: AreaRow; successor?: AreaRow }> {
  authorize(actor, 'areas.read');
  const row = await repo.findAreaByCode(db, code);
  if (!row) throw areasErrors.notFound();
  const successor = row.successorCode ? await repo.findAreaByCode(db, row.successorCode) : undefined;
  const visible =
    can(actor, 'areas.read', row.path) || (successor && can(actor, 'areas.read', successor.path));
  if (!visible) throw areasErrors.notFound();
  return { row, ...(successor ? { successor } : {}) };
}

export async function getAreaNode(opts: { db: Db; actor: Actor; code: string }) {
  const { db } = opts;
  const { row, successor } = await getReadableArea(db, opts.actor, opts.code);
  const withChildren = await repo.codesWithChildren(db, [row.code, ...(successor ? [successor.code] : [])]);
  const ancestors = await repo.findAreasByCodes(db, ancestorCodes(row.path));
  ancestors.sort((a, b) => a.depth - b.depth);
  const counts = row.status === 'active' ? await countsBelow(db, row.path) : new Map<AreaLevel, number>();
  return toAreaNode({
    row,
    hasChildren: withChildren.has(row.code),
    ancestors,
    counts,
    successor,
    successorHasChildren: successor ? withChildren.has(successor.code) : false,
  });
}

export async function listAreaChildren(opts: {
  db: Db;
  actor: Actor;
  code: string;
  query: { level?: AreaLevel | undefined; after?: string | undefined; limit: number };
}) {
  const { db, query } = opts;
  const { row } = await getReadableArea(db, opts.actor, opts.code);
  const rows = await repo.listChildren(db, {
    parentCode: row.code,
    level: query.level,
    afterCode: query.after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const withChildren = await repo.codesWithChildren(
    db,
    page.map((r) => r.code),
  );
  return {
    items: page.map((r) => toAreaSummary(r, withChildren.has(r.code))),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.code ?? null) : null,
  };
}

type TreeNode = ReturnType<typeof toAreaSummary> & { children?: TreeNode[] };

async function expand(db: Db, nodes: TreeNode[], depth: number): Promise<void> {
  if (depth <= 0) return;
  for (const node of nodes) {
    if (!node.hasChildren) continue;
    const rows = await repo.listChildren(db, { parentCode: node.code, limit: 500 });
    const withChildren = await repo.codesWithChildren(
      db,
      rows.map((r) => r.code),
    );
    node.children = rows.map((r) => toAreaSummary(r, withChildren.has(r.code)));
    await expand(db, node.children, depth - 1);
  }
}

/** The tree from a root (default: the caller's scope roots), `depth` levels deep. */
export async function getAreaTree(opts: {
  db: Db;
  actor: Actor;
  query: { root?: string | undefined; depth: number };
}) {
  const { db, actor, query } = opts;
  let roots: AreaRow[];
  if (query.root) {
    roots = [(await getReadableArea(db, actor, query.root)).row];
  } else {
    const scopes = listScopes(actor, 'areas.read');
    roots = await repo.findAreasByCodes(
      db,
      scopes.map((s) => s.split('/').pop() as string),
    );
    roots.sort((a, b) => a.path.localeCompare(b.path));
  }
  const withChildren = await repo.codesWithChildren(
    db,
    roots.map((r) => r.code),
  );
  const nodes: TreeNode[] = roots.map((r) => toAreaSummary(r, withChildren.has(r.code)));
  await expand(db, nodes, query.depth);
  return { roots: nodes };
}

export async function searchAreaNodes(opts: {
  db: Db;
  actor: Actor;
  query: { q: string; level?: AreaLevel | undefined; limit: number };
}) {
  const { db, query } = opts;
  const scopes = listScopes(opts.actor, 'areas.read');
  const rows = await repo.searchAreas(db, { scopes, q: query.q, level: query.level, limit: query.limit });
  const names = new Map(
    (await repo.findAreasByCodes(db, [...new Set(rows.flatMap((r) => ancestorCodes(r.path)))])).map((a) => [
      a.code,
      a.name,
    ]),
  );
  const withChildren = await repo.codesWithChildren(
    db,
    rows.map((r) => r.code),
  );
  return {
    items: rows.map((r) => ({
      ...toAreaSummary(r, withChildren.has(r.code)),
      ancestorsText: ancestorCodes(r.path)
        .map((c) => names.get(c) ?? c)
        .join(' / '),
    })),
  };
}

/**
 * The places of one level below a parent as GeoJSON, with households counted from the records;
 * with `at`, the versions in force on that day (the map of that month).
 */
export async function getAreaGeojson(opts: {
  db: Db;
  actor: Actor;
  query: { parent?: string | undefined; level: AreaLevel; at?: string | undefined };
}) {
  const { db, actor, query } = opts;
  const scopes = listScopes(actor, 'areas.read');
  const parentPaths = query.parent ? [(await getReadableArea(db, actor, query.parent)).row.path] : scopes;
  const features = [];
  for (const parentPath of parentPaths) {
    const places = query.at
      ? (await repo.versionsAt(db, { parentPath, level: query.level, date: query.at })).map((v) => ({
          code: v.areaCode,
          name: v.name,
          path: v.path,
          boundary: v.boundary,
        }))
      : await repo.polygonsBelow(db, { parentPath, level: query.level });
    const visible = places.filter((p) => p.boundary && can(actor, 'areas.read', p.path));
    const households = await repo.householdsBelowEach(
      db,
      visible.map((p) => p.path),
    );
    const childCounts = await childCountOf(
      db,
      visible.map((p) => p.code),
    );
    for (const p of visible) {
      features.push({
        type: 'Feature' as const,
        id: p.code,
        geometry: parseBoundary(p.boundary) as PolygonalGeometry,
        properties: {
          code: p.code,
          name: p.name,
          level: query.level,
          households: households.get(p.path) ?? 0,
          childCount: childCounts.get(p.code) ?? 0,
        },
      });
    }
  }
  return { type: 'FeatureCollection' as const, features };
}

async function childCountOf(db: Db, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('areas')
    .select(['parentCode', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parentCode', 'in', codes)
    .where('status', '=', 'active')
    .groupBy('parentCode')
    .execute();
  return new Map(rows.map((r) => [r.parentCode as string, Number(r.n)]));
}

/** Which district, street, community, grid and compound hold a point; places outside scope are withheld. */
export async function locatePoint(opts: { db: Db; actor: Actor; query: { lng: number; lat: number } }) {
  authorize(opts.actor, 'areas.read');
  const found = await locatePlaces(opts.db, [opts.query.lng, opts.query.lat]);
  return Object.fromEntries(
    LOCATED_LEVELS.map((level) => {
      const place = found[level];
      return [level, place && can(opts.actor, 'areas.read', place.path) ? toAreaSummary(place, true) : null];
    }),
  ) as Record<(typeof LOCATED_LEVELS)[number], ReturnType<typeof toAreaSummary> | null>;
}

export async function getAreaHistory(opts: { db: Db; actor: Actor; code: string }) {
  const { row } = await getReadableArea(opts.db, opts.actor, opts.code);
  const versions = await repo.versionsOf(opts.db, row.code);
  return { versions: versions.map(({ areaCode, ...v }) => ({ code: areaCode, ...v })) };
}

async function gridFacts(db: Db, grid: AreaRow) {
  const counts = await countsBelow(db, grid.path);
  const compounds = await repo.listChildren(db, { parentCode: grid.code, level: 'compound', limit: 500 });
  const households = await repo.householdsBelowEach(
    db,
    compounds.map((c) => c.path),
  );
  const staff = await repo.staffOfGrid(db, grid.code);
  const attrs = parseAttrs(grid);
  const boundary = parseBoundary(grid.boundary);
  return { counts, compounds, households, staff, attrs, boundary };
}

export async function getGridProfile(opts: { db: Db; actor: Actor; code: string }) {
  const { db } = opts;
  const { row } = await getReadableArea(db, opts.actor, opts.code);
  if (row.level !== 'grid') throw areasErrors.wrongLevel('grid', row.level);
  const node = await getAreaNode({ db, actor: opts.actor, code: row.code });
  const f = await gridFacts(db, row);
  return {
    grid: node,
    boundary: f.boundary,
    staff: f.staff.map((s) => ({ id: s.id, name: s.name, duty: s.duty, workPhone: s.workPhone })),
    supervisionPhone: typeof f.attrs.supervisionPhone === 'string' ? f.attrs.supervisionPhone : null,
    compounds: f.compounds.map((c) => ({
      ...toAreaSummary(c, true),
      households: f.households.get(c.path) ?? 0,
    })),
    households: toLevelCounts(f.counts).household,
    buildings: toLevelCounts(f.counts).building,
    residents: residentCounter ? await residentCounter(db, row.path) : null,
    areaSquareMeters: f.boundary ? Math.round(sphericalAreaSquareMeters(f.boundary)) : null,
  };
}

/**
 * The public notice of a grid (Binzhou grid regulation art. 6): name, extent, grid workers with
 * their work phones and the supervision phone. Anyone may read it; it holds no personal data.
 */
export async function getPublicGrid(opts: { db: Db; code: string }) {
  const { db } = opts;
  const row = await repo.findAreaByCode(db, opts.code);
  if (row?.level !== 'grid' || row.status !== 'active') throw areasErrors.notFound();
  const f = await gridFacts(db, row);
  const ancestors = new Map(
    (await repo.findAreasByCodes(db, ancestorCodes(row.path))).map((a) => [a.level, a.name]),
  );
  return {
    code: row.code,
    name: row.name,
    community: ancestors.get('community') ?? null,
    street: ancestors.get('street') ?? null,
    district: ancestors.get('district') ?? null,
    boundary: f.boundary,
    staff: f.staff.map((s) => ({ name: s.name, duty: s.duty, workPhone: s.workPhone })),
    supervisionPhone: typeof f.attrs.supervisionPhone === 'string' ? f.attrs.supervisionPhone : null,
    households: toLevelCounts(f.counts).household,
    updatedAt: row.updatedAt,
  };
}
