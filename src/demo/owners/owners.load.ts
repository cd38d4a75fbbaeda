// Loads the demo city's owners' records grid by grid, each grid in one transaction, after the
// grid's residents and party members: owners are linked to the residents who live there and
// committee members to their party_members rows, so a grid's owners wait for its people. A grid
// whose residents are not there yet is left for later (loadDemoOwnersOfGrid, from the people job,
// or the next loadDemoOwners); a compound that has owners' records already is never touched.

import type { Kysely } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { sealIdNumber, sealPhone } from '../../modules/people/index';
import { demoImportChangeId } from '../city/city.generate';
import { type DemoCityOptions, resolveOptions } from '../city/city.plan';
import { gridBranchId } from '../party/party.chain';
import { dayOfStamp } from '../people/people.ids';
import { type GridRef, listGrids } from '../people/people.places';
import { countOwnersFigures, type OwnersFigures } from './owners.figures';
import { generateGridOwners } from './owners.generate';
import {
  compoundsWithRecords,
  readApprovers,
  readGridCompounds,
  readGridResidents,
  streetNames,
} from './owners.places';
import { type ApproverFor, OWNERS_TABLES, type OwnersRows, type SealPerson } from './owners.types';

type Db = Kysely<Database>;

export type OwnersCounts = Record<keyof OwnersRows, number>;

export interface DemoOwnersOptions {
  db: Db;
  /** The app's personal-data cipher: numbers of owners who are not residents are sealed with it. */
  cipher: FieldCipher;
  /** The day records are dated from; by default the day the grid's residents were loaded, so that ages and terms agree. */
  today?: string;
  /** Street codes to load; all urban streets when absent (also read from city.onlyStreets). */
  onlyStreets?: readonly string[] | null;
  /** The city's options: its seed names the owners' too. */
  city?: DemoCityOptions;
  log?: (msg: string) => void;
  /** Asked before each grid: stop there (the rest is loaded by the next call). */
  shouldStop?: () => boolean;
}

export interface DemoOwnersSummary {
  /** Grids in scope: loaded by this call, done before it, waiting for their residents. */
  grids: number;
  loaded: number;
  alreadyDone: number;
  waitingForPeople: number;
  written: OwnersCounts;
  /** Counted from the tables after the load, over the scope (null when nothing is in scope). */
  figures: OwnersFigures | null;
  ms: number;
}

const zero = (): OwnersCounts => Object.fromEntries(OWNERS_TABLES.map((t) => [t, 0])) as OwnersCounts;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function sealWith(cipher: FieldCipher): SealPerson {
  return (person, today) => {
    const id = sealIdNumber(cipher, person.idNumber, today);
    const phone = sealPhone(cipher, person.phone);
    if (!id.ok || !phone.ok) throw new Error('the owners demo made a number the rules refuse');
    return {
      idNumberEnc: id.value.enc,
      idNumberHash: id.value.hash,
      idNumberMasked: id.value.masked,
      phoneEnc: phone.value.enc,
      phoneHash: phone.value.hash,
      phoneMasked: phone.value.masked,
    };
  };
}

/** Writes a grid's rows in one transaction, tables in the order their references need. */
export async function insertOwnersRows(db: Db, rows: OwnersRows): Promise<OwnersCounts> {
  const counts = zero();
  await db.transaction().execute(async (trx) => {
    for (const table of OWNERS_TABLES) counts[table] = await bulkInsert(trx, table, rows[table] as never[]);
  });
  return counts;
}

interface GridJob {
  db: Db;
  seal: SealPerson;
  seed: string;
  today: string;
  grid: GridRef;
  lanes: number;
  streetName: string;
  approverFor: ApproverFor;
  /** Compounds known to have owners' records; read from the database when absent. */
  recorded?: ReadonlySet<string>;
}

async function loadGrid(job: GridJob): Promise<OwnersCounts> {
  const { db, grid } = job;
  const all = await readGridCompounds(db, grid.path);
  const done =
    job.recorded ??
    (await compoundsWithRecords(
      db,
      all.map((c) => c.code),
    ));
  const compounds = all.filter((c) => !done.has(c.code));
  if (compounds.length === 0) return zero();
  const { rows } = generateGridOwners({
    seed: job.seed,
    today: job.today,
    grid: { code: grid.code, ordinal: grid.ordinal },
    lanes: job.lanes,
    streetName: job.streetName,
    compounds,
    residents: await readGridResidents(db, grid.path),
    approverFor: job.approverFor,
    seal: job.seal,
  });
  try {
    return await insertOwnersRows(db, rows);
  } catch (error) {
    // Another load (the people job's, say) wrote these compounds meanwhile: theirs stand.
    const now = await compoundsWithRecords(
      db,
      compounds.map((c) => c.code),
    );
    if (now.size > 0) return zero();
    throw error;
  }
}

/** The day a grid's residents were loaded (their branch's stamp), or undefined when they are not there yet. */
async function peopleLoadedOn(db: Db, grid: GridRef): Promise<string | undefined> {
  const row = await db
    .selectFrom('partyOrgs')
    .select('createdAt')
    .where('id', '=', gridBranchId({ grid }))
    .executeTakeFirst();
  return row ? dayOfStamp(row.createdAt) : undefined;
}

/**
 * One grid's owners, for the people job to call right after it has written the grid's residents:
 * `await loadDemoOwnersOfGrid({ db, cipher, grid: places.grid, lanes: places.lanes, city, today })`.
 * Does nothing when the grid's residents are not there, or its compounds have owners' records.
 */
