import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids';
import { MAX_PHOTO_BYTES } from './demands.files';
import { POINT_A1 } from './demands.fixtures';
import {
  createIntakeTestApp,
  type IntakeTestApp,
  jpegBytes,
  PNG_SIGNATURE,
  postDemand,
  upload,
} from './demands.intake.fixtures';

// Photos: uploaded as the raw body, checked by their magic numbers and size, stored once by
// SHA-256 under DATA_DIR/files, and shown only to their uploader and to readers of their demand.

let app: IntakeTestApp;
const db = () => app.t.db.kysely;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const getFile = (who: keyof IntakeTestApp['as'] | null, digest: string) =>
  app.t.request(who ? app.as[who] : null, { method: 'GET', url: `/api/v1/demands/files/${digest}` });

beforeAll(async () => {
  app = await createIntakeTestApp();
});
afterAll(() => app.close());

describe('uploading a photo', () => {
  it('stores a JPEG under DATA_DIR/files/<aa>/<bb>/<sha256> and answers its digest, type and size', async () => {
    const bytes = jpegBytes('files-1');
    const res = await upload(app.t, app.as.resident, bytes);
    expect(res.statusCode).toBe(201);
    const digest = sha(bytes);
    expect(res.json()).toEqual({ sha256: digest, mime: 'image/jpeg', size: bytes.length });
    const onDisk = await fs.readFile(
      path.join(app.dataDir, 'files', digest.slice(0, 2), digest.slice(2, 4), digest),
    );
    expect(onDisk.equals(bytes)).toBe(true);
    const row = await db()
      .selectFrom('storedFiles')
      .selectAll()
      .where('sha256', '=', digest)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ mime: 'image/jpeg', size: bytes.length, createdBy: app.as.resident.userId });
  });

  it('the same photo twice is one file and one row', async () => {
    const bytes = jpegBytes('files-twice');
    const first = await upload(app.t, app.as.resident, bytes);
    const second = await upload(app.t, app.as.resident, bytes);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const digest = sha(bytes);
    const rows = await db().selectFrom('storedFiles').select('sha256').where('sha256', '=', digest).execute();
    expect(rows).toHaveLength(1);
    expect(await fs.readdir(path.join(app.dataDir, 'files', digest.slice(0, 2), digest.slice(2, 4)))).toEqual(
      [digest],
    );
    const audits = await db().selectFrom('auditLog').select('seq').where('targetId', '=', digest).execute();
    expect(audits).toHaveLength(1);
  });

  it('takes PNG and WebP by their own types', async () => {
    const png = Buffer.concat([PNG_SIGNATURE, Buffer.from('png-body')]);
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([8, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
    expect((await upload(app.t, app.as.resident, png, 'image/png')).json().mime).toBe('image/png');
    expect((await upload(app.t, app.as.resident, webp, 'image/webp')).json().mime).toBe('image/webp');
  });

  it('refuses bytes that are not the declared type (415)', async () => {
    const png = Buffer.concat([PNG_SIGNATURE, Buffer.from('really a png')]);
    const res = await upload(app.t, app.as.resident, png, 'image/jpeg');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('demands.file_type');
  });

  it('refuses other types (415) with the module’s own problem', async () => {
    const res = await upload(app.t, app.as.resident, Buffer.from('GIF89a......'), 'image/gif');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('demands.file_type');
  });

  it('takes a photo of exactly 8 MiB and refuses one byte more (413)', async () => {
    const atLimit = await upload(app.t, app.as.resident, jpegBytes('limit', MAX_PHOTO_BYTES));
    expect(atLimit.statusCode).toBe(201);
    const over = await upload(app.t, app.as.resident, jpegBytes('over', MAX_PHOTO_BYTES + 1));
    expect(over.statusCode).toBe(413);
    expect(over.json().code).toBe('demands.file_too_large');
  });

  it('is open to those who file or handle demands, not to readers only (403)', async () => {
    expect((await upload(app.t, app.as.property, jpegBytes('by-property'))).statusCode).toBe(201);
    for (const who of ['auditor', 'committee', 'volunteer'] as const) {
      const res = await upload(app.t, app.as[who], jpegBytes(`by-${who}`));
      expect(res.statusCode).toBe(403);
    }
    expect((await upload(app.t, null, jpegBytes('nobody'))).statusCode).toBe(401);
  });
});

describe('viewing a photo', () => {
  let digest: string;
  let bytes: Buffer;

  beforeAll(async () => {
    bytes = jpegBytes('files-view');
    digest = (await upload(app.t, app.as.resident, bytes)).json().sha256;
  });

  it('the uploader gets the bytes with their type, privately cached', async () => {
    const res = await getFile('resident', digest);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toContain('private');
    expect(res.rawPayload.equals(bytes)).toBe(true);
  });

  it('before it is attached, nobody else sees it (404), not even a city-wide reader', async () => {
    for (const who of ['neighbour', 'streetA', 'auditor'] as const)
      expect((await getFile(who, digest)).statusCode).toBe(404);
  });

  it('once attached, readers of the demand see it, readers elsewhere do not', async () => {
    const filed = await postDemand(app.t, app.as.resident, {
      categoryCode: 'fixture.repair',
      description: '井盖丢了',
      channel: 'mobile',
      location: POINT_A1,
      photos: [digest],
    });
    expect(filed.statusCode).toBe(201);
    for (const who of ['streetA', 'gridA1', 'auditor'] as const)
      expect((await getFile(who, digest)).statusCode).toBe(200);
    for (const who of ['streetB', 'neighbour'] as const)
      expect((await getFile(who, digest)).statusCode).toBe(404);
  });

  it('the reporter sees the photos of their demand though residents cannot read demands', async () => {
    const photo = (await upload(app.t, app.as.gridA1, jpegBytes('worker-photo'))).json().sha256;
    // A handler's photo on a later step of the resident's own demand, attached as that step would.
    const own = await postDemand(app.t, app.as.resident, {
      categoryCode: 'fixture.repair',
      description: '树倒了',
      channel: 'mobile',
      location: POINT_A1,
    });
    await db()
      .insertInto('demandAttachments')
      .values({
        id: newId(),
        demandId: own.json().id,
        eventId: null,
        sha256: photo,
        createdAt: new Date().toISOString(),
      })
      .execute();
    expect((await getFile('resident', photo)).statusCode).toBe(200);
    expect((await getFile('neighbour', photo)).statusCode).toBe(404);
  });

  it('a resident following the demand sees its photos too', async () => {
    const photo = (await upload(app.t, app.as.gridA1, jpegBytes('followed-photo'))).json().sha256;
    const filed = await postDemand(app.t, app.as.gridA1, {
      categoryCode: 'fixture.repair',
      description: '路面塌陷',
      channel: 'patrol',
      origin: 'found',
      location: POINT_A1,
      photos: [photo],
    });
    expect(filed.statusCode).toBe(201);
    expect((await getFile('neighbour', photo)).statusCode).toBe(404);
    const followed = await app.t.request(app.as.neighbour, {
      method: 'POST',
      url: `/api/v1/demands/${filed.json().id}/follow`,
    });
    expect(followed.statusCode).toBe(200);
    expect((await getFile('neighbour', photo)).statusCode).toBe(200);
  });

  it('an unknown digest is 404, a malformed one 400, nobody signed in 401', async () => {
    expect((await getFile('resident', 'b'.repeat(64))).statusCode).toBe(404);
    expect((await getFile('resident', 'not-a-digest')).statusCode).toBe(400);
    expect((await getFile(null, digest)).statusCode).toBe(401);
  });
});
