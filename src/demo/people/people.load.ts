// Loads the demo city's residents and party records grid by grid (jobs.ts decides when and where):
// each grid is one chunk written in one transaction — its residents, members, branch and talents
// land together or not at all — and the event loop is let go between chunks. A grid is done exactly
// when its branch row exists (the branch's id is fixed by the grid), so a restart carries on from
// the first grid without one, with the day the load began on.

import type { Kysely } from 'kysely';
import { withIndexesDeferred } from '../../db/bulk-insert';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { chinaToday } from '../../modules/areas/index';
import { demoImportChangeId } from '../city/city.generate';
import { type DemoCityOptions, resolveOptions } from '../city/city.plan';
import { loadDemoOwners } from '../owners/index';
import { gridBranchId } from '../party/party.chain';
import {
  type ChunkContext,
  type ChunkCounts,
  insertGridChunk,
  insertGridRows,
  type SealedGridChunk,
} from './people.chunk';
import { type ChunkMaker, inThreadChunkMaker, startWorkerChunkMaker } from './people.chunk-maker';
import { communityOrgId, dayOfStamp } from './people.ids';
import { type GridPlaces, type GridRef, listGrids, readGridPlaces } from './people.places';

type Db = Kysely<Database>;

export interface DemoPeopleOptions {
  db: Db;
  cipher: FieldCipher;
  /** The city's options: its seed names the people's too, and onlyStreets limits the grids. */
  city?: DemoCityOptions;
  /** The day records are dated from; a resumed load keeps the day it began on, a fresh one takes today. */
  today?: string;
  log?: (msg: string) => void;
  /**
   * The key `cipher` was made from: with it a worker thread makes the same cipher and does the
   * generating and sealing; without it (or if the worker cannot start) this thread does.
   */
  key?: Buffer;
  /** Stop after this many chunks (tests of resumption). */
  maxChunks?: number;
  /**
   * Write every grid in one transaction, building the residents' plain indexes once at the end,
   * when no resident exists yet and nobody waits (the sync load before the server listens): the
   * three randomly keyed indexes of residents cost more than everything else when fed row by row.
   * All or nothing then; otherwise (or with residents there already) one transaction per grid.
   */
  atOnce?: boolean;
}

export interface DemoPeopleSummary {
  /** Grids the load covers, and of those how many were done before it started. */
  grids: number;
  alreadyDone: number;
  /** What this run wrote. */
  written: ChunkCounts & { grids: number };
  complete: boolean;
  ms: number;
}

/** True when the area tree is the generated demo city (its import record is there), not a real one. */
export async function isDemoCity(db: Db, city: DemoCityOptions = {}): Promise<boolean> {
  const row = await db
    .selectFrom('areaChanges')
    .select('id')
    .where('id', '=', demoImportChangeId(city))
    .executeTakeFirst();
  return row !== undefined;
}

interface Plan {
  pending: GridRef[];
  grids: number;
  lanes: number;
  /** The day the load began on, when some grids are done already. */
  startedOn: string | null;
}

async function plan(db: Db, city: DemoCityOptions): Promise<Plan> {
  if (!(await isDemoCity(db, city))) return { pending: [], grids: 0, lanes: 0, startedOn: null };
  const { grids, lanes } = await listGrids(db, city.onlyStreets ?? null);
  const branches = await db
    .selectFrom('partyOrgs')
    .select(['id', 'areaCode', 'status', 'createdAt'])
    .where('kind', '=', 'grid_branch')
    .execute();
  const ours = new Map(branches.map((b) => [b.id, b.createdAt]));
  // A grid someone organised by hand before the load reached it is left as they made it.
  const organised = new Set(branches.filter((b) => b.status === 'active').map((b) => b.areaCode));
  let startedOn: string | null = null;
  const pending = grids.filter((grid) => {
    const stamp = ours.get(gridBranchId({ grid }));
    if (stamp && startedOn === null) startedOn = dayOfStamp(stamp);
    return stamp === undefined && !organised.has(grid.code);
  });
  return { pending, grids: grids.length, lanes, startedOn };
}

/** How many grids of the demo city still wait for their residents (0 when the tree is not the demo city's). */
export async function pendingDemoPeople(db: Db, city: DemoCityOptions = {}): Promise<number> {
  return (await plan(db, city)).pending.length;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const number = (n: number) => n.toLocaleString('en-US');

/**
 * Loads the residents and party records of every grid still without them, one transaction per grid,
 * letting the event loop run between grids. The next grid is generated and sealed (in the worker,
 * when there is one) while this one is written. `shouldStop` is asked before each grid.
 */
export async function loadDemoPeopleAndOwners(
  opts: DemoPeopleOptions & { shouldStop?: () => boolean },
): Promise<DemoPeopleSummary> {
  const summary = await loadDemoPeople(opts);
  // Owners' registers and committees follow the residents they are drawn from (issue 6); a
  // partial run (maxChunks, a stop) leaves them to the next complete one. Compounds that have
  // them already are skipped, so this is cheap once done.
  if (opts.maxChunks === undefined && !opts.shouldStop?.()) {
    await loadDemoOwners({
      db: opts.db,
      cipher: opts.cipher,
      city: opts.city ?? {},
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.shouldStop ? { shouldStop: opts.shouldStop } : {}),
    });
  }
  return summary;
}

