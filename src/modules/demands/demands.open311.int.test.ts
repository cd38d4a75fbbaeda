import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenNamed, childText, W3C_WITH_OFFSET } from './demands.open311.fixtures';
import type { Open311Discovery, Open311Service, Open311ServiceDefinition } from './demands.open311.schemas';
import {
  BASE,
  createOpen311TestApp,
  expectErrors,
  expectSameAnswer,
  get,
  jsonOf,
  LAMP,
  type Open311TestApp,
  xmlOf,
} from './demands.open311.testapp';

// The Open311 contract of discovery, services and service definitions, in XML and JSON, and the
// error bodies every resource shares (GeoReport_v2_index.md, Service_Discovery.md).

let o: Open311TestApp;
beforeAll(async () => {
  o = await createOpen311TestApp();
  // A retired leaf is no service; neither is a parent with active sub-categories.
  await o.t.db.kysely
    .insertInto('demandCategories')
    .values({
      code: 'fixture.retired',
      parentCode: 'fixture',
      nameZh: '已停用',
      nameEn: 'Retired',
      eventClass: null,
      sortOrder: 0,
      active: 0,
      currentVersion: 1,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    })
    .execute();
});
afterAll(() => o.close());

describe('GET discovery', () => {
  it('JSON: every required field, one production endpoint serving XML and JSON', async () => {
    const res = await get(o.t, `${BASE}/discovery.json`);
    expect(res.statusCode).toBe(200);
    const d = jsonOf<Open311Discovery>(res);
    expect(Object.keys(d)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(d.changeset).toMatch(W3C_WITH_OFFSET);
    expect(d.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'http://localhost:80/open311/v2',
        changeset: d.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);
  });

  it('XML: <discovery> with <endpoints><endpoint> and <formats><format>, saying what the JSON says', async () => {
    const xml = xmlOf(await get(o.t, `${BASE}/discovery.xml`), 'discovery');
    const endpoint = childrenNamed(childrenNamed(xml, 'endpoints')[0]!, 'endpoint')[0]!;
    const formats = childrenNamed(childrenNamed(endpoint, 'formats')[0]!, 'format').map((f) => f.text);
    expect(formats).toEqual(['text/xml', 'application/json']);
    expectSameAnswer(xml, jsonOf(await get(o.t, `${BASE}/discovery.json`)));
  });
});

describe('GET services', () => {
  it('JSON: a top-level array of active leaf categories, codes as strings, Chinese names, realtime', async () => {
    const res = await get(o.t, `${BASE}/services.json`);
    expect(res.statusCode).toBe(200);
    const services = jsonOf<Open311Service[]>(res);
    expect(Array.isArray(services)).toBe(true);
    const repair = services.find((s) => s.service_code === 'fixture.repair');
    expect(repair).toEqual({
      service_code: 'fixture.repair',
      service_name: '测试类别fixture.repair',
      description: expect.stringContaining('本类诉求办理时限为3个工作日'),
      metadata: false,
      type: 'realtime',
      keywords: 'Test category fixture.repair, 测试类别fixture',
      group: '测试类别fixture',
    });
    expect(services.find((s) => s.service_code === LAMP)?.metadata).toBe(true);
    const codes = services.map((s) => s.service_code);
    expect(codes).not.toContain('fixture');
    expect(codes).not.toContain('fixture.retired');
    for (const s of services) {
      expect(Object.keys(s)).toEqual([
        'service_code',
        'service_name',
        'description',
        'metadata',
        'type',
        'keywords',
        'group',
      ]);
      expect(typeof s.service_code).toBe('string');
    }
  });

  it('XML: <services><service> with the spec element names and true/false, same as the JSON', async () => {
    const xml = xmlOf(await get(o.t, `${BASE}/services.xml`), 'services');
    expect(xml.children.every((c) => c.name === 'service')).toBe(true);
    const lamp = xml.children.find((s) => childText(s, 'service_code') === LAMP)!;
    expect(lamp.children.map((c) => c.name)).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect(childText(lamp, 'metadata')).toBe('true');
    expect(childText(lamp, 'type')).toBe('realtime');
    expectSameAnswer(xml, jsonOf(await get(o.t, `${BASE}/services.json`)));
  });

  it('takes our jurisdiction_id and refuses another with 404 in both formats', async () => {
    expect((await get(o.t, `${BASE}/services.json?jurisdiction_id=binzhou.gov.cn`)).statusCode).toBe(200);
    expect((await get(o.t, `${BASE}/services.xml?jurisdiction_id=`)).statusCode).toBe(200);
    expectErrors(
      await get(o.t, `${BASE}/services.json?jurisdiction_id=sfgov.org`),
      404,
      'json',
      /jurisdiction_id/,
    );
    expectErrors(await get(o.t, `${BASE}/services.xml?jurisdiction_id=sfgov.org`), 404, 'xml', /sfgov\.org/);
  });
});

describe('GET service definition', () => {
  it('JSON: the attributes of the category version in order, values for lists only', async () => {
    const res = await get(o.t, `${BASE}/services/${LAMP}.json`);
    expect(res.statusCode).toBe(200);
    const def = jsonOf<Open311ServiceDefinition>(res);
    expect(def).toEqual({
      service_code: LAMP,
      attributes: [
        {
          variable: true,
          code: 'kind',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: expect.any(String),
          order: 1,
          description: '损坏的设施',
          values: [
            { key: 'lamp', name: '灯' },
            { key: 'door', name: '门 & 窗' },
          ],
        },
        {
          variable: true,
          code: 'floor',
          datatype: 'number',
          required: false,
          datatype_description: expect.any(String),
          order: 2,
          description: '楼层',
        },
      ],
    });
  });

  it('XML: <service_definition><attributes><attribute><values><value>, escaped, same as the JSON', async () => {
    const res = await get(o.t, `${BASE}/services/${LAMP}.xml`);
    expect(res.body).toContain('门 &amp; 窗');
    const xml = xmlOf(res, 'service_definition');
    expect(childText(xml, 'service_code')).toBe(LAMP);
    const attrs = childrenNamed(childrenNamed(xml, 'attributes')[0]!, 'attribute');
    expect(attrs.map((a) => childText(a, 'code'))).toEqual(['kind', 'floor']);
    expect(childText(attrs[0]!, 'variable')).toBe('true');
    expect(childText(attrs[0]!, 'order')).toBe('1');
    const values = childrenNamed(childrenNamed(attrs[0]!, 'values')[0]!, 'value');
    expect(values.map((v) => childText(v, 'name'))).toEqual(['灯', '门 & 窗']);
    expectSameAnswer(xml, jsonOf(await get(o.t, `${BASE}/services/${LAMP}.json`)));
  });

  it('a category without attributes has an empty attribute list', async () => {
    const def = jsonOf<Open311ServiceDefinition>(await get(o.t, `${BASE}/services/fixture.repair.json`));
    expect(def).toEqual({ service_code: 'fixture.repair', attributes: [] });
    const xml = xmlOf(await get(o.t, `${BASE}/services/fixture.repair.xml`), 'service_definition');
    expect(childrenNamed(xml, 'attributes')[0]?.children).toEqual([]);
  });

  it.each([
    ['an unknown code', 'no.such'],
    ['a parent category', 'fixture'],
    ['a retired category', 'fixture.retired'],
  ])('404 for %s in both formats', async (_why, code) => {
    expectErrors(await get(o.t, `${BASE}/services/${code}.json`), 404, 'json', /service_code/);
    expectErrors(await get(o.t, `${BASE}/services/${code}.xml`), 404, 'xml', /service_code/);
  });
});

describe('errors are Open311 bodies, never problem+json', () => {
  it.each([
    ['an unknown format', `${BASE}/services.html`, 'xml', /format html/],
    ['an unknown format on a definition', `${BASE}/services/${LAMP}.yaml`, 'xml', /format yaml/],
    ['an unknown format on a request', `${BASE}/requests/2026112700001.csv`, 'xml', /format csv/],
    ['no format', `${BASE}/services`, 'xml', /No such Open311 resource/],
    [
      'an unknown resource (JSON by its extension)',
      `${BASE}/nothing.json`,
      'json',
      /No such Open311 resource/,
    ],
    ['an unknown resource (XML by its extension)', `${BASE}/nothing.xml`, 'xml', /No such Open311 resource/],
  ] as const)('404 for %s', async (_why, url, format, match) => {
    const res = await get(o.t, url);
    expectErrors(res, 404, format, match);
    expect(res.headers['content-type']).not.toContain('problem');
  });

  it('the rest of the API keeps problem+json', async () => {
    const res = await get(o.t, '/api/v1/nothing');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('needs no session: every GET works without a cookie', async () => {
    for (const url of [`${BASE}/discovery.xml`, `${BASE}/services.json`, `${BASE}/services/${LAMP}.xml`])
      expect((await get(o.t, url)).statusCode).toBe(200);
  });
});
