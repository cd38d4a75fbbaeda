import path from 'node:path';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrator';
import { type DemoPeopleJob, type DemoSwitches, readDemoSwitches, startDemoPeopleJob } from './demo/jobs';
import { seedDemoCity } from './demo/seed';
import { createFieldCipher, loadOrCreateKeyFile } from './lib/field-crypto';
import { installDemandDefaults, sweepDemandReminders } from './modules/demands/index';
import { buildApp } from './server/app';
import { ConfigError, loadConfig } from './server/config';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  let switches: DemoSwitches;
  try {
    config = loadConfig();
    switches = readDemoSwitches(process.env);
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
  // The starting demand catalogue and the 2024–2026 working calendar, once, for admins to edit.
  await installDemandDefaults(db.kysely);
  const dataKey = loadOrCreateKeyFile({ dataDir: config.dataDir, env: process.env });
  const cipher = createFieldCipher({ key: dataKey.key });
  const app = await buildApp({ config, db, cipher });
  app.log.info({ source: dataKey.source, path: dataKey.path }, 'personal-data key loaded');
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
  // DEMO_STREETS: only those streets' urban part (fast starts for browser tests); DEMO_PEOPLE: when residents load.
  const demoCity = switches.streets ? { onlyStreets: switches.streets } : {};
  const demoLog = (msg: string) => app.log.info(msg);
  const demo = config.seedDemo
    ? await seedDemoCity({
        db,
        cipher,
        key: dataKey.key,
        city: demoCity,
        people: switches.people,
        log: demoLog,
      })
    : undefined;
  let peopleJob: DemoPeopleJob | undefined;
  // Deadline reminders (即将超期 / 已超期 / 首次联系超时): every process sweeps; the database keeps
  // each reminder once however many do. A failed sweep is logged and the next one tries again; a
  // sweep still running when the next is due is not doubled, and shutdown waits for it.
  let sweeping: Promise<void> | undefined;
  const sweepReminders = () => {
    sweeping ??= sweepDemandReminders({ db: db.kysely })
      .then(
        (written) => {
          if (written > 0) app.log.info({ written }, 'deadline reminders written');
        },
        (err: unknown) => app.log.error({ err }, 'deadline reminder sweep failed'),
      )
      .finally(() => {
        sweeping = undefined;
      });
  };
  let reminderTimers: NodeJS.Timeout[] = [];

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 20_000).unref();
    for (const timer of reminderTimers) clearTimeout(timer);
    await sweeping;
    await peopleJob?.stop();
    await app.close();
    await db.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (config.reminderSweepMinutes > 0)
    reminderTimers = [
      setTimeout(sweepReminders, 30_000).unref(),
      setInterval(sweepReminders, config.reminderSweepMinutes * 60_000).unref(),
    ];
  // Residents and party records of the demo city load beside the running server, grid by grid.
  if (demo && demo.pendingGrids > 0 && switches.people === 'background')
    peopleJob = startDemoPeopleJob({
      db: db.kysely,
      cipher,
      key: dataKey.key,
      city: demoCity,
      log: demoLog,
      // A connection of its own in a worker thread: the load's transactions never hold the server's.
      connection: {
        databaseUrl: config.databaseUrl,
        sqliteFile: path.join(config.dataDir, 'grassroots.sqlite'),
      },
    });
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const lines = [
    '',
    '  滨州市基层治理平台 Grassroots is running',
    `  Console 控制台:   ${base}/`,
    `  API reference:   ${base}/api/docs`,
    `  Database 数据库: ${db.dialect} ${db.location}`,
    `  Data key 数据密钥: ${dataKey.source === 'env' ? 'from GRASSROOTS_DATA_KEY' : `${dataKey.path}${dataKey.source === 'file-created' ? ' (created now — back it up: without it personal data cannot be read)' : ''}`}`,
  ];
  if (peopleJob && demo) {
    const grids = demo.pendingGrids.toLocaleString('en-US');
    lines.push(
      `  Demo residents 演示居民: loading in the background 后台加载中 — ${grids} grids, a few minutes.`,
      '    The console works meanwhile; progress: the "demo residents: …%" lines of this log.',
      '    A restart carries on where it stopped (DEMO_PEOPLE=sync waits for it, DEMO_PEOPLE=off skips it).',
    );
  }
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
