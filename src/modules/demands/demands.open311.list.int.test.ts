import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileTestDemand, walk } from './demands.fixtures';
import type { Open311Request } from './demands.open311.schemas';
import {
  BASE,
  createOpen311TestApp,
  demandByNumber,
  expectErrors,
  expectSameAnswer,
  fileOpen311,
  get,
  jsonOf,
  LAMP,
  type Open311TestApp,
  xmlOf,
} from './demands.open311.testapp';

// GET requests (GeoReport v2 "GET Service Requests"): the last 90 days by default, at most 1000,
// newest first; filters by status, service_code and requested date; service_request_id overrides
// them all; a range over 90 days is 400. XML and JSON.

let o: Open311TestApp;
beforeAll(async () => {
  o = await createOpen311TestApp();
});
afterAll(() => o.close());

describe('GET requests', () => {
  let openOne: string;
  let closedOne: string;
  let oldOne: string;
  beforeAll(async () => {
    openOne = await fileOpen311(o, { service_code: LAMP, 'attribute[kind]': 'lamp' });
    closedOne = await fileOpen311(o);
    await walk(o.t, o.admin, (await demandByNumber(o, closedOne)).id, ['decline']);
    oldOne = (await fileTestDemand(o.t, o.admin, { now: new Date(Date.now() - 100 * 86_400_000) })).number;
  });
  const ids = (rs: Open311Request[]) => rs.map((r) => r.service_request_id);

  it('JSON: the last 90 days by default, newest first, ids as strings', async () => {
    const rs = jsonOf<Open311Request[]>(await get(o.t, `${BASE}/requests.json`));
    expect(ids(rs)).toEqual(expect.arrayContaining([openOne, closedOne]));
    expect(ids(rs)).not.toContain(oldOne);
    const times = rs.map((r) => r.requested_datetime);
    expect([...times].sort().reverse()).toEqual(times);
    for (const r of rs) {
      expect(typeof r.service_request_id).toBe('string');
      expect(['open', 'closed']).toContain(r.status);
    }
  });

  it('XML: <service_requests> of <request>, the same as the JSON', async () => {
    const xml = xmlOf(await get(o.t, `${BASE}/requests.xml`), 'service_requests');
    expect(xml.children.length).toBeGreaterThan(1);
    expect(xml.children.every((c) => c.name === 'request')).toBe(true);
    expectSameAnswer(xml, jsonOf(await get(o.t, `${BASE}/requests.json`)));
  });

  it('filters by status, service_code and date; service_request_id overrides them all', async () => {
    const open = ids(jsonOf(await get(o.t, `${BASE}/requests.json?status=open`)));
    expect(open).toContain(openOne);
    expect(open).not.toContain(closedOne);
    const closed = ids(jsonOf(await get(o.t, `${BASE}/requests.json?status=closed`)));
    expect(closed).toContain(closedOne);
    expect(closed).not.toContain(openOne);
    expect(ids(jsonOf(await get(o.t, `${BASE}/requests.json?service_code=${LAMP}`)))).toContain(openOne);
    expect(ids(jsonOf(await get(o.t, `${BASE}/requests.json?service_code=fixture.repair`)))).not.toContain(
      openOne,
    );
    const old = new Date(Date.now() - 120 * 86_400_000).toISOString();
    expect(ids(jsonOf(await get(o.t, `${BASE}/requests.json?start_date=${old}`)))).toEqual([oldOne]);
    const byId = jsonOf<Open311Request[]>(
      await get(
        o.t,
        `${BASE}/requests.json?service_request_id=${oldOne},${openOne}&status=closed&start_date=x`,
      ),
    );
    expect(ids(byId).sort()).toEqual([oldOne, openOne].sort());
  });

  it.each(['json', 'xml'] as const)('400 in %s: a range over 90 days, a bad date or status', async (f) => {
    const url = `${BASE}/requests.${f}`;
    const span = `start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z`;
    expectErrors(await get(o.t, `${url}?${span}`), 400, f, /90 days/);
    expectErrors(await get(o.t, `${url}?end_date=tomorrow`), 400, f, /end_date/);
    expectErrors(await get(o.t, `${url}?status=pending`), 400, f, /status/);
    expectErrors(await get(o.t, `${url}?jurisdiction_id=nyc.gov`), 404, f, /jurisdiction_id/);
  });

  it('answers at most 1000 requests, the newest', async () => {
    const DAY = 86_400_000;
    const base = Date.now() - 300 * DAY;
    const rows = Array.from({ length: 1001 }, (_, i) => {
      const at = new Date(base + i * 60_000).toISOString();
      return {
        id: `o311bulk${String(i).padStart(5, '0')}`,
        number: `19990101${String(i).padStart(5, '0')}`,
        status: 'received' as const,
        categoryCode: 'fixture.repair',
        categoryVersion: 1,
        channel: 'hotline' as const,
        origin: 'resident' as const,
        description: `批量 ${i}`,
        path: '3716/371602/371602001',
        attributes: '{}',
        anonymous: 0,
        callbackValid: 0,
        createdBy: 'test',
        receivedAt: at,
        updatedAt: at,
        reworkCount: 0,
        extensionCount: 0,
      };
    });
    for (let i = 0; i < rows.length; i += 200)
      await o.t.db.kysely
        .insertInto('demands')
        .values(rows.slice(i, i + 200))
        .execute();
    const from = new Date(base - DAY).toISOString();
    const to = new Date(base + 2 * DAY).toISOString();
    const rs = jsonOf<Open311Request[]>(
      await get(o.t, `${BASE}/requests.json?start_date=${from}&end_date=${to}`),
    );
    expect(rs).toHaveLength(1000);
    expect(rs[0]?.service_request_id).toBe('1999010101000');
    expect(ids(rs)).not.toContain('1999010100000');
  });
});
