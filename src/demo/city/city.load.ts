// Writes the demo city into the database: all of it in one transaction, so that an interrupted
// first start leaves an empty area tree (and the next start tries again), never half a city.

import { type Kysely, sql } from 'kysely';
import { bulkInsert, withIndexesDeferred } from '../../db/bulk-insert';
import type { Database } from '../../db/schema';
import { CITY_CODE } from './city.divisions';
import { demoImportChangeId, generateDemoCity } from './city.generate';
import { DEMO_EPOCH, type DemoCityOptions, resolveOptions } from './city.plan';
import { type AreaLevel, DEPTH } from './city.rows';

export interface DemoCityLoad {
  /** Active places written, by level (retired codes are not counted). */
  places: Record<AreaLevel, number>;
  retired: number;
  areaVersions: number;
  gridStaff: number;
  ms: number;
}

/** Generates the demo city and inserts it, with its import record, in one transaction. */
export async function loadDemoCity(opts: {
  db: Kysely<Database>;
  options?: DemoCityOptions;
  /** When the load happened, for the import record; now unless given. */
  now?: Date;
}): Promise<DemoCityLoad> {
  const started = performance.now();
  const { seed, scale } = resolveOptions(opts.options);
  const places = Object.fromEntries(Object.keys(DEPTH).map((level) => [level, 0])) as Record<
    AreaLevel,
    number
  >;
  let retired = 0;
  let areaVersions = 0;
  let gridStaff = 0;
  await opts.db.transaction().execute(async (trx) => {
    // Household names come in no index's order: index them once at the end (see bulk-insert.ts).
    await withIndexesDeferred(trx, 'areas', async () => {
      for (const batch of generateDemoCity(opts.options)) {
        for (const area of batch.areas) {
          if (area.status === 'retired') retired += 1;
          else places[area.level] += 1;
        }
        await bulkInsert(trx, 'areas', batch.areas);
        areaVersions += await bulkInsert(trx, 'areaVersions', batch.areaVersions);
        gridStaff += await bulkInsert(trx, 'gridStaff', batch.gridStaff);
      }
    });
    const counts = Object.entries(places)
      .map(([level, n]) => `${n} ${level}`)
      .join(', ');
    await trx
      .insertInto('areaChanges')
      .values({
        id: demoImportChangeId(opts.options),
        kind: 'import',
        effectiveDate: DEMO_EPOCH,
        scopePath: CITY_CODE,
        actorId: null,
        actorLabel: '演示数据生成器 demo city generator',
        note: `seed ${seed}, scale ${scale}`,
        summary: `演示城市导入 demo city loaded: ${counts}; ${retired} retired codes`,
        createdAt: (opts.now ?? new Date()).toISOString(),
      })
      .execute();
    // Boundaries changed: every process's point-lookup index must be rebuilt.
    await trx
      .updateTable('areaRevision')
      .set({ revision: sql<number>`revision + 1` })
      .where('id', '=', 1)
      .execute();
  });
  return { places, retired, areaVersions, gridStaff, ms: Math.round(performance.now() - started) };
}

/** True when the area tree has no rows at all: the demo city may be loaded. */
export async function areaTreeIsEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('areas').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
