import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { ensureFixtureCategory, POINT_A1, STREET_A_PATH } from './demands.fixtures';
import { addLampCategory } from './demands.intake.fixtures';
import { parseXml, sparkOfJson, sparkOfXml, type XmlNode } from './demands.open311.fixtures';
import type { Open311PostResult } from './demands.open311.schemas';

// An app for the Open311 contract tests: the small city, the fixture categories (one asking
// attributes), a city admin who walks demands through the workflow, and api_keys (API tokens):
// a hotline key over the city, a street-A key, a key whose role cannot file, and a revoked one.

export { LAMP } from './demands.intake.fixtures';

export const BASE = '/open311/v2';

export interface Open311TestApp {
  t: TestApp;
  admin: Session;
  keys: { city: string; streetA: string; readOnly: string; revoked: string };
  close(): Promise<void>;
}

export async function createOpen311TestApp(): Promise<Open311TestApp> {
  const t = await createTestApp();
  const db = t.db.kysely;
  await buildSmallCity(db);
  await ensureFixtureCategory(db);
  await addLampCategory(t);
  await t.createUser({ username: 'cityadmin', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  const admin = await t.login('cityadmin');
  const issue = async (name: string, role: string, scopePath: string) => {
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/iam/tokens',
      body: { name, role, scopePath, expiresInDays: 30 },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { token: { id: string }; secret: string };
  };
  const city = await issue('12345 热线', 'district_official', '3716/371602');
  const streetA = await issue('市中街道 App', 'street_official', STREET_A_PATH);
  const readOnly = await issue('业委会系统', 'owners_committee', STREET_A_PATH);
  const revoked = await issue('旧系统', 'street_official', STREET_A_PATH);
  const res = await t.request(admin, {
    method: 'POST',
    url: `/api/v1/iam/tokens/${revoked.token.id}/revoke`,
  });
  expect(res.statusCode).toBe(200);
  return {
    t,
    admin,
    keys: { city: city.secret, streetA: streetA.secret, readOnly: readOnly.secret, revoked: revoked.secret },
    close: () => t.close(),
  };
}

export function get(t: TestApp, url: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url });
}

/** POST form-encoded (the spec's way); `attribute[code][]` names may repeat through arrays. */
export function postForm(
  t: TestApp,
  url: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    payload: body.toString(),
  });
}

export function postJson(t: TestApp, url: string, body: object): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url, payload: body });
}

/** A JSON answer: the Open311 content type, not problem+json. */
export function jsonOf<T = unknown>(res: LightMyRequestResponse): T {
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return res.json() as T;
}

/** An XML answer: text/xml, well formed, the expected root. */
export function xmlOf(res: LightMyRequestResponse, root: string): XmlNode {
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  const node = parseXml(res.body);
  expect(node.name).toBe(root);
  return node;
}

/** The XML and JSON answers of the same resource say the same thing (Spark convention). */
export function expectSameAnswer(xml: XmlNode, json: unknown): void {
  expect(sparkOfXml(xml)).toEqual(sparkOfJson(json));
}

/** An Open311 error answer in either format: the status, and each error's code and description. */
export function expectErrors(
  res: LightMyRequestResponse,
  status: number,
  format: 'json' | 'xml',
  match?: RegExp,
) {
  expect(res.statusCode).toBe(status);
  let errors: { code: unknown; description: unknown }[];
  if (format === 'json') errors = jsonOf<{ code: unknown; description: unknown }[]>(res);
  else {
    const root = xmlOf(res, 'errors');
    errors = (sparkOfXml(root) as { code: string; description: string }[]).map((e) => ({
      code: Number(e.code),
      description: e.description,
    }));
    expect(root.children.every((c) => c.name === 'error')).toBe(true);
  }
  expect(Array.isArray(errors) && errors.length > 0).toBe(true);
  for (const e of errors) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(e.code).toBe(status);
    expect(typeof e.description).toBe('string');
  }
  if (match) expect(errors.map((e) => e.description).join('\n')).toMatch(match);
  return errors;
}

/** POST fields of a request placed in compound A1 with a named reporter, through the city key. */
export function locatedFields(o: Open311TestApp, over: Record<string, string | string[]> = {}) {
  return {
    api_key: o.keys.city,
    service_code: 'fixture.repair',
    lat: String(POINT_A1.lat),
    long: String(POINT_A1.lng),
    first_name: '三丰',
    last_name: '张',
    phone: '13812345678',
    email: 'zhang@example.org',
    device_id: 'dev-1',
    account_id: 'acct-9',
    description: '楼道灯坏了 & 门锁坏了 <急>',
    ...over,
  };
}

/** Files a located request (form-encoded, JSON answer) and returns its service_request_id. */
export async function fileOpen311(
  o: Open311TestApp,
  over: Record<string, string | string[]> = {},
): Promise<string> {
  const res = await postForm(o.t, `${BASE}/requests.json`, locatedFields(o, over));
  expect(res.statusCode, res.body).toBe(200);
  const [r] = jsonOf<Open311PostResult[]>(res);
  return r?.service_request_id as string;
}

/** The demand row behind a service_request_id (our demand number). */
export function demandByNumber(o: Open311TestApp, number: string) {
  return o.t.db.kysely
    .selectFrom('demands')
    .selectAll()
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
}
