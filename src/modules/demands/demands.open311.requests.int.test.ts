import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileTestDemand, GRID_A1, PATH_TO, POINT_A1, POINT_B1, walk } from './demands.fixtures';
import { childrenNamed, childText, W3C_WITH_OFFSET } from './demands.open311.fixtures';
import type { Open311PostResult, Open311Request, Open311TokenResult } from './demands.open311.schemas';
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
  locatedFields,
  type Open311TestApp,
  postForm,
  postJson,
  xmlOf,
} from './demands.open311.testapp';

// Filing through Open311 (POST requests, form-encoded and JSON, with an api_key), the token of a
// request given only as an address, and reading requests back: public, without personal data,
// open until the demand is closed. XML and JSON for every method and every error.

let o: Open311TestApp;
beforeAll(async () => {
  o = await createOpen311TestApp();
});
afterAll(() => o.close());

const located = (over: Record<string, string | string[]> = {}) => locatedFields(o, over);
const demandOf = (number: string) => demandByNumber(o, number);
const file = (over: Record<string, string | string[]> = {}) => fileOpen311(o, over);

describe('POST requests', () => {
  it('form-encoded, JSON answer: the service_request_id (a string), the time limit, the account; no token', async () => {
    const res = await postForm(
      o.t,
      `${BASE}/requests.json`,
      located({ media_url: 'https://example.org/a.jpg' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = jsonOf<Open311PostResult[]>(res);
    expect(body).toEqual([
      {
        service_request_id: expect.stringMatching(/^\d{13}$/),
        service_notice: '本类诉求办理时限为3个工作日，承办单位应在2个工作小时内与诉求人首次联系。',
        account_id: 'acct-9',
      },
    ]);
    const row = await demandOf(body[0]!.service_request_id!);
    expect(row).toMatchObject({
      channel: 'open311',
      origin: 'resident',
      status: 'received',
      gridCode: GRID_A1,
      lat: POINT_A1.lat,
      lng: POINT_A1.lng,
      description: '楼道灯坏了 & 门锁坏了 <急>',
      reporterNameMasked: expect.stringContaining('张'),
      callbackValid: 1,
      open311Token: null,
    });
    // The name and phone are sealed; the email and device are not kept at all.
    expect(row.reporterNameEnc).not.toContain('三丰');
    expect(JSON.stringify(row)).not.toMatch(/zhang@example|dev-1|13812345678/);
    expect(JSON.parse(row.attributes)).toEqual({ media_url: 'https://example.org/a.jpg' });
  });

  it('JSON body, XML answer: <service_requests><request> with the id and the notice', async () => {
    const res = await postJson(o.t, `${BASE}/requests.xml`, {
      api_key: o.keys.streetA,
      service_code: LAMP,
      lat: POINT_A1.lat,
      long: POINT_A1.lng,
      attribute: { kind: 'door', floor: 3 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const xml = xmlOf(res, 'service_requests');
    const request = childrenNamed(xml, 'request')[0]!;
    expect(request.children.map((c) => c.name)).toEqual([
      'service_request_id',
      'service_notice',
      'account_id',
    ]);
    const number = childText(request, 'service_request_id');
    expect(childText(request, 'account_id')).toBe('');
    const row = await demandOf(number);
    expect(JSON.parse(row.attributes)).toEqual({ kind: 'door', floor: '3' });
    expect(row.description).toBe('测试类别fixture.lamp');
  });

  it('JSON nulls count as absent; a value of the wrong type is 400 naming the field', async () => {
    const nulls = { ...located(), email: null, media_url: null, description: null, attribute: null };
    const ok = await postJson(o.t, `${BASE}/requests.json`, nulls);
    expect(ok.statusCode, ok.body).toBe(200);
    const [r] = jsonOf<Open311PostResult[]>(ok);
    expect((await demandOf(r!.service_request_id!)).description).toBe('测试类别fixture.repair');
    expectErrors(
      await postJson(o.t, `${BASE}/requests.xml`, { ...located(), lat: true }),
      400,
      'xml',
      /^lat/m,
    );
  });

  it('form attribute[code] and attribute[code][] as the spec writes them', async () => {
    const number = await file({ service_code: LAMP, 'attribute[kind]': 'lamp', 'attribute[floor]': '12' });
    expect(JSON.parse((await demandOf(number)).attributes)).toEqual({ kind: 'lamp', floor: '12' });
  });

  it('takes no CSRF token even when a session cookie comes along', async () => {
    const res = await postForm(o.t, `${BASE}/requests.json`, located(), { cookie: o.admin.cookie });
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each(['json', 'xml'] as const)(
    '403 in %s: no api_key, an unknown, a revoked one, one that cannot file',
    async (f) => {
      const url = `${BASE}/requests.${f}`;
      expectErrors(await postForm(o.t, url, located({ api_key: '' })), 403, f, /api_key was not provided/);
      expectErrors(await postForm(o.t, url, located({ api_key: 'grt_nope' })), 403, f, /Invalid api_key/);
      expectErrors(await postForm(o.t, url, located({ api_key: 'xyz' })), 403, f, /Invalid api_key/);
      expectErrors(await postForm(o.t, url, located({ api_key: o.keys.revoked })), 403, f, /Invalid api_key/);
      expectErrors(await postForm(o.t, url, located({ api_key: o.keys.readOnly })), 403, f, /may not create/);
      // A street-A key filing in street B.
      const inB = located({ api_key: o.keys.streetA, lat: String(POINT_B1.lat), long: String(POINT_B1.lng) });
      expectErrors(await postForm(o.t, url, inB), 403, f, /outside the area/);
    },
  );

  it('reads api_key from the query string too', async () => {
    const { api_key, ...rest } = located();
    const res = await postForm(
      o.t,
      `${BASE}/requests.json?api_key=${encodeURIComponent(String(api_key))}`,
      rest,
    );
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each(['json', 'xml'] as const)('400 in %s: service_code or location missing, bad fields', async (f) => {
    const url = `${BASE}/requests.${f}`;
    expectErrors(
      await postForm(o.t, url, located({ service_code: '' })),
      400,
      f,
      /service_code was not provided/,
    );
    const noPlace = located({ lat: '', long: '' });
    expectErrors(await postForm(o.t, url, noPlace), 400, f, /A location is required/);
    expectErrors(await postForm(o.t, url, located({ long: '' })), 400, f, /lat and long must both be given/);
    expectErrors(await postForm(o.t, url, located({ phone: '12' })), 400, f, /^phone/m);
    expectErrors(await postForm(o.t, url, located({ lat: '50', long: '50' })), 400, f, /lat\/long/);
    expectErrors(await postForm(o.t, url, located({ service_code: LAMP })), 400, f, /attribute\[kind\]/);
    const badKind = located({ service_code: LAMP, 'attribute[kind]': 'roof' });
    expectErrors(await postForm(o.t, url, badKind), 400, f, /attribute\[kind\]/);
    expectErrors(
      await postForm(o.t, url, located({ 'attribute[color]': 'red' })),
      400,
      f,
      /attribute\[color\]/,
    );
    expectErrors(await postForm(o.t, url, located({ address_id: '3716' })), 400, f, /address_id/);
    const wrongType = await o.t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    expectErrors(wrongType, 400, f, /x-www-form-urlencoded/);
    const badJson = await o.t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expectErrors(badJson, 400, f, /not valid JSON/);
  });

  it.each(['json', 'xml'] as const)('404 in %s: an unknown service_code or jurisdiction_id', async (f) => {
    const url = `${BASE}/requests.${f}`;
    expectErrors(
      await postForm(o.t, url, located({ service_code: 'no.such' })),
      404,
      f,
      /service_code no\.such not found/,
    );
    expectErrors(
      await postForm(o.t, url, located({ jurisdiction_id: 'sfgov.org' })),
      404,
      f,
      /jurisdiction_id/,
    );
    expectErrors(await postForm(o.t, `${BASE}/requests.txt`, located()), 404, 'xml', /format txt/);
  });
});

describe('a request given only as an address: the token', () => {
  it.each(['json', 'xml'] as const)(
    '%s: a token until the demand is registered, then the id with it',
    async (f) => {
      const res = await postForm(
        o.t,
        `${BASE}/requests.${f}`,
        located({ lat: '', long: '', address_string: '黄河五路 1 号' }),
      );
      expect(res.statusCode, res.body).toBe(200);
      let token: string;
      if (f === 'json') {
        const [r] = jsonOf<Open311PostResult[]>(res);
        expect(Object.keys(r!)).toEqual(['token', 'service_notice', 'account_id']);
        token = r!.token!;
      } else {
        const request = childrenNamed(xmlOf(res, 'service_requests'), 'request')[0]!;
        expect(childrenNamed(request, 'service_request_id')).toEqual([]);
        token = childText(request, 'token');
      }
      expect(token.length).toBeGreaterThan(16);

      expect(jsonOf(await get(o.t, `${BASE}/tokens/${token}.json`))).toEqual([{ token }]);
      const waiting = xmlOf(await get(o.t, `${BASE}/tokens/${token}.xml`), 'service_requests');
      expect(childrenNamed(waiting, 'request')[0]!.children.map((c) => c.name)).toEqual(['token']);

      const row = await o.t.db.kysely
        .selectFrom('demands')
        .select(['id', 'number'])
        .where('open311Token', '=', token)
        .executeTakeFirstOrThrow();
      await walk(o.t, o.admin, row.id, ['register']);
      const found = jsonOf<Open311TokenResult[]>(await get(o.t, `${BASE}/tokens/${token}.json`));
      expect(found).toEqual([{ service_request_id: row.number, token }]);
      const xml = xmlOf(await get(o.t, `${BASE}/tokens/${token}.xml`), 'service_requests');
      expect(childrenNamed(xml, 'request')[0]!.children.map((c) => c.name)).toEqual([
        'service_request_id',
        'token',
      ]);
      expectSameAnswer(xml, found);
    },
  );

  it('404 for an unknown token in both formats', async () => {
    expectErrors(await get(o.t, `${BASE}/tokens/nope.json`), 404, 'json', /token nope not found/);
    expectErrors(await get(o.t, `${BASE}/tokens/nope.xml`), 404, 'xml', /token nope not found/);
  });
});

const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

describe('GET a request: public, no personal data; open, then closed', () => {
  it('round trip: filed with a key → open with its fine state → walked to closed → closed', async () => {
    const number = await file({ media_url: 'https://example.org/b.jpg' });
    const res = await get(o.t, `${BASE}/requests/${number}.json`);
    expect(res.statusCode).toBe(200);
    const [r] = jsonOf<Open311Request[]>(res);
    expect(Object.keys(r!)).toEqual(REQUEST_FIELDS);
    expect(r).toMatchObject({
      service_request_id: number,
      status: 'open',
      status_notes: '已受理，等待立案',
      service_code: 'fixture.repair',
      service_name: '测试类别fixture.repair',
      description: '楼道灯坏了 & 门锁坏了 <急>',
      agency_responsible: null,
      expected_datetime: null,
      lat: POINT_A1.lat,
      long: POINT_A1.lng,
      media_url: 'https://example.org/b.jpg',
    });
    expect(r!.requested_datetime).toMatch(W3C_WITH_OFFSET);
    expect(r!.updated_datetime).toMatch(W3C_WITH_OFFSET);
    expect(res.body).not.toMatch(/张|三丰|13812345678|138\*|zhang@|acct-9|dev-1/);

    const row = await demandOf(number);
    await walk(o.t, o.admin, row.id, ['register', 'dispatch']);
    const [dispatched] = jsonOf<Open311Request[]>(await get(o.t, `${BASE}/requests/${number}.json`));
    expect(dispatched).toMatchObject({
      status: 'open',
      status_notes: '已派遣至第1网格',
      agency_responsible: '第1网格',
    });
    expect(dispatched!.expected_datetime).toMatch(W3C_WITH_OFFSET);

    await walk(o.t, o.admin, row.id, PATH_TO.closed!.slice(2));
    const [closed] = jsonOf<Open311Request[]>(await get(o.t, `${BASE}/requests/${number}.json`));
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已办结' });
    const last = await o.t.db.kysely
      .selectFrom('demandEvents')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('demandId', '=', row.id)
      .executeTakeFirstOrThrow();
    const lastAt = new Date(String(last.at)).getTime();
    expect(Math.abs(new Date(closed!.updated_datetime).getTime() - lastAt)).toBeLessThan(1000);

    const xmlRes = await get(o.t, `${BASE}/requests/${number}.xml`);
    const xml = xmlOf(xmlRes, 'service_requests');
    const request = childrenNamed(xml, 'request')[0]!;
    expect(request.children.map((c) => c.name)).toEqual(REQUEST_FIELDS);
    expect(childText(request, 'status')).toBe('closed');
    expect(xmlRes.body).toContain('楼道灯坏了 &amp; 门锁坏了 &lt;急&gt;');
    expectSameAnswer(xml, [closed]);
  });

  it('a declined demand is closed with the reason told', async () => {
    const number = await file();
    await walk(o.t, o.admin, (await demandOf(number)).id, [{ action: 'decline', note: '不属于受理范围' }]);
    const [r] = jsonOf<Open311Request[]>(await get(o.t, `${BASE}/requests/${number}.json`));
    expect(r).toMatchObject({ status: 'closed', status_notes: '不予立案：不属于受理范围' });
  });

  it('demands from other channels are public too, an anonymous one without any reporter', async () => {
    const filed = await fileTestDemand(o.t, o.admin, {
      anonymous: true,
      reporterName: '李四',
      description: '路灯不亮',
    });
    const res = await get(o.t, `${BASE}/requests/${filed.number}.xml`);
    const request = childrenNamed(xmlOf(res, 'service_requests'), 'request')[0]!;
    expect(childText(request, 'description')).toBe('路灯不亮');
    expect(res.body).not.toMatch(/李|138/);
  });

  it('404 for an unknown service_request_id in both formats', async () => {
    expectErrors(await get(o.t, `${BASE}/requests/0.json`), 404, 'json', /service_request_id 0 not found/);
    expectErrors(await get(o.t, `${BASE}/requests/0.xml`), 404, 'xml', /service_request_id 0 not found/);
  });
});
