import type { Db } from '../db/database';
import type { FieldCipher } from '../lib/field-crypto';
import { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin, seedUsers } from '../modules/iam/index';
import { ensureDefaultChecklist } from '../modules/party/index';
import {
  areaTreeIsEmpty,
  type DemoCityOptions,
  linkGridWorker,
  loadDemoCity,
  placeLogins,
} from './city/index';
import { loadDemoDemands } from './demands/index';
import { type DemoPeopleMode, loadDemoPeopleAndOwners, pendingDemoPeople } from './jobs';

const PLURALS = {
  city: 'cities',
  district: 'districts',
  street: 'streets',
  community: 'communities',
  grid: 'grids',
  compound: 'compounds',
  building: 'buildings',
  unit: 'units',
  household: 'households',
} as const;

const number = (n: number) => n.toLocaleString('en-US');

export interface DemoSeedResult {
  password: string;
  logins: DemoLogin[];
  /** Grids still waiting for their residents: the background job's work (0 once all are loaded, or when off). */
  pendingGrids: number;
}

/**
 * Fills an empty database with the demo city of Binzhou; on a database that has it already,
 * adds only what is missing. Each module contributes its records through this one entry point.
 */
export async function seedDemoCity(opts: {
  db: Db;
  log?: (msg: string) => void;
  /** The generator's options (seed, scale); tests use a smaller city. */
  city?: DemoCityOptions;
  /** The app's personal-data cipher: residents' numbers are sealed with it. Without it no residents are made. */
  cipher?: FieldCipher;
  /**
   * Residents and party records: 'sync' loads them now, 'background' leaves them to
   * startDemoPeopleJob (jobs.ts) once the server listens, 'off' (the default) leaves them out.
   */
  people?: DemoPeopleMode;
  /** The key the cipher was made from, so that a worker thread can seal numbers beside this one. */
  key?: Buffer;
}): Promise<DemoSeedResult> {
  const db = opts.db.kysely;
  // An existing tree is never touched: it may have been edited, or be a real city's.
  if (await areaTreeIsEmpty(db)) {
    const load = await loadDemoCity({ db, options: opts.city });
    const counts = Object.entries(load.places)
      .map(([level, n]) => `${number(n)} ${n === 1 ? level : PLURALS[level as keyof typeof PLURALS]}`)
      .join(', ');
    opts.log?.(
      `demo city loaded in ${number(load.ms)} ms: ${counts}; ${number(load.gridStaff)} grid workers`,
    );
  }
  const places = await placeLogins(db);
  const logins = [...DEMO_LOGINS, ...places.logins];
  const created = await seedUsers(db, logins);
  if (created > 0) opts.log?.(`demo city: ${created} demo accounts created`);
  const wangge = places.logins.find((login) => login.role === 'grid_worker');
  if (wangge && places.gridCode)
    await linkGridWorker(db, { gridCode: places.gridCode, username: wangge.username });
  // A year of demands (they need the catalogue, the accounts and the cipher, not the residents).
  if (opts.cipher)
    await loadDemoDemands({
      db,
      cipher: opts.cipher,
      city: opts.city ?? {},
      ...(opts.log ? { log: opts.log } : {}),
    });
  const people = opts.cipher ? (opts.people ?? 'off') : 'off';
  if (people === 'off') return { password: DEMO_PASSWORD, logins, pendingGrids: 0 };
  // The standard the grid branches' records are measured against, there before the first record.
  await ensureDefaultChecklist(db);
  if (people === 'sync')
    await loadDemoPeopleAndOwners({
      db,
      cipher: opts.cipher!,
      city: opts.city ?? {},
      // Nobody is waiting yet: one transaction, the residents' indexes built once at the end.
      atOnce: true,
      ...(opts.key ? { key: opts.key } : {}),
      ...(opts.log ? { log: opts.log } : {}),
    });
  return { password: DEMO_PASSWORD, logins, pendingGrids: await pendingDemoPeople(db, opts.city) };
}
