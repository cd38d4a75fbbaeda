import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { Session, TestApp } from '../../server/testing';
import { type Actor, ROLE_DEFINITIONS, type Role } from '../iam/index';
import { fileDemand } from './demands.intake.service';
import type { CreateDemandBody, DemandActionBody, DemandDetail } from './demands.schemas';
import type { HandlingUnitKind, LimitUnit, ResponsibleKind } from './demands.table';
import type { DemandAction } from './demands.workflow';

// Test helpers for demands: a category of known limits, a demand filed through the intake service
// as a signed-in user, and a walk through the workflow over HTTP. Shared by every demands test.

export const FIXTURE_CATEGORY = 'fixture.repair';
export const FIXTURE_PARENT = 'fixture';
/** A point inside compound 371602001001001 01 (street A, grid 1): lng 1–4, lat 1–9. */
export const POINT_A1 = { lng: 2, lat: 5 } as const;
/** A point inside compound 371602002001001 01 (street B, grid 1). */
export const POINT_B1 = { lng: 12, lat: 5 } as const;
export const STREET_A_PATH = '3716/371602/371602001';
export const STREET_B_PATH = '3716/371602/371602002';
export const GRID_A1 = '371602001001001';
export const GRID_A1_PATH = `${STREET_A_PATH}/371602001001/${GRID_A1}`;
export const COMPOUND_A1 = `${GRID_A1}01`;
export const COMPOUND_A1_PATH = `${GRID_A1_PATH}/${COMPOUND_A1}`;
export const GRID_B1 = '371602002001001';
export const COMPOUND_B1 = `${GRID_B1}01`;
export const COMPOUND_B1_PATH = `${STREET_B_PATH}/371602002001/${GRID_B1}/${COMPOUND_B1}`;

/** Who may change the demand settings and calendar (a city admin) and who may not. */
export const SETTINGS_USERS = {
  admin: ['city_admin', '3716'],
  streetA: ['street_official', STREET_A_PATH],
  resident: ['resident', STREET_A_PATH],
} as const;

/**
 * Creates one user per key (the key is the username), each holding one role over one scope, and
 * answers their sessions by the same keys.
 */
export async function signInUsers<K extends string>(
  t: TestApp,
  users: Record<K, readonly [role: string, scopePath: string]>,
): Promise<Record<K, Session>> {
  const sessions = {} as Record<K, Session>;
  for (const [username, [role, scopePath]] of Object.entries(users) as [K, readonly [string, string]][]) {
    await t.createUser({ username, assignments: [{ role, scopePath }] });
    sessions[username] = await t.login(username);
  }
  return sessions;
}

export interface FixtureCategoryOptions {
  code?: string;
  parentCode?: string | null;
  handleLimit?: number;
  handleUnit?: LimitUnit;
  firstContactHours?: number;
  defaultParty?: ResponsibleKind;
  departmentName?: string | null;
}

/**
 * Makes sure a category exists with a first version of the given limits (a no-op when the code is
 * there already). The parent `fixture` is created too for sub-categories of it.
 */
