import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectPhotoType, localFileStore } from './demands.files';

// Magic numbers: JPEG FF D8 FF; PNG 89 50 4E 47 0D 0A 1A 0A; WebP "RIFF" <size> "WEBP".
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('the type a photo really is', () => {
  it.each([
    ['JPEG', jpeg, 'image/jpeg'],
    ['PNG', png, 'image/png'],
    ['WebP', webp, 'image/webp'],
    ['a GIF', Buffer.from('GIF89a....'), undefined],
    [
      'a RIFF that is not WebP (WAVE)',
      Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')]),
      undefined,
    ],
    ['JPEG cut after two bytes', Buffer.from([0xff, 0xd8]), undefined],
    ['PNG missing its last signature byte', png.subarray(0, 7), undefined],
    ['an empty body', Buffer.alloc(0), undefined],
    ['text', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined],
  ])('%s → %s', (_name, bytes, expected) => {
    expect(detectPhotoType(bytes)).toBe(expected);
  });
});

describe('the local-disk file store', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'gr-files-'));
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  it('keeps the bytes under <aa>/<bb>/<sha256> and gives them back', async () => {
    const digest = sha(jpeg);
    await localFileStore(root).put(digest, jpeg);
    const onDisk = await fs.readFile(path.join(root, digest.slice(0, 2), digest.slice(2, 4), digest));
    expect(onDisk.equals(jpeg)).toBe(true);
    expect((await localFileStore(root).get(digest))?.equals(jpeg)).toBe(true);
  });

  it('stores the same content once and leaves no temporary files', async () => {
    const digest = sha(png);
    const store = localFileStore(root);
    await Promise.all([store.put(digest, png), store.put(digest, png), store.put(digest, png)]);
    const dir = path.join(root, digest.slice(0, 2), digest.slice(2, 4));
    expect(await fs.readdir(dir)).toEqual([digest]);
  });

  it('answers undefined for content it does not hold', async () => {
    expect(await localFileStore(root).get('0'.repeat(64))).toBeUndefined();
  });

  it('refuses a name that is not a digest (no path tricks)', async () => {
    await expect(localFileStore(root).get('../../etc/passwd')).rejects.toThrow();
  });
});
