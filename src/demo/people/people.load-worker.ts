// Worker thread that runs the whole demo population load on a database connection of its own
// (jobs.ts starts it beside the running server). The load's transactions then hold that connection,
// not the server's: on SQLite the server's reads go on from the WAL snapshot meanwhile, and this
// thread, not the server's event loop, waits for the disk. Messages: 'stop' in; the cipher probe,
// log lines and the summary (or the error) out.

import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/database';
import { createFieldCipher } from '../../lib/field-crypto';
import type { DemoCityOptions } from '../city/city.plan';
import { cipherProbe } from './people.chunk-maker';
import { loadDemoPeopleAndOwners } from './people.load';

export interface LoadWorkerData {
  demoPeopleLoad: true;
  connection: { databaseUrl?: string; sqliteFile?: string };
  key: Uint8Array;
  city: DemoCityOptions;
}

const port = parentPort;
// Only as the worker jobs.ts starts: imported anywhere else, this file does nothing.
if (port && (workerData as LoadWorkerData | undefined)?.demoPeopleLoad === true) {
  const data = workerData as LoadWorkerData;
  const key = Buffer.from(data.key);
  const cipher = createFieldCipher({ key });
  const db = openDatabase(data.connection);
  let stopping = false;
  const load = () =>
    loadDemoPeopleAndOwners({
      db: db.kysely,
      cipher,
      key,
      city: data.city,
      log: (log) => port.postMessage({ log }),
      shouldStop: () => stopping,
    })
      .then(
        (summary) => port.postMessage({ summary }),
        (error: unknown) =>
          port.postMessage({ error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(async () => {
        await db.close();
        port.close();
      });
  // Nothing is written before the main thread has checked the probe and said 'start'.
  port.on('message', (message) => {
    if (message === 'start') void load();
    if (message === 'stop') stopping = true;
  });
  port.postMessage({ ready: cipherProbe(cipher) });
}