export async function ensureFixtureCategory(
  db: Kysely<Database>,
  opts: FixtureCategoryOptions = {},
): Promise<string> {
  const code = opts.code ?? FIXTURE_CATEGORY;
  const parentCode =
    opts.parentCode === undefined ? (code.includes('.') ? code.split('.')[0]! : null) : opts.parentCode;
  if (parentCode && parentCode !== code)
    await ensureFixtureCategory(db, { ...opts, code: parentCode, parentCode: null });
  const exists = await db
    .selectFrom('demandCategories')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (exists) return code;
  const now = new Date().toISOString();
  await db
    .insertInto('demandCategories')
    .values({
      code,
      parentCode,
      nameZh: `测试类别${code}`,
      nameEn: `Test category ${code}`,
      eventClass: null,
      sortOrder: 0,
      active: 1,
      currentVersion: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('demandCategoryVersions')
    .values({
      id: newId(),
      categoryCode: code,
      version: 1,
      handleLimit: opts.handleLimit ?? 3,
      handleUnit: opts.handleUnit ?? 'working_days',
      firstContactHours: opts.firstContactHours ?? 2,
      defaultParty: opts.defaultParty ?? 'grid',
      departmentName: opts.departmentName ?? null,
      attributes: '[]',
      validFrom: '2020-01-01T00:00:00.000Z',
      createdBy: 'fixture',
      note: null,
    })
    .execute();
  return code;
}

/** Adds a new version of a category's limits (as an admin edit would) and makes it current. */
export async function editFixtureCategory(
  db: Kysely<Database>,
  code: string,
  limits: { handleLimit: number; handleUnit: LimitUnit; firstContactHours: number },
): Promise<number> {
  const cat = await db
    .selectFrom('demandCategories')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  const prev = await db
    .selectFrom('demandCategoryVersions')
    .selectAll()
    .where('categoryCode', '=', code)
    .where('version', '=', cat.currentVersion)
    .executeTakeFirstOrThrow();
  const version = cat.currentVersion + 1;
  await db
    .insertInto('demandCategoryVersions')
    .values({ ...prev, ...limits, id: newId(), version, validFrom: new Date().toISOString() })
    .execute();
  await db
    .updateTable('demandCategories')
    .set({ currentVersion: version })
    .where('code', '=', code)
    .execute();
  return version;
}

/** A handling unit (property company, department, co-building unit), optionally serving places. */
export async function createHandlingUnit(
  db: Kysely<Database>,
  opts: {
    kind: HandlingUnitKind;
    name: string;
    path: string;
    places?: { code: string; path: string }[];
    active?: boolean;
  },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('handlingUnits')
    .values({
      id,
      kind: opts.kind,
      name: opts.name,
      path: opts.path,
      contactPhone: null,
      active: opts.active === false ? 0 : 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  if (opts.places?.length)
    await db
      .insertInto('handlingUnitPlaces')
      .values(opts.places.map((p) => ({ unitId: id, areaCode: p.code, path: p.path })))
      .execute();
  return id;
}

/** The actor behind a test session, as the auth plugin would build it. */
export async function actorOfSession(db: Kysely<Database>, session: Session): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom('userRoles')
    .select(['role', 'scopePath'])
    .where('userId', '=', user.id)
    .execute();
  return {
    kind: 'user',
    id: user.id,
    label: user.username,
    assignments: roles.map((r) => ({ role: r.role, scopePath: r.scopePath })),
    requestId: null,
    ip: null,
  };
}

export interface FiledTestDemand {
  id: string;
  number: string;
  status: string;
  path: string;
  gridCode: string | null;
  compoundCode: string | null;
}

/**
 * Files a demand through the intake service as the session's user. Defaults: the fixture category
 * (created if missing), a point in compound A1, a named reporter with a mobile number, channel
 * `hotline` for a user who may handle demands and `mobile` for anyone else (a resident). `now`
 * sets the time of receipt.
 */
export async function fileTestDemand(
  t: TestApp,
  session: Session,
  overrides: Partial<CreateDemandBody> & { now?: Date } = {},
): Promise<FiledTestDemand> {
  const db = t.db.kysely;
  const { now, ...body } = overrides;
  if (!body.categoryCode) await ensureFixtureCategory(db);
  const actor = await actorOfSession(db, session);
  const handles = actor.assignments.some((a) =>
    ROLE_DEFINITIONS[a.role as Role]?.permissions.includes('demands.handle'),
  );
  const full: CreateDemandBody = {
    categoryCode: FIXTURE_CATEGORY,
    description: '楼道灯坏了，晚上看不见路',
    channel: handles ? 'hotline' : 'mobile',
    origin: 'resident',
    location: POINT_A1,
    reporterName: '张三丰',
    reporterPhone: '13812345678',
    anonymous: false,
    callbackConsent: true,
    photos: [],
    attributes: {},
    ...body,
  };
  const out = await fileDemand({ db, cipher: t.app.cipher, actor, body: full, ...(now ? { now } : {}) });
  return out;
}

export type WalkStep = DemandAction | (Partial<DemandActionBody> & { action: DemandAction });

/** Fills what an action needs when a test does not care: a note, a responsible party, a rating. */
async function completeStep(t: TestApp, id: string, step: WalkStep): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = typeof step === 'string' ? { action: step } : { ...step };
  const action = body.action as DemandAction;
  const needsNote = ['decline', 'reassign', 'return', 'extend', 'reply', 'verify_fail', 'whistle', 'note'];
  if (needsNote.includes(action) && body.note === undefined) body.note = `测试说明 ${action}`;
  if ((action === 'dispatch' || action === 'reassign') && body.responsible === undefined) {
    const row = await t.db.kysely
      .selectFrom('demands')
      .select(['gridCode'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    body.responsible = { kind: 'grid', ref: row.gridCode ?? GRID_A1 };
  }
  if (action === 'extend' && body.extension === undefined)
    body.extension = { limit: 2, unit: 'working_days' };
  if (action === 'rate') {
    if (body.rating === undefined) body.rating = 'satisfied';
    if (body.resolved === undefined) body.resolved = true;
  }
  return body;
}

/**
 * Takes the actions in order over HTTP as the session (POST /api/v1/demands/:id/actions), failing
 * on the first answer that is not 200; returns the demand's detail after the last step.
 */
export async function walk(
  t: TestApp,
  session: Session,
  id: string,
  steps: WalkStep[],
): Promise<DemandDetail> {
  let last: DemandDetail | undefined;
  for (const step of steps) {
    const body = await completeStep(t, id, step);
    const res = await t.request(session, { method: 'POST', url: `/api/v1/demands/${id}/actions`, body });
    if (res.statusCode !== 200)
      throw new Error(`walk: ${String(body.action)} on ${id} gave ${res.statusCode} ${res.body}`);
    last = res.json() as DemandDetail;
  }
  if (!last) {
    const res = await t.request(session, { method: 'GET', url: `/api/v1/demands/${id}` });
    last = res.json() as DemandDetail;
  }
  return last;
}

/** The actions that bring a freshly filed demand to `status` (dispatched to its grid). */
export const PATH_TO: Record<string, DemandAction[]> = {
  received: [],
  registered: ['register'],
  declined: ['decline'],
  dispatched: ['register', 'dispatch'],
  in_hand: ['register', 'dispatch', 'accept'],
  replied: ['register', 'dispatch', 'accept', 'reply'],
  verified: ['register', 'dispatch', 'accept', 'reply', 'verify_pass'],
  closed: ['register', 'dispatch', 'accept', 'reply', 'verify_pass', 'close'],
  rated: ['register', 'dispatch', 'accept', 'reply', 'verify_pass', 'close', 'rate'],
};
