import path from 'node:path';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrator';
import { seedDemoCity } from './demo/seed';
import { createFieldCipher, loadOrCreateKeyFile } from './lib/field-crypto';
import { buildApp } from './server/app';
import { ConfigError, loadConfig } from './server/config';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const db = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'grassroots.sqlite'),
  });
  const applied = await migrateToLatest(db.kysely);
  const dataKey = loadOrCreateKeyFile({ dataDir: config.dataDir, env: process.env });
  const cipher = createFieldCipher({ key: dataKey.key });
  const app = await buildApp({ config, db, cipher });
  app.log.info({ source: dataKey.source, path: dataKey.path }, 'personal-data key loaded');
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
  const demo = config.seedDemo ? await seedDemoCity({ db, log: (msg) => app.log.info(msg) }) : undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 20_000).unref();
    await app.close();
    await db.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const lines = [
    '',
    '  滨州市基层治理平台 Grassroots is running',
    `  Console 控制台:   ${base}/`,
    `  API reference:   ${base}/api/docs`,
    `  Database 数据库: ${db.dialect} ${db.location}`,
    `  Data key 数据密钥: ${dataKey.source === 'env' ? 'from GRASSROOTS_DATA_KEY' : `${dataKey.path}${dataKey.source === 'file-created' ? ' (created now — back it up: without it personal data cannot be read)' : ''}`}`,
  ];
  if (demo) {
    lines.push(`  Demo logins 演示账号 (password 密码: ${demo.password}):`);
    for (const l of demo.logins)
      lines.push(`    ${l.username.padEnd(12)} ${l.displayName} (${l.role} @ ${l.scopePath})`);
  }
  console.log(`${lines.join('\n')}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