export async function loadDemoOwnersOfGrid(opts: {
  db: Db;
  cipher: FieldCipher;
  grid: GridRef;
  lanes: number;
  city?: DemoCityOptions;
  today?: string;
}): Promise<OwnersCounts> {
  const loadedOn = await peopleLoadedOn(opts.db, opts.grid);
  if (loadedOn === undefined) return zero();
  const street = opts.grid.path.split('/')[2] ?? '';
  return loadGrid({
    db: opts.db,
    seal: sealWith(opts.cipher),
    seed: resolveOptions(opts.city).seed,
    today: opts.today ?? loadedOn,
    grid: opts.grid,
    lanes: opts.lanes,
    streetName: (await streetNames(opts.db)).get(street) ?? '',
    approverFor: await readApprovers(opts.db),
  });
}

/**
 * Every grid in scope whose residents are loaded and whose compounds still lack owners' records,
 * one transaction per grid, letting the event loop run between grids. Safe to call again: it
 * carries on where it stopped, and picks up grids whose residents arrived since.
 */
export async function loadDemoOwners(opts: DemoOwnersOptions): Promise<DemoOwnersSummary> {
  const started = performance.now();
  const { db } = opts;
  const written = zero();
  const city = opts.city ?? {};
  const isDemo = await db
    .selectFrom('areaChanges')
    .select('id')
    .where('id', '=', demoImportChangeId(city))
    .executeTakeFirst();
  if (!isDemo)
    return { grids: 0, loaded: 0, alreadyDone: 0, waitingForPeople: 0, written, figures: null, ms: 0 };
  const streets = opts.onlyStreets ?? city.onlyStreets ?? null;
  const { grids, lanes } = await listGrids(db, streets);
  const branches = await db
    .selectFrom('partyOrgs')
    .select(['id', 'createdAt'])
    .where('kind', '=', 'grid_branch')
    .execute();
  const loadedOn = new Map(branches.map((b) => [b.id, dayOfStamp(b.createdAt)]));
  const names = await streetNames(db);
  const approverFor = await readApprovers(db);
  const seal = sealWith(opts.cipher);
  const seed = resolveOptions(city).seed;
  // Grids with a compound still without owners' records: the rest are done (or were entered by hand).
  const compounds = await db
    .selectFrom('areas')
    .select(['code', 'parentCode'])
    .where('level', '=', 'compound')
    .where('status', '=', 'active')
    .execute();
  const recorded = await compoundsWithRecords(
    db,
    compounds.map((c) => c.code),
  );
  const open = new Set(compounds.filter((c) => !recorded.has(c.code)).map((c) => c.parentCode));
  let loaded = 0;
  let alreadyDone = 0;
  let waiting = 0;
  let reported = 0;
  let today: string | undefined = opts.today;
  for (const grid of grids) {
    if (opts.shouldStop?.()) break;
    if (!open.has(grid.code)) {
      alreadyDone += 1;
      continue;
    }
    const day = loadedOn.get(gridBranchId({ grid }));
    if (day === undefined) {
      waiting += 1;
      continue;
    }
    today ??= day;
    const street = grid.path.split('/')[2] ?? '';
    const streetName = names.get(street) ?? '';
    const counts = await loadGrid({
      db,
      seal,
      seed,
      today: opts.today ?? day,
      grid,
      lanes,
      streetName,
      approverFor,
      recorded,
    });
    for (const table of OWNERS_TABLES) written[table] += counts[table];
    loaded += 1;
    const done = loaded + alreadyDone;
    const percent = Math.floor((done / grids.length) * 10) * 10;
    if (percent > reported && done < grids.length) {
      reported = percent;
      opts.log?.(`demo owners: ${percent}% — ${done} of ${grids.length} grids, ${written.ownerUnits} units`);
    }
    await nextTurn();
  }
  today ??= loadedOn.values().next().value;
  const figures = today ? await figuresOf(db, today, streets) : null;
  const ms = Math.round(performance.now() - started);
  opts.log?.(
    `demo owners loaded in ${(ms / 1000).toFixed(1)} s: ${loaded} grids, ${written.ownerUnits} units, ` +
      `${written.owners} owners, ${written.ownerCommittees} committees, ${written.committeeFormations} formations` +
      (figures
        ? `; ${figures.withCommittee} of ${figures.compounds} compounds have a committee in term (${figures.rate}%), ` +
          `${figures.partyMembersOnCommittees} party members sit on them`
        : '') +
      (waiting > 0 ? `; ${waiting} grids wait for their residents` : ''),
  );
  return { grids: grids.length, loaded, alreadyDone, waitingForPeople: waiting, written, figures, ms };
}

/** The figures over the streets loaded, or the city. */
async function figuresOf(db: Db, today: string, streets: readonly string[] | null): Promise<OwnersFigures> {
  if (!streets || streets.length === 0) return countOwnersFigures(db, { today });
  const parts: OwnersFigures[] = [];
  for (const code of streets) {
    const street = await db.selectFrom('areas').select('path').where('code', '=', code).executeTakeFirst();
    if (street) parts.push(await countOwnersFigures(db, { today, scopePath: street.path }));
  }
  const sum = (key: keyof OwnersFigures) => parts.reduce((n, f) => n + f[key], 0);
  const compounds = sum('compounds');
  const withCommittee = sum('withCommittee');
  return {
    compounds,
    withCommittee,
    rate: compounds === 0 ? 0 : Math.round((withCommittee / compounds) * 1000) / 10,
    committeeMembers: sum('committeeMembers'),
    partyMembersOnCommittees: sum('partyMembersOnCommittees'),
    units: sum('units'),
    owners: sum('owners'),
    formationsInProgress: sum('formationsInProgress'),
  };
}
