import type { Session, TestApp } from '../../server/testing';
import { createTestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import {
  COMPOUND_A1,
  COMPOUND_A1_PATH,
  createHandlingUnit,
  fileTestDemand,
  GRID_A1_PATH,
  POINT_A1,
  POINT_B1,
  STREET_A_PATH,
  type WalkStep,
  walk,
} from './demands.fixtures';

// The small hand-computed set the rates tests share, filed and walked through the real workflow
// (intake service, then POST /actions). March 2025 in community A (371602001001: street A, grids
// A1 and A2):
//   D1 A1  company P  contacted  resolved    满意
//   D2 A1  company P  contacted  resolved    基本满意
//   D3 A1  company P  no contact unresolved  不满意
//   D4 A2  grid A2, handler gw2, contacted, resolved, 满意
//   D5 A2  grid A2, handler gw2, contacted, closed and not yet rated
//   D6 A1  no callback consent (no valid callback), resolved, 满意
//   D7 A2  only received
//   D9 A1  received 2025-03-31 23:59 China time, contacted, resolved, 满意
// Outside it: D8 street B (grid B1, 满意, all good) in March; D10 A1 received 2025-04-01 00:00
// China time, 不满意; D11 A1 in February, all good.
// Callback denominator, community A, March: D1 D2 D3 D4 D9 = 5; responded 4, resolved 4,
// 满意 3, 基本满意 1, 不满意 1; rates .8 / .8 / (3 + .9) / 5 = .78; composite .08 + .4 + .312 = .792.

export const COMMUNITY_A = '371602001001';
export const GRID_A1 = '371602001001001';
export const GRID_A2 = '371602001001002';
export const GRID_A2_PATH = `${STREET_A_PATH}/${COMMUNITY_A}/${GRID_A2}`;
const POINT_A2 = { lng: 7, lat: 5 } as const;
export const MARCH = { from: '2025-03-01', to: '2025-03-31' };

export interface RatesSet {
  t: TestApp;
  admin: Session;
  ids: Record<string, string>;
  gw2Id: string;
  companyP: string;
}

const march = (day: number) => new Date(Date.UTC(2025, 2, day, 2));

function steps(opts: {
  contact: boolean;
  to?: 'closed' | 'rated';
  rating?: 'satisfied' | 'basic' | 'unsatisfied';
  resolved?: boolean;
  dispatch?: WalkStep;
}): WalkStep[] {
  const out: WalkStep[] = ['register', opts.dispatch ?? 'dispatch', 'accept'];
  if (opts.contact) out.push('contact');
  out.push('reply', 'verify_pass', 'close');
  if (opts.to !== 'closed')
    out.push({ action: 'rate', rating: opts.rating ?? 'satisfied', resolved: opts.resolved ?? true });
  return out;
}

/** A test app on the small city with users admin, streetA, streetB, gw1, gw2, resident and the set above. */
export async function buildRatesSet(): Promise<RatesSet> {
  const t = await createTestApp();
  await buildSmallCity(t.db.kysely);
  await t.createUser({ username: 'admin', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  await t.createUser({
    username: 'streetA',
    assignments: [{ role: 'street_official', scopePath: STREET_A_PATH }],
  });
  await t.createUser({
    username: 'streetB',
    assignments: [{ role: 'street_official', scopePath: '3716/371602/371602002' }],
  });
  await t.createUser({ username: 'gw1', assignments: [{ role: 'grid_worker', scopePath: GRID_A1_PATH }] });
  const gw2Id = await t.createUser({
    username: 'gw2',
    assignments: [{ role: 'grid_worker', scopePath: GRID_A2_PATH }],
  });
  await t.createUser({
    username: 'resident',
    assignments: [{ role: 'resident', scopePath: COMPOUND_A1_PATH }],
  });
  const admin = await t.login('admin');
  const companyP = await createHandlingUnit(t.db.kysely, {
    kind: 'property_company',
    name: '滨城物业',
    path: STREET_A_PATH,
    places: [{ code: COMPOUND_A1, path: COMPOUND_A1_PATH }],
  });
  const ids: Record<string, string> = {};
  const demand = async (
    key: string,
    at: Date,
    where: { lng: number; lat: number },
    walkSteps: WalkStep[],
    consent = true,
  ) => {
    const d = await fileTestDemand(t, admin, { now: at, location: where, callbackConsent: consent });
    if (walkSteps.length) await walk(t, admin, d.id, walkSteps);
    ids[key] = d.id;
  };
  const toP: WalkStep = { action: 'dispatch', responsible: { kind: 'property_company', ref: companyP } };
  const toGw2: WalkStep = { action: 'dispatch', handlerUserId: gw2Id };
  await demand('D1', march(3), POINT_A1, steps({ contact: true, dispatch: toP }));
  await demand('D2', march(4), POINT_A1, steps({ contact: true, dispatch: toP, rating: 'basic' }));
  await demand(
    'D3',
    march(5),
    POINT_A1,
    steps({ contact: false, dispatch: toP, rating: 'unsatisfied', resolved: false }),
  );
  await demand('D4', march(6), POINT_A2, steps({ contact: true, dispatch: toGw2 }));
  await demand('D5', march(7), POINT_A2, steps({ contact: true, dispatch: toGw2, to: 'closed' }));
  await demand('D6', march(8), POINT_A1, steps({ contact: true }), false);
  await demand('D7', march(9), POINT_A2, []);
  await demand('D8', march(10), POINT_B1, steps({ contact: true }));
  await demand('D9', new Date('2025-03-31T15:59:00.000Z'), POINT_A1, steps({ contact: true }));
  await demand(
    'D10',
    new Date('2025-03-31T16:00:00.000Z'),
    POINT_A1,
    steps({ contact: true, rating: 'unsatisfied', resolved: false }),
  );
  await demand('D11', new Date(Date.UTC(2025, 1, 10, 2)), POINT_A1, steps({ contact: true }));
  return { t, admin, ids, gw2Id, companyP };
}

/** GET as a session with a query; the status and the parsed body. */
export async function getJson<T>(
  t: TestApp,
  session: Session | null,
  path: string,
  q: Record<string, string> = {},
) {
  const res = await t.request(session, { method: 'GET', url: `${path}?${new URLSearchParams(q)}` });
  return { status: res.statusCode, body: res.json() as T };
}
