import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema';
import { createTestDb, type TestDb, testDialect } from '../../db/testing';
import { locatePointInGeometry, type Polygon } from '../../lib/geo/index';
import { readDivisions } from './city.divisions';
import { generateDemoCity } from './city.generate';
import { loadDemoCity } from './city.load';

async function countAreas(db: Kysely<Database>, level: string): Promise<number> {
  const row = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('level', '=', level as never)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Checks every reader of the tree relies on, from what the database holds. */
function sharedChecks(getDb: () => Kysely<Database>) {
  it('resolves the retired 邹平县 to its successor 邹平市', async () => {
    const db = getDb();
    const retired = await db
      .selectFrom('areas')
      .selectAll()
      .where('code', '=', '371626')
      .executeTakeFirstOrThrow();
    expect(retired).toMatchObject({ status: 'retired', validTo: '2018-08-01', successorCode: '371681' });
    const successor = await db
      .selectFrom('areas')
      .select(['name', 'status'])
      .where('code', '=', retired.successorCode!)
      .executeTakeFirstOrThrow();
    expect(successor).toEqual({ name: '邹平市', status: 'active' });
  });

  it("starts every household's path with its unit's path", async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from areas h join areas u on u.code = h.parent_code
      where h.level = 'household' and substr(h.path, 1, length(u.path) + 1) <> u.path || '/'`.execute(
      getDb(),
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it("draws every grid within its community's box and every compound inside its grid", async () => {
    const db = getDb();
    const { rows: strays } = await sql<{ n: number }>`
      select count(*) as n from areas g join areas c on c.code = g.parent_code
      where g.level = 'grid' and (g.min_lng < c.min_lng or g.min_lat < c.min_lat
        or g.max_lng > c.max_lng or g.max_lat > c.max_lat)`.execute(db);
    expect(Number(strays[0]!.n)).toBe(0);
    const compounds = await db
      .selectFrom('areas as k')
      .innerJoin('areas as g', 'g.code', 'k.parentCode')
      .select(['k.lng', 'k.lat', 'g.boundary'])
      .where('k.level', '=', 'compound')
      .execute();
    expect(compounds.length).toBeGreaterThan(0);
    const outside = compounds.filter(
      (k) => locatePointInGeometry([k.lng!, k.lat!], JSON.parse(k.boundary!) as Polygon) !== 'inside',
    );
    expect(outside).toEqual([]);
  });

  it('gives every grid a full-time grid worker and the street supervision line', async () => {
    const db = getDb();
    const grids = await db
      .selectFrom('areas')
      .select(['code', 'attrs'])
      .where('level', '=', 'grid')
      .execute();
    const fullTime = await db
      .selectFrom('gridStaff')
      .select('gridCode')
      .where('duty', '=', 'full_time')
      .execute();
    expect(fullTime.map((s) => s.gridCode).sort()).toEqual(grids.map((g) => g.code).sort());
    for (const grid of grids) expect(JSON.parse(grid.attrs).supervisionPhone).toMatch(/^0543-[2-8]\d{6}$/);
  });

  it('records one import change, to which every drawn version points', async () => {
    const db = getDb();
    const changes = await db.selectFrom('areaChanges').selectAll().execute();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'import', effectiveDate: '2021-01-01', scopePath: '3716' });
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from area_versions where change_id is distinct from ${changes[0]!.id}
        or valid_from <> '2021-01-01' or valid_to is not null`.execute(db);
    expect(Number(rows[0]!.n)).toBe(0);
  });
}

describe('the demo city of one street, loaded', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await loadDemoCity({ db: db.kysely, options: { onlyStreets: ['371602001'] } });
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it('holds exactly the rows the generator made', async () => {
    const generated = [...generateDemoCity({ onlyStreets: ['371602001'] })].flatMap((b) => b.areas);
    const stored = await db.kysely
      .selectFrom('areas')
      .select(['id', 'code', 'path', 'attrs'])
      .orderBy('code')
      .execute();
    const expected = generated
      .map((a) => ({ id: a.id, code: a.code, path: a.path, attrs: a.attrs }))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(stored).toEqual(expected);
  });

  it('moves the area revision on, so that point lookups rebuild their index', async () => {
    const row = await db.kysely.selectFrom('areaRevision').select('revision').executeTakeFirstOrThrow();
    expect(Number(row.revision)).toBe(1);
  });

  sharedChecks(() => db.kysely);
});

// The whole city is ~620,000 rows: seconds on SQLite, too long for every PostgreSQL run.
describe.skipIf(testDialect() !== 'sqlite')('the whole demo city at scale 1, loaded', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await loadDemoCity({ db: db.kysely });
  }, 180_000);
  afterAll(async () => {
    await db.cleanup();
  });

  it("has Binzhou's 7 county-level units, 219 communities, 1,459 grids and 1,909 compounds", async () => {
    const counts = Object.fromEntries(
      await Promise.all(
        ['city', 'district', 'community', 'grid', 'compound'].map(async (level) => [
          level,
          await countAreas(db.kysely, level),
        ]),
      ),
    );
    expect(counts).toEqual({ city: 1, district: 7, community: 219, grid: 1459, compound: 1909 });
  });

  it('has every street and town of the reference list, under its real name', async () => {
    const streets = await db.kysely
      .selectFrom('areas')
      .select(['code', 'name', 'parentCode'])
      .where('level', '=', 'street')
      .orderBy('code')
      .execute();
    const reference = readDivisions()
      .filter((d) => d.level === 'street')
      .map((d) => ({ code: d.code, name: d.name, parentCode: d.parentCode }))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(streets).toEqual(reference);
  });

  it('keeps at least 85% of grids within 300 to 500 households', async () => {
    const { rows } = await sql<{ households: number }>`
      select count(*) as households from areas
      where level = 'household' group by substr(code, 1, 15)`.execute(db.kysely);
    expect(rows).toHaveLength(1459);
    const within = rows.filter((r) => r.households >= 300 && r.households <= 500).length;
    expect(within / rows.length).toBeGreaterThanOrEqual(0.85);
  });

  sharedChecks(() => db.kysely);
});
