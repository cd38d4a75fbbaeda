// Demand intake (受理) over real HTTP: POST /api/v1/demands by an outside system's API token (a
// grid worker's role over a grid of the small city), each request with its own Idempotency-Key,
// through auth, validation, the point → grid → compound lookup, the durable write in a
// file-backed SQLite (WAL) with its timeline step and its audit entry. The baseline is a bare
// Fastify route answering 201 to the same JSON body, measured in the same run with the same
// client: global fetch (undici) with keep-alive, CONCURRENCY requests in flight.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrator';
import { createFieldCipher } from '../src/lib/field-crypto';
import { newId } from '../src/lib/ids';
import { buildSmallCity } from '../src/modules/areas/areas.fixtures';
import type { CreateDemandBody } from '../src/modules/demands/demands.schemas';
import { installDemandDefaults } from '../src/modules/demands/index';
import { createApiToken } from '../src/modules/iam/iam.tokens.service';
import { systemActor } from '../src/modules/iam/index';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { BenchResult } from './bench.types';

const REQUESTS = 3000;
const WARMUP = 300;
const CONCURRENCY = 16;
/** Grid 1 of street A of the small city (areas.fixtures.ts); the point lies in its first compound. */
const GRID_PATH = '3716/371602/371602001/371602001001/371602001001001';

const BODY: CreateDemandBody = {
  categoryCode: 'sanitation.garbage',
  description: '小区垃圾桶满溢两天无人清运，气味很大，请尽快处理。',
  channel: 'patrol',
  origin: 'resident',
  location: { lng: 2, lat: 5 },
  address: '市中街道1号小区3号楼旁',
  reporterName: '王秀英',
  reporterPhone: '13805431234',
  anonymous: false,
  callbackConsent: true,
  photos: [],
  attributes: {},
};

/** Sends `count` POSTs, `CONCURRENCY` at a time; returns the elapsed milliseconds. */
async function fire(
  url: string,
  headers: Record<string, string>,
  count: number,
  keyPrefix: string,
): Promise<number> {
  const payload = JSON.stringify(BODY);
  let next = 0;
  const failures: string[] = [];
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `${keyPrefix}-${i}` },
        body: payload,
      });
      const text = await res.text();
      if (res.status !== 201 && failures.length < 3) failures.push(`${res.status} ${text.slice(0, 300)}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const ms = performance.now() - started;
  if (failures.length > 0) throw new Error(`intake answered other than 201: ${failures.join(' | ')}`);
  return ms;
}

async function bareFastify(): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false });
  bare.post('/api/v1/demands', async (_request, reply) =>
    reply
      .code(201)
      .send({ id: '0190aaaa-0000-7000-8000-000000000000', number: '2026112700001', status: 'received' }),
  );
  const address = await bare.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${address}/api/v1/demands`, close: () => bare.close() };
}

export default async function demandsIntake(): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demands-intake-bench-'));
  const db = openDatabase({ sqliteFile: path.join(dataDir, 'grassroots.sqlite') });
  const baseline = await bareFastify();
  try {
    await migrateToLatest(db.kysely);
    await installDemandDefaults(db.kysely);
    await buildSmallCity(db.kysely);
    const config = { ...loadConfig({ SEED_DEMO: 'false', DATA_DIR: dataDir }), webDistDir: '/nonexistent' };
    const app = await buildApp({
      config,
      db,
      cipher: createFieldCipher({ key: randomBytes(32) }),
      logger: false,
    });
    // The token's issuer: a city administrator (tokens name who made them).
    const now = new Date().toISOString();
    const adminId = newId();
    await db.kysely
      .insertInto('users')
      .values({
        id: adminId,
        username: 'bench-admin',
        displayName: 'bench-admin',
        passwordHash: 'x',
        homeScopePath: '3716',
        status: 'active',
        mustChangePassword: 0,
        failedLoginCount: 0,
        lockedUntil: null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const { secret } = await createApiToken({
      db: db.kysely,
      actor: { ...systemActor, kind: 'user', id: adminId, label: 'bench-admin' },
      input: { name: 'bench-patrol-app', role: 'grid_worker', scopePath: GRID_PATH, expiresInDays: 1 },
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `${address}/api/v1/demands`;
      const auth = { authorization: `Bearer ${secret}` };
      // Warm both up (JIT, connection pool, SQLite page cache), then measure each in turn.
      await fire(url, auth, WARMUP, 'warmup');
      await fire(baseline.url, {}, WARMUP, 'warmup');
      const bareMs = await fire(baseline.url, {}, REQUESTS, 'bare');
      const intakeMs = await fire(url, auth, REQUESTS, 'bench');
      const filed = await db.kysely
        .selectFrom('demands')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(filed.n) !== WARMUP + REQUESTS)
        throw new Error(`expected ${WARMUP + REQUESTS} demands filed, found ${filed.n}`);
      const perSecond = (ms: number) => Math.round((REQUESTS / ms) * 1000).toLocaleString('en-US');
      console.log(
        `  demands intake: ${perSecond(intakeMs)} requests/s; bare Fastify route: ${perSecond(bareMs)} requests/s; ` +
          `ratio ${(bareMs / intakeMs).toFixed(3)}`,
      );
      return [
        {
          name: 'demands intake over HTTP',
          baseline: { label: `bare Fastify 201 (${perSecond(bareMs)}/s)`, ms: bareMs },
          subject: { label: `POST /api/v1/demands (${perSecond(intakeMs)}/s)`, ms: intakeMs },
          note:
            `${REQUESTS} requests each, ${CONCURRENCY} in flight over keep-alive fetch, after ${WARMUP} warm-up; ` +
            'intake: API token, validation, point → grid lookup, Idempotency-Key, demand + timeline + audit ' +
            'in one transaction on a file-backed SQLite (WAL)',
        },
      ];
    } finally {
      await app.close();
    }
  } finally {
    await baseline.close();
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
