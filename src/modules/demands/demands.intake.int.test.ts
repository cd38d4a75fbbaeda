import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOUND_A1, COMPOUND_A1_PATH, GRID_A1, GRID_A1_PATH, POINT_A1, POINT_B1 } from './demands.fixtures';
import {
  addLampCategory,
  categoryWithAttributes,
  createIntakeTestApp,
  type IntakeTestApp,
  LAMP,
  postDemand,
  uploadPhoto,
} from './demands.intake.fixtures';

// Filing a demand from the mobile page and on patrol (placing by point → grid → compound), the
// reporter's data sealed and masked, photos and attributes, the timeline's first step and the
// audit entry; and every refusal. Placing by area, address and Open311: demands.intake.places.

let app: IntakeTestApp;
const db = () => app.t.db.kysely;
const base = {
  categoryCode: 'fixture.repair',
  description: '楼道灯坏了，晚上看不见路',
  location: POINT_A1,
  reporterName: '张三丰',
  reporterPhone: '138 1234 5678',
};
const demandRow = (id: string) =>
  db().selectFrom('demands').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  app = await createIntakeTestApp();
  await addLampCategory(app.t);
  await categoryWithAttributes(app.t, 'fixture.retired', []);
  await db()
    .updateTable('demandCategories')
    .set({ active: 0 })
    .where('code', '=', 'fixture.retired')
    .execute();
});
afterAll(() => app.close());

describe('a resident files from the mobile page', () => {
  it('places a point in compound A1 at the compound, its grid on the path, and answers 201', async () => {
    const res = await postDemand(app.t, app.as.resident, { ...base, channel: 'mobile' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^\d{13}$/),
      status: 'received',
    });
    expect(res.headers.location).toBe(`/api/v1/demands/${body.id}`);
    const row = await demandRow(body.id);
    expect(row).toMatchObject({
      path: COMPOUND_A1_PATH,
      gridCode: GRID_A1,
      compoundCode: COMPOUND_A1,
      channel: 'mobile',
      origin: 'resident',
      status: 'received',
      categoryVersion: 1,
      reporterUserId: app.as.resident.userId,
      reporterNameMasked: '张*丰',
      reporterPhoneMasked: '138****5678',
      anonymous: 0,
      callbackValid: 1,
      lng: POINT_A1.lng,
      lat: POINT_A1.lat,
      createdBy: app.as.resident.userId,
      open311Token: null,
    });
    // Sealed at rest, searchable by the keyed hash, never stored in the clear.
    expect(app.t.app.cipher.decrypt(row.reporterPhoneEnc!)).toBe('13812345678');
    expect(app.t.app.cipher.decrypt(row.reporterNameEnc!)).toBe('张三丰');
    expect(row.reporterPhoneHash).toBe(app.t.app.cipher.blindIndex('phone:13812345678'));
    expect(JSON.stringify(row)).not.toContain('13812345678');
  });

  it('places a point in a grid but outside its compound at the grid', async () => {
    const res = await postDemand(app.t, app.as.resident, {
      ...base,
      channel: 'mobile',
      location: { lng: 0.5, lat: 5 },
    });
    expect(res.statusCode).toBe(201);
    expect(await demandRow(res.json().id)).toMatchObject({
      path: GRID_A1_PATH,
      gridCode: GRID_A1,
      compoundCode: null,
    });
  });

  it('files anonymously: the flag is kept, the name is not, the phone stays for the callback', async () => {
    const res = await postDemand(app.t, app.as.resident, { ...base, channel: 'mobile', anonymous: true });
    expect(res.statusCode).toBe(201);
    const row = await demandRow(res.json().id);
    expect(row).toMatchObject({
      anonymous: 1,
      reporterNameEnc: null,
      reporterNameMasked: null,
      callbackValid: 1,
    });
    expect(row.reporterPhoneMasked).toBe('138****5678');
    const event = await db()
      .selectFrom('demandEvents')
      .selectAll()
      .where('demandId', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(event.actorLabel).not.toContain('resident');
  });

  it('refuses the hotline and patrol channels to a resident', async () => {
    for (const channel of ['hotline', 'patrol']) {
      const res = await postDemand(app.t, app.as.resident, { ...base, channel });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['channel']);
    }
  });

  it('refuses a phone number that is not a mainland mobile, naming the field', async () => {
    const res = await postDemand(app.t, app.as.resident, {
      ...base,
      channel: 'mobile',
      reporterPhone: '12345',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'demands.invalid_demand',
      errors: [{ field: 'reporterPhone' }],
    });
  });
});

