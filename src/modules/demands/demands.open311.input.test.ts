import { describe, expect, it } from 'vitest';
import { Open311Error } from './demands.open311.errors';
import {
  open311FieldName,
  parseFormBody,
  parseW3c,
  readPostInput,
  readRequestsQuery,
  reporterNameOf,
  toDemandBody,
} from './demands.open311.input';

const errorsOf = (fn: () => unknown): { status: number; descriptions: string[] } => {
  try {
    fn();
  } catch (e) {
    if (e instanceof Open311Error)
      return { status: e.status, descriptions: e.errors.map((x) => x.description) };
    throw e;
  }
  throw new Error('no error');
};

describe('form bodies and POST fields', () => {
  it('decodes + and %XX and keeps every value of a repeated name', () => {
    expect(
      parseFormBody('description=A+large+%E5%9D%91&attribute%5Bkind%5D%5B%5D=a&attribute[kind][]=b&x='),
    ).toEqual({ description: 'A large 坑', 'attribute[kind][]': ['a', 'b'], x: '' });
  });

  it('reads the spec example: attributes, names, api_key; empty parameters count as absent', () => {
    const body = parseFormBody(
      'api_key=xyz&jurisdiction_id=binzhou.gov.cn&service_code=001&lat=37.76524078&long=-122.4212043' +
        '&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456' +
        '&first_name=john&last_name=smith&phone=111111111&description=A+large+sinkhole&media_url=' +
        '&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001&attribute[multi][]=one',
    );
    const input = readPostInput(body, {});
    expect(input).toMatchObject({
      apiKey: 'xyz',
      jurisdictionId: 'binzhou.gov.cn',
      serviceCode: '001',
      lat: '37.76524078',
      long: '-122.4212043',
      addressString: '1234 5th street',
      email: 'smit333@sfgov.edu',
      deviceId: 'tt222111',
      accountId: '123456',
      firstName: 'john',
      lastName: 'smith',
      mediaUrl: null,
      attributes: { WHISPAWN: '123456', WHISDORN: 'COISL001', multi: ['one'] },
    });
  });

  it('reads JSON bodies: numbers, nested attributes; api_key from the query when not in the body', () => {
    const input = readPostInput(
      { service_code: 'a.b', lat: 5, long: 2, attribute: { floor: 3, kinds: ['x', 'y'] } },
      { api_key: 'grt_q' },
    );
    expect(input).toMatchObject({
      apiKey: 'grt_q',
      lat: '5',
      long: '2',
      attributes: { floor: '3', kinds: ['x', 'y'] },
    });
  });

  it.each([
    ['三丰', '张', '张三丰'],
    ['John', 'Smith', 'John Smith'],
    ['三丰', 'Smith', '三丰 Smith'],
    ['John', null, 'John'],
    [null, '张', '张'],
    [null, null, null],
  ])('reporter name of %s / %s is %s', (first, last, name) => expect(reporterNameOf(first, last)).toBe(name));

  it.each([
    ['attributes.floor', 'attribute[floor]'],
    ['attributes.kinds.0', 'attribute[kinds]'],
    ['location', 'lat/long'],
    ['location.lat', 'lat/long'],
    ['reporterPhone', 'phone'],
    ['areaCode', 'address_id'],
    ['categoryCode', 'service_code'],
  ])('field %s is told as %s', (ours, theirs) => expect(open311FieldName(ours)).toBe(theirs));
});

describe('toDemandBody', () => {
  const service = { code: 'property.repair', serviceName: '物业维修' };
  const input = (over: Record<string, unknown>) =>
    readPostInput({ service_code: 'property.repair', ...over }, {});

  it('maps the location, the address, the reporter and keeps media_url beside the attributes', () => {
    const body = toDemandBody(
      input({
        lat: '5',
        long: '2',
        address_string: '黄河五路',
        first_name: '三丰',
        last_name: '张',
        phone: '13812345678',
        description: '灯坏了',
        media_url: 'https://example.org/a.jpg',
        'attribute[floor]': '3',
      }),
      service,
    );
    expect(body).toMatchObject({
      categoryCode: 'property.repair',
      description: '灯坏了',
      origin: 'resident',
      location: { lat: 5, lng: 2 },
      address: '黄河五路',
      reporterName: '张三丰',
      reporterPhone: '13812345678',
      callbackConsent: true,
      anonymous: false,
      attributes: { floor: '3', media_url: 'https://example.org/a.jpg' },
    });
  });

  it('takes address_id as an area code and names the service when there is no description', () => {
    const body = toDemandBody(input({ address_id: '37160200100100101001' }), service);
    expect(body.areaCode).toBe('37160200100100101001');
    expect(body.description).toBe('物业维修');
    expect(body.callbackConsent).toBe(false);
  });

  it.each([
    ['no location', {}, /A location is required/],
    ['lat without long', { lat: '5' }, /lat and long must both be given/],
    ['long without lat', { long: '5' }, /lat and long must both be given/],
    ['unreadable lat', { lat: 'north', long: '2' }, /not a valid WGS84/],
    ['lat beyond 90', { lat: '90.5', long: '2' }, /lat\/long is invalid/],
    ['long beyond 180', { lat: '5', long: '-180.01' }, /lat\/long is invalid/],
    ['a bad address_id', { address_id: 'A12' }, /address_id is invalid/],
    [
      'a description of 2001 characters',
      { lat: '5', long: '2', description: '长'.repeat(2001) },
      /description is invalid/,
    ],
    [
      'a media_url that is not http(s)',
      { lat: '5', long: '2', media_url: 'javascript:alert(1)' },
      /media_url must be/,
    ],
  ])('refuses %s with 400', (_why, over, message) => {
    const e = errorsOf(() => toDemandBody(input(over), service));
    expect(e.status).toBe(400);
    expect(e.descriptions.join('\n')).toMatch(message);
  });

  it('accepts the boundaries: lat 90, long -180, 2000 characters', () => {
    const body = toDemandBody(input({ lat: '90', long: '-180', description: '长'.repeat(2000) }), service);
    expect(body.location).toEqual({ lat: 90, lng: -180 });
  });

  it('reports every problem at once', () => {
    const e = errorsOf(() => toDemandBody(input({ lat: '5', media_url: 'ftp://x' }), service));
    expect(e.descriptions).toHaveLength(2);
  });
});

