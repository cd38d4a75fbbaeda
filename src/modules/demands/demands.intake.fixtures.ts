import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import {
  ensureFixtureCategory,
  GRID_A1_PATH,
  STREET_A_PATH,
  STREET_B_PATH,
  signInUsers,
} from './demands.fixtures';
import type { CategoryAttribute } from './demands.schemas';

// Test helpers for intake, photos, idempotency and duplicates: an app on the small city with a
// temporary DATA_DIR, the users every intake test needs, photos as bytes and as uploads.

export const USERS = {
  resident: ['resident', '3716'],
  neighbour: ['resident', '3716'],
  gridA1: ['grid_worker', GRID_A1_PATH],
  streetA: ['street_official', STREET_A_PATH],
  streetB: ['street_official', STREET_B_PATH],
  operator: ['district_official', '3716/371602'],
  property: ['property_staff', STREET_A_PATH],
  committee: ['owners_committee', STREET_A_PATH],
  volunteer: ['volunteer', '3716'],
  auditor: ['auditor', '3716'],
} as const;
export type UserName = keyof typeof USERS;

export interface IntakeTestApp {
  t: TestApp;
  dataDir: string;
  as: Record<UserName, Session>;
  close(): Promise<void>;
}

/** A test app on buildSmallCity, with the fixture category and one session per USERS entry. */
export async function createIntakeTestApp(): Promise<IntakeTestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gr-intake-'));
  const t = await createTestApp({ DATA_DIR: dataDir });
  await buildSmallCity(t.db.kysely);
  await ensureFixtureCategory(t.db.kysely);
  const as = await signInUsers(t, USERS);
  return {
    t,
    dataDir,
    as,
    async close() {
      await t.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A category whose current version asks the given attributes. */
export async function categoryWithAttributes(t: TestApp, code: string, attributes: CategoryAttribute[]) {
  await ensureFixtureCategory(t.db.kysely, { code });
  await t.db.kysely
    .updateTable('demandCategoryVersions')
    .set({ attributes: JSON.stringify(attributes) })
    .where('categoryCode', '=', code)
    .execute();
  return code;
}

/** A category asking a required single choice and an optional number (intake and Open311 tests). */
export const LAMP = 'fixture.lamp';

/**
 * Adds LAMP: `kind` (灯 or 门 & 窗, required; the ampersand is for Open311's XML escaping) and
 * `floor` (a number, optional).
 */
export function addLampCategory(t: TestApp) {
  return categoryWithAttributes(t, LAMP, [
    {
      code: 'kind',
      datatype: 'singlevaluelist',
      required: true,
      description: { zh: '损坏的设施', en: 'What is broken' },
      order: 1,
      values: [
        { key: 'lamp', name: { zh: '灯', en: 'Lamp' } },
        { key: 'door', name: { zh: '门 & 窗', en: 'Door & window' } },
      ],
    },
    {
      code: 'floor',
      datatype: 'number',
      required: false,
      description: { zh: '楼层', en: 'Floor' },
      order: 2,
      values: [],
    },
  ]);
}

/** A tiny JPEG-looking body (the JPEG magic number, then `seed` so that each is distinct). */
export function jpegBytes(seed: string, size?: number): Buffer {
  const head = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(seed)]);
  return size === undefined ? head : Buffer.concat([head, Buffer.alloc(size - head.length)]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** POST /api/v1/demands/files with a raw body. */
export function upload(t: TestApp, session: Session | null, bytes: Buffer, type = 'image/jpeg') {
  return t.request(session, {
    method: 'POST',
    url: '/api/v1/demands/files',
    body: bytes,
    headers: { 'content-type': type },
  });
}

/** Uploads a photo and returns its digest (fails the test on anything but 201). */
export async function uploadPhoto(t: TestApp, session: Session, seed: string): Promise<string> {
  const res = await upload(t, session, jpegBytes(seed));
  if (res.statusCode !== 201) throw new Error(`upload gave ${res.statusCode} ${res.body}`);
  return (res.json() as { sha256: string }).sha256;
}

/** POST /api/v1/demands. */
export function postDemand(
  t: TestApp,
  session: Session | null,
  body: object,
  headers: Record<string, string> = {},
) {
  return t.request(session, { method: 'POST', url: '/api/v1/demands', body, headers });
}
