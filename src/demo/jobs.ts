// When and where the demo city's residents and party records load (people/people.load.ts does the
// loading): about 1.5 million residents whose 2.7 million numbers must each be encrypted take
// minutes, longer than anyone should wait for a server to start. So by default the load runs beside
// the running server, in a worker thread with a database connection of its own, so that the server's
// requests neither wait for its transactions nor for its event loop; a restart carries on where it
// stopped. Switches: DEMO_PEOPLE=background|sync|off, DEMO_STREETS=<street codes>.

import type { Worker } from 'node:worker_threads';
import { ConfigError } from '../server/config';
import { type CipherProbe, sameCipher, spawnDemoWorker } from './people/people.chunk-maker';
import {
  type DemoPeopleOptions,
  type DemoPeopleSummary,
  loadDemoPeopleAndOwners,
} from './people/people.load';
import type { LoadWorkerData } from './people/people.load-worker';

export {
  type DemoPeopleOptions,
  type DemoPeopleSummary,
  isDemoCity,
  loadDemoPeople,
  loadDemoPeopleAndOwners,
  pendingDemoPeople,
} from './people/people.load';

export type DemoPeopleMode = 'background' | 'sync' | 'off';

export interface DemoSwitches {
  /** background (default): after the server listens; sync: before it does; off: not at all. */
  people: DemoPeopleMode;
  /** Street codes whose urban part alone is generated (tree and people), or null for the whole city. */
  streets: string[] | null;
}

/** Reads DEMO_PEOPLE and DEMO_STREETS; a value it does not understand is an error, not a silent default. */
export function readDemoSwitches(env: Readonly<Record<string, string | undefined>>): DemoSwitches {
  const problems: string[] = [];
  const mode = env.DEMO_PEOPLE?.trim() || 'background';
  if (mode !== 'background' && mode !== 'sync' && mode !== 'off')
    problems.push(`DEMO_PEOPLE=${JSON.stringify(env.DEMO_PEOPLE)}: must be background, sync or off`);
  const text = env.DEMO_STREETS?.trim();
  const streets = text ? text.split(/[\s,]+/).filter(Boolean) : null;
  const wrong = streets?.filter((code) => !/^\d{9}$/.test(code)) ?? [];
  if (wrong.length > 0)
    problems.push(
      `DEMO_STREETS=${JSON.stringify(env.DEMO_STREETS)}: must list 9-digit street codes (${wrong.join(', ')})`,
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return { people: mode as DemoPeopleMode, streets };
}

export interface DemoPeopleJob {
  /** Settles when the load has finished, stopped or failed (a failure is logged, never thrown). */
  readonly done: Promise<DemoPeopleSummary | null>;
  /** Asks the job to stop after the grid it is writing; resolves once it has. */
  stop(): Promise<void>;
}

export interface DemoPeopleJobOptions extends DemoPeopleOptions {
  /**
   * How a worker thread reaches the same database (main.ts's own settings). Without it, without
   * `key`, or with an in-memory database, the load runs on the caller's connection and thread.
   */
  connection?: { databaseUrl?: string | undefined; sqliteFile?: string | undefined };
}

/** Starts the load beside the running server: in a worker thread when it can, in this one otherwise. */
export function startDemoPeopleJob(opts: DemoPeopleJobOptions): DemoPeopleJob {
  let stopping = false;
  let worker: Worker | null = null;
  const run = async (): Promise<DemoPeopleSummary | null> => {
    const inWorker = await runInWorker(opts, {
      started: (w) => {
        worker = w;
      },
      stopping: () => stopping,
    });
    if (inWorker !== 'unavailable') return inWorker;
    if (stopping) return null;
    opts.log?.("demo residents: no worker thread could take the load; it runs on the server's connection");
    return loadDemoPeopleAndOwners({ ...opts, shouldStop: () => stopping });
  };
  const done = run().catch((error: unknown) => {
    opts.log?.(stoppedOn(error instanceof Error ? error.message : String(error)));
    return null;
  });
  return {
    done,
    async stop() {
      stopping = true;
      (worker as Worker | null)?.postMessage('stop');
      await done;
    },
  };
}

const stoppedOn = (message: string) =>
  `demo residents: the background load stopped on an error (${message}); what was written stays, and a restart carries on`;

type LoadReply =
  | { ready: CipherProbe }
  | { log: string }
  | { summary: DemoPeopleSummary }
  | { error: string };

/** The load in a worker thread; 'unavailable' when no worker could start or its cipher is not ours. */
function runInWorker(
  opts: DemoPeopleJobOptions,
  hooks: { started: (worker: Worker) => void; stopping: () => boolean },
): Promise<DemoPeopleSummary | null | 'unavailable'> {
  const { connection, key } = opts;
  const file = connection?.sqliteFile;
  if (!key || !(connection?.databaseUrl || (file && file !== ':memory:')))
    return Promise.resolve('unavailable');
  const data: LoadWorkerData = {
    demoPeopleLoad: true,
    connection: connection.databaseUrl ? { databaseUrl: connection.databaseUrl } : { sqliteFile: file! },
    key: new Uint8Array(key),
    city: opts.city ?? {},
  };
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = spawnDemoWorker('people.load-worker', data);
    } catch {
      resolve('unavailable');
      return;
    }
    let started = false;
    let summary: DemoPeopleSummary | null = null;
    worker.on('message', (reply: LoadReply) => {
      if ('ready' in reply) {
        if (!sameCipher(opts.cipher, reply.ready) || hooks.stopping()) {
          if (!hooks.stopping())
            opts.log?.("demo residents: the worker's cipher is not the server's; loading here");
          void worker.terminate();
          return;
        }
        started = true;
        hooks.started(worker);
        worker.postMessage('start');
      } else if ('log' in reply) opts.log?.(reply.log);
      else if ('summary' in reply) summary = reply.summary;
      else opts.log?.(stoppedOn(reply.error));
    });
    worker.on('error', (error) => {
      if (started) opts.log?.(stoppedOn(error.message));
    });
    worker.on('exit', () => resolve(started ? summary : 'unavailable'));
  });
}