export async function loadDemoPeople(
  opts: DemoPeopleOptions & { shouldStop?: () => boolean },
): Promise<DemoPeopleSummary> {
  const started = performance.now();
  const { db } = opts;
  const city = opts.city ?? {};
  const { seed } = resolveOptions(city);
  const p = await plan(db, city);
  const today = opts.today ?? p.startedOn ?? chinaToday();
  const written = { grids: 0, residents: 0, partyMembers: 0, partyOrgs: 0, talents: 0, placeRoles: 0 };
  const grids = p.pending.slice(0, Math.min(p.pending.length, opts.maxChunks ?? Number.POSITIVE_INFINITY));
  if (grids.length === 0) return { grids: p.grids, alreadyDone: p.grids, written, complete: true, ms: 0 };
  const maker =
    (opts.key ? await startWorkerChunkMaker({ cipher: opts.cipher, key: opts.key }) : null) ??
    inThreadChunkMaker(opts.cipher);
  opts.log?.(
    `demo residents: loading ${number(grids.length)} of ${number(p.grids)} grids (${maker.where} generates and seals)`,
  );
  // Organisations of communities this run has written or queued, by community code.
  const communities = new Map<string, string>();
  // `q`: where places are read — inside the one transaction when writing at once (SQLite has one connection).
  const prepare = async (grid: GridRef, q: Db): Promise<Prepared> => {
    const places = await readGridPlaces(q, grid, p.lanes);
    // The community's organisation: ours, written by its first grid, unless someone made one already.
    const existing = communities.get(grid.communityCode) ?? (await communityOrgOf(q, grid.communityCode));
    const communityId = existing ?? communityOrgId(grid.communityOrdinal, grid.communityCode);
    communities.set(grid.communityCode, communityId);
    const context: ChunkContext = { seed, today, communityOrgId: communityId, withCommunity: !existing };
    const made = maker.make(places, context);
    made.catch(() => {}); // awaited below; a prepared chunk left behind by a stop must not go unhandled
    return { places, context, made };
  };
  // Progress is logged at each tenth of the grids passed, counting those done before this run.
  let reported = Math.floor(((p.grids - p.pending.length) / p.grids) * 10) * 10;
  const each = async (q: Db, write: (prepared: Prepared) => Promise<ChunkCounts>) => {
    let next = prepare(grids[0]!, q);
    for (let i = 0; i < grids.length && !opts.shouldStop?.(); i++) {
      const prepared = await next;
      if (i + 1 < grids.length) {
        next = prepare(grids[i + 1]!, q);
        next.catch(() => {}); // awaited on the next turn, unless a stop leaves it behind
      }
      const counts = await write(prepared);
      written.grids += 1;
      for (const key of Object.keys(counts) as (keyof ChunkCounts)[]) written[key] += counts[key];
      const done = p.grids - p.pending.length + written.grids;
      const percent = Math.floor((done / p.grids) * 10) * 10;
      if (percent > reported && done < p.grids) {
        reported = percent;
        opts.log?.(
          `demo residents: ${percent}% — ${number(done)} of ${number(p.grids)} grids; ` +
            `${number(written.residents)} residents, ${number(written.partyMembers)} party members ` +
            `in ${seconds(started)} s`,
        );
      }
      await nextTurn();
    }
  };
  try {
    if (opts.atOnce && (await noResidents(db)))
      await db
        .transaction()
        .execute((trx) =>
          withIndexesDeferred(trx, 'residents', () =>
            each(trx, async (prepared) => insertGridRows(trx, await prepared.made)),
          ),
        );
    else await each(db, (prepared) => writeGrid(db, maker, prepared));
  } finally {
    await maker.close();
  }
  const ms = Math.round(performance.now() - started);
  const complete = p.grids - p.pending.length + written.grids === p.grids;
  opts.log?.(
    `demo residents ${complete ? 'loaded' : 'paused'} in ${seconds(started)} s: ` +
      `${number(written.grids)} grids, ${number(written.residents)} residents, ` +
      `${number(written.partyMembers)} party members, ${number(written.partyOrgs)} party organisations, ` +
      `${number(written.talents)} talents, ${number(written.placeRoles)} roles on places` +
      (complete ? '' : ' (a restart carries on from here)'),
  );
  return { grids: p.grids, alreadyDone: p.grids - p.pending.length, written, complete, ms };
}

interface Prepared {
  places: GridPlaces;
  context: ChunkContext;
  made: Promise<SealedGridChunk>;
}

/** Writes a prepared chunk; if someone registered by hand a number it was about to give, gives another. */
async function writeGrid(db: Db, maker: ChunkMaker, prepared: Prepared): Promise<ChunkCounts> {
  const chunk = await prepared.made;
  try {
    return await insertGridChunk(db, chunk);
  } catch (error) {
    const taken = await takenIdNumbers(db, chunk);
    if (taken.size === 0) throw error;
    return insertGridChunk(
      db,
      await maker.make(prepared.places, { ...prepared.context, takenIdNumbers: taken }),
    );
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function noResidents(db: Db): Promise<boolean> {
  return (await db.selectFrom('residents').select('id').limit(1).executeTakeFirst()) === undefined;
}

async function communityOrgOf(db: Db, communityCode: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('partyOrgs')
    .select('id')
    .where('areaCode', '=', communityCode)
    .where('kind', '=', 'community_committee')
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row?.id;
}

/** The chunk's ID numbers that residents already in the database hold. */
async function takenIdNumbers(db: Db, chunk: SealedGridChunk): Promise<Set<string>> {
  const hashes = [...chunk.idNumberHashes.keys()];
  const taken = new Set<string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db
      .selectFrom('residents')
      .select('idNumberHash')
      .where('idNumberHash', 'in', hashes.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.idNumberHash) taken.add(chunk.idNumberHashes.get(r.idNumberHash)!);
  }
  return taken;
}