describe('parseW3c', () => {
  it.each([
    ['2026-11-01T00:00:00Z', 'start', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T08:00:00+08:00', 'start', '2026-11-01T00:00:00.000Z'],
    // A + left unencoded in a query string arrives as a space.
    ['2026-11-01T08:00:00 08:00', 'start', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T08:00-05:00', 'start', '2026-11-01T13:00:00.000Z'],
    ['2026-11-01T08:00:00.5Z', 'start', '2026-11-01T08:00:00.500Z'],
    // A bare date is a China day.
    ['2026-11-01', 'start', '2026-10-31T16:00:00.000Z'],
    ['2026-11-01', 'end', '2026-11-01T15:59:59.999Z'],
  ] as const)('%s (%s) → %s', (text, edge, iso) => expect(parseW3c(text, edge)?.toISOString()).toBe(iso));

  it.each(['2026-02-30', '2026-13-01T00:00:00Z', '2026-11-01T25:00:00Z', '2026-11-01T08:00:00', 'soon', ''])(
    'refuses %j',
    (text) => expect(parseW3c(text, 'start')).toBeNull(),
  );
});

describe('readRequestsQuery: 90 days, 1000 requests (GeoReport v2 "Response Volume")', () => {
  const now = new Date('2026-11-27T06:00:00.000Z');
  const DAY = 86_400_000;
  const window = (q: Record<string, string>) => {
    const f = readRequestsQuery(q, now);
    if (f.kind !== 'window') throw new Error('ids');
    return f;
  };

  it('defaults to the last 90 days, every code and status', () => {
    const f = window({});
    expect(f.to).toEqual(now);
    expect(now.getTime() - f.from.getTime()).toBe(90 * DAY);
    expect(f.serviceCodes).toEqual([]);
    expect(f.statuses).toEqual([]);
  });

  it('runs 90 days from a start alone and back from an end alone', () => {
    expect(window({ start_date: '2026-01-01T00:00:00Z' }).to.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(window({ end_date: '2026-04-01T00:00:00Z' }).from.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('allows exactly 90 days and refuses one millisecond more', () => {
    expect(
      window({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' }).from,
    ).toBeTruthy();
    const e = errorsOf(() =>
      window({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00.001Z' }),
    );
    expect(e.status).toBe(400);
    expect(e.descriptions[0]).toMatch(/90 days/);
  });

  it.each([
    [{ end_date: '2026-01-01T00:00:00Z', start_date: '2026-01-02T00:00:00Z' }, /before start_date/],
    [{ start_date: 'last week' }, /start_date must be/],
    [{ end_date: '2026-02-30' }, /end_date must be/],
    [{ status: 'open,pending' }, /status must be open or closed/],
  ])('refuses %j', (q, message) => expect(errorsOf(() => window(q)).descriptions.join()).toMatch(message));

  it('reads comma lists and repeated names', () => {
    const f = readRequestsQuery({ service_code: ['a,b', 'c', 'a'], status: 'OPEN, closed' } as never, now);
    expect(f).toMatchObject({ serviceCodes: ['a', 'b', 'c'], statuses: ['open', 'closed'] });
  });

  it('lets service_request_id override every other argument, deduplicated', () => {
    expect(
      readRequestsQuery({ service_request_id: '1,2, 1', start_date: 'garbage', status: 'nonsense' }, now),
    ).toEqual({ kind: 'ids', ids: ['1', '2'] });
    const many = Array.from({ length: 1200 }, (_, i) => String(i)).join(',');
    const f = readRequestsQuery({ service_request_id: many }, now);
    expect(f.kind === 'ids' && f.ids.length).toBe(1000);
  });
});