describe('a grid worker files on patrol', () => {
  it('a problem they found has no reporter and no callback', async () => {
    const res = await postDemand(app.t, app.as.gridA1, {
      ...base,
      channel: 'patrol',
      origin: 'found',
      reporterName: null,
      reporterPhone: null,
    });
    expect(res.statusCode).toBe(201);
    expect(await demandRow(res.json().id)).toMatchObject({
      origin: 'found',
      channel: 'patrol',
      reporterUserId: null,
      reporterPhoneEnc: null,
      callbackValid: 0,
      createdBy: app.as.gridA1.userId,
    });
  });

  it('on behalf of a resident, the resident is the reporter', async () => {
    const res = await postDemand(app.t, app.as.gridA1, { ...base, channel: 'patrol', origin: 'resident' });
    expect(res.statusCode).toBe(201);
    expect(await demandRow(res.json().id)).toMatchObject({
      reporterUserId: null,
      reporterNameMasked: '张*丰',
      callbackValid: 1,
    });
  });

  it('cannot file in the neighbouring grid (404, not in scope)', async () => {
    const res = await postDemand(app.t, app.as.gridA1, {
      ...base,
      channel: 'patrol',
      location: { lng: 7, lat: 5 },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('demands.area_not_found');
  });
});

describe('the category and its attributes', () => {
  it('refuses a category no longer in use, and an unknown one, naming categoryCode', async () => {
    for (const [categoryCode, reason] of [
      ['fixture.retired', 'inactive'],
      ['no.such', 'unknown'],
    ]) {
      const res = await postDemand(app.t, app.as.resident, { ...base, channel: 'mobile', categoryCode });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'categoryCode', reason })]);
    }
  });

  it('names each attribute in error', async () => {
    const res = await postDemand(app.t, app.as.resident, {
      ...base,
      channel: 'mobile',
      categoryCode: LAMP,
      attributes: { floor: 'three', colour: 'red' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string; reason: string }) => `${e.field}:${e.reason}`)).toEqual(
      ['attributes.colour:unknown', 'attributes.kind:required', 'attributes.floor:not_number'],
    );
  });

  it('keeps valid answers with the demand', async () => {
    const attributes = { kind: 'lamp', floor: '3' };
    const res = await postDemand(app.t, app.as.resident, {
      ...base,
      channel: 'mobile',
      categoryCode: LAMP,
      attributes,
    });
    expect(res.statusCode).toBe(201);
    expect(JSON.parse((await demandRow(res.json().id)).attributes)).toEqual(attributes);
  });

  it('reports every problem at once', async () => {
    const res = await postDemand(app.t, app.as.resident, {
      ...base,
      channel: 'mobile',
      categoryCode: 'no.such',
      reporterPhone: '1',
      location: { lng: 25, lat: 5 },
    });
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['categoryCode', 'location', 'reporterPhone']);
  });
});

describe('photos and the first step on the timeline', () => {
  it('the receive step carries the photos, and the audit log the filing', async () => {
    const sha = await uploadPhoto(app.t, app.as.resident, 'intake-photo-1');
    const res = await postDemand(app.t, app.as.resident, { ...base, channel: 'mobile', photos: [sha, sha] });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const events = await db().selectFrom('demandEvents').selectAll().where('demandId', '=', id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      seq: 1,
      action: 'receive',
      fromStatus: null,
      toStatus: 'received',
      actorId: app.as.resident.userId,
    });
    const attachments = await db()
      .selectFrom('demandAttachments')
      .selectAll()
      .where('demandId', '=', id)
      .execute();
    expect(attachments).toEqual([expect.objectContaining({ sha256: sha, eventId: events[0]!.id })]);
    const audit = await db().selectFrom('auditLog').selectAll().where('targetId', '=', id).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'demands.file', scopePath: COMPOUND_A1_PATH })]);
    expect(audit[0]!.summary).not.toContain('1381234');
  });

  it('refuses a photo someone else uploaded, naming photos[i]', async () => {
    const mine = await uploadPhoto(app.t, app.as.resident, 'intake-photo-2');
    const theirs = await uploadPhoto(app.t, app.as.neighbour, 'intake-photo-3');
    const res = await postDemand(app.t, app.as.resident, {
      ...base,
      channel: 'mobile',
      photos: [mine, theirs],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'photos[1]', reason: 'not_uploaded' }),
    ]);
  });

  it('lets two people who uploaded the same bytes each attach them: one file, two uploads', async () => {
    const first = await uploadPhoto(app.t, app.as.neighbour, 'intake-photo-same');
    const second = await uploadPhoto(app.t, app.as.resident, 'intake-photo-same');
    expect(second).toBe(first);
    const res = await postDemand(app.t, app.as.resident, { ...base, channel: 'mobile', photos: [second] });
    expect(res.statusCode).toBe(201);
    const files = await db().selectFrom('storedFiles').select('sha256').where('sha256', '=', first).execute();
    const uploads = await db()
      .selectFrom('storedFileUploads')
      .select('uploadedBy')
      .where('sha256', '=', first)
      .execute();
    expect(files).toHaveLength(1);
    expect(uploads).toHaveLength(2);
  });

  it('refuses a digest that was never uploaded', async () => {
    const res = await postDemand(app.t, app.as.resident, {
      ...base,
      channel: 'mobile',
      photos: ['a'.repeat(64)],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('photos[0]');
  });
});

describe('who may file at all', () => {
  it('an auditor, who may read but not file, gets 403', async () => {
    const res = await postDemand(app.t, app.as.auditor, { ...base, channel: 'hotline' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('iam.forbidden');
  });

  it('property staff, who handle but do not file, get 403', async () => {
    const res = await postDemand(app.t, app.as.property, { ...base, channel: 'hotline' });
    expect(res.statusCode).toBe(403);
  });

  it('nobody signed in gets 401', async () => {
    const res = await postDemand(app.t, null, { ...base, channel: 'mobile' });
    expect(res.statusCode).toBe(401);
  });

  it('a refused filing writes nothing', async () => {
    const before = await db()
      .selectFrom('demands')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await postDemand(app.t, app.as.streetA, { ...base, channel: 'hotline', location: POINT_B1 });
    const after = await db()
      .selectFrom('demands')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
