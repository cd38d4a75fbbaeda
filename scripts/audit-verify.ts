// `npm run audit:verify`: recomputes the audit log's hash chain on the configured database
// (DATA_DIR's SQLite file, or DATABASE_URL) and names the first broken entry. Exit 0 intact, 1 broken.
import path from 'node:path';
import { openDatabase } from '../src/db/database';
import { verifyAuditChain } from '../src/modules/iam/index';
import { loadConfig } from '../src/server/config';

async function main(): Promise<number> {
  const config = loadConfig();
  const db = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'grassroots.sqlite'),
  });
  try {
    const result = await verifyAuditChain(db.kysely);
    if (result.ok) {
      console.log(
        `audit chain intact 审计链完整: ${result.entries} entries verified on ${db.dialect} ${db.location}`,
      );
      return 0;
    }
    const b = result.firstBroken!;
    const row = b.row ? ` (action ${b.row.action}, at ${b.row.at}, actor ${b.row.actorLabel})` : '';
    console.error(
      `audit chain BROKEN 审计链被篡改: first broken entry seq=${b.seq}, reason=${b.reason}${row}; ${result.entries} entries before it verified`,
    );
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
