import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import { seedUsers } from '../src/modules/iam/index';

const run = promisify(execFile);
let dataDir: string;

async function verify() {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gr-audit-'));
  const db = openDatabase({ sqliteFile: path.join(dataDir, 'grassroots.sqlite') });
  await migrateToLatest(db.kysely);
  await seedUsers(db.kysely);
  await db.close();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run audit:verify', () => {
  it('passes on an untouched log', async () => {
    const r = await verify();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/intact.*5 entries/);
  });

  it('fails and names the row when one row is changed by hand', async () => {
    const db = openDatabase({ sqliteFile: path.join(dataDir, 'grassroots.sqlite') });
    await db.kysely.updateTable('auditLog').set({ actorLabel: 'nobody' }).where('seq', '=', 3).execute();
    await db.close();
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/seq=3, reason=hash_mismatch/);
  });
});
