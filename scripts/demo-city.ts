// `npx tsx scripts/demo-city.ts --scale 3 --data-dir /tmp/big [--seed binzhou]`: builds a demo
// city `scale` times Binzhou's size into a fresh SQLite file under the data dir, with the demo
// accounts, and prints what it made and how long it took. `DATA_DIR=/tmp/big npm start` then
// serves it (the tree is not generated again when it exists).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import { seedDemoCity } from '../src/demo/seed';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      'data-dir': { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const scale = Number(values.scale);
  const dataDir = values['data-dir'];
  if (!dataDir || !(scale > 0)) {
    console.error(
      'usage: npx tsx scripts/demo-city.ts --scale <number above 0> --data-dir <dir> [--seed <text>]',
    );
    return 2;
  }
  const file = path.join(path.resolve(dataDir), 'grassroots.sqlite');
  if (fs.existsSync(file)) {
    console.error(
      `${file} exists already; remove it (with its -wal and -shm files) or choose another --data-dir`,
    );
    return 2;
  }
  const started = performance.now();
  const db = openDatabase({ sqliteFile: file });
  try {
    await migrateToLatest(db.kysely);
    const demo = await seedDemoCity({
      db,
      city: { scale, ...(values.seed ? { seed: values.seed } : {}) },
      log: (msg) => console.log(msg),
    });
    console.log(`demo logins (password ${demo.password}): ${demo.logins.map((l) => l.username).join(', ')}`);
  } finally {
    await db.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (fs.statSync(file).size / 2 ** 20).toFixed(0);
  console.log(`scale ${scale} city written to ${file} (${megabytes} MiB) in ${seconds} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
