import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import {
  actorOfSession,
  COMPOUND_A1,
  COMPOUND_A1_PATH,
  COMPOUND_B1_PATH,
  createHandlingUnit,
  ensureFixtureCategory,
  fileTestDemand,
  GRID_A1_PATH,
  PATH_TO,
  STREET_A_PATH,
  STREET_B_PATH,
  signInUsers,
  walk,
} from './demands.fixtures';
import type { DemandActionBody } from './demands.schemas';

// The app every handling, privacy, whistle and inbox test starts from: the small city, the
// fixture category, units at street A and B, and one session per role below.

export const HANDLING_USERS = {
  district: ['district_official', '3716/371602'],
  streetA: ['street_official', STREET_A_PATH],
  streetB: ['street_official', STREET_B_PATH],
  gridA1: ['grid_worker', GRID_A1_PATH],
  gridA2: ['grid_worker', `${STREET_A_PATH}/371602001001/371602001001002`],
  propA1: ['property_staff', COMPOUND_A1_PATH],
  propB1: ['property_staff', COMPOUND_B1_PATH],
  committee: ['owners_committee', COMPOUND_A1_PATH],
  resident: ['resident', '3716'],
  neighbour: ['resident', '3716'],
  auditor: ['auditor', '3716'],
} as const;
export type HandlingUser = keyof typeof HANDLING_USERS;

export interface HandlingTestApp {
  t: TestApp;
  as: Record<HandlingUser, Session>;
  ids: Record<HandlingUser, string>;
  units: { propertyA1: string; deptA: string; deptDistrict: string; cobuildA: string; deptB: string };
  close(): Promise<void>;
}

export const DEPARTMENT_NAME = '区住建局';

export async function createHandlingTestApp(): Promise<HandlingTestApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gr-handling-'));
  const t = await createTestApp({ DATA_DIR: dataDir });
  const db = t.db.kysely;
  await buildSmallCity(db);
  await ensureFixtureCategory(db, { departmentName: DEPARTMENT_NAME });
  const as = await signInUsers(t, HANDLING_USERS);
  const ids = Object.fromEntries(
    Object.entries<Session>(as).map(([name, session]) => [name, session.userId]),
  ) as Record<HandlingUser, string>;
  const units = {
    propertyA1: await createHandlingUnit(db, {
      kind: 'property_company',
      name: '安居物业',
      path: STREET_A_PATH,
      places: [{ code: COMPOUND_A1, path: COMPOUND_A1_PATH }],
    }),
    deptA: await createHandlingUnit(db, {
      kind: 'department',
      name: '市中街道城管中队',
      path: STREET_A_PATH,
    }),
    deptDistrict: await createHandlingUnit(db, {
      kind: 'department',
      name: DEPARTMENT_NAME,
      path: '3716/371602',
    }),
    cobuildA: await createHandlingUnit(db, {
      kind: 'cobuild_unit',
      name: '供电公司市中所',
      path: STREET_A_PATH,
    }),
    deptB: await createHandlingUnit(db, {
      kind: 'department',
      name: '市西街道城管中队',
      path: STREET_B_PATH,
    }),
  };
  return {
    t,
    as,
    ids,
    units,
    async close() {
      await t.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Files a demand as the district official (hotline) and walks it to `status`. */
export async function demandIn(
  h: HandlingTestApp,
  status: keyof typeof PATH_TO,
  overrides: Parameters<typeof fileTestDemand>[2] = {},
  by: Session = h.as.district,
): Promise<string> {
  const filed = await fileTestDemand(h.t, by, overrides);
  await walk(h.t, h.as.district, filed.id, PATH_TO[status] ?? []);
  return filed.id;
}

/** POST /api/v1/demands/:id/actions as the session. */
export function act(h: HandlingTestApp, session: Session, id: string, body: Partial<DemandActionBody>) {
  return h.t.request(session, { method: 'POST', url: `/api/v1/demands/${id}/actions`, body });
}

export function getDetail(h: HandlingTestApp, session: Session, id: string) {
  return h.t.request(session, { method: 'GET', url: `/api/v1/demands/${id}` });
}

export function demandRow(h: HandlingTestApp, id: string) {
  return h.t.db.kysely.selectFrom('demands').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export { actorOfSession };
