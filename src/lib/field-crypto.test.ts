import { createHmac, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFieldCipher, FieldDecryptionError, loadOrCreateKeyFile } from './field-crypto';

const key = Buffer.alloc(32, 7);
const cipher = createFieldCipher({ key });

/** Replaces one character of a base64url segment with a different one. */
function flipSegment(stored: string, segment: number): string {
  const parts = stored.split('.');
  const text = parts[segment]!;
  const first = text[0] === 'A' ? 'B' : 'A';
  parts[segment] = first + text.slice(1);
  return parts.join('.');
}

describe('createFieldCipher', () => {
  it.each([
    ['an ID number', '11010519491231002X'],
    ['a phone number', '13812345678'],
    ['a Chinese address', '山东省滨州市滨城区黄河五路 88 号'],
    ['characters outside the BMP', '𠮷 🙂'],
    ['an empty string', ''],
  ])('decrypts what it encrypted: %s', (_label, plain) => {
    expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
  });

  it('stores v1.<iv>.<ciphertext>.<tag> with a 12-byte IV and a 16-byte tag in base64url', () => {
    const stored = cipher.encrypt('13812345678');
    expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(stored).not.toContain('13812345678');
  });

  it('gives two different stored values for the same ID number, but equal blind indexes', () => {
    const first = cipher.encrypt('11010519491231002X');
    const second = cipher.encrypt('11010519491231002X');
    expect(first).not.toBe(second);
    expect(first.split('.')[1]).not.toBe(second.split('.')[1]);
    expect(cipher.blindIndex('11010519491231002X')).toBe(cipher.blindIndex('11010519491231002X'));
  });

  it('gives different blind indexes for different values and for different master keys', () => {
    const other = createFieldCipher({ key: Buffer.alloc(32, 8) });
    expect(cipher.blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345679'));
    expect(cipher.blindIndex('13812345678')).not.toBe(other.blindIndex('13812345678'));
    expect(cipher.blindIndex('13812345678')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('derives the blind index key instead of using the master key itself', () => {
    const withMasterKey = createHmac('sha256', key).update('13812345678').digest('hex');
    expect(cipher.blindIndex('13812345678')).not.toBe(withMasterKey);
  });

  it('uses a given hash key for blind indexes, so that it can be rotated apart from the master key', () => {
    const hashKey = Buffer.alloc(32, 9);
    const withHashKey = createFieldCipher({ key, hashKey });
    const expected = createHmac('sha256', hashKey).update('13812345678').digest('hex');
    expect(withHashKey.blindIndex('13812345678')).toBe(expected);
    expect(withHashKey.decrypt(cipher.encrypt('13812345678'))).toBe('13812345678');
  });

  it.each([
    ['the IV', 1],
    ['the ciphertext', 2],
    ['the authentication tag', 3],
  ])('refuses a value whose %s was altered', (_label, segment) => {
    const tampered = flipSegment(cipher.encrypt('11010519491231002X'), segment);
    expect(() => cipher.decrypt(tampered)).toThrow(FieldDecryptionError);
    expect(() => cipher.decrypt(tampered)).toThrow(/altered|wrong length/);
  });

  it('refuses a tampered tag with a message that says the value was altered', () => {
    expect(() => cipher.decrypt(flipSegment(cipher.encrypt('13812345678'), 3))).toThrow(
      'Encrypted field failed authentication: it was altered, or it was encrypted with another key',
    );
  });

  it('refuses a value encrypted under another key', () => {
    const stored = createFieldCipher({ key: Buffer.alloc(32, 8) }).encrypt('13812345678');
    expect(() => cipher.decrypt(stored)).toThrow(FieldDecryptionError);
  });

  it.each([
    ['plain text', '13812345678'],
    ['another version', cipher.encrypt('x').replace(/^v1/, 'v2')],
    ['a missing segment', cipher.encrypt('x').split('.').slice(0, 3).join('.')],
    ['a truncated tag', cipher.encrypt('x').slice(0, -4)],
    ['characters outside base64url', cipher.encrypt('x').replace(/\.([^.]*)$/, '.+/+/+/+/+/+/+/+/+/+/++')],
  ])('refuses %s where an encrypted value is expected', (_label, stored) => {
    expect(() => cipher.decrypt(stored)).toThrow(FieldDecryptionError);
  });

  it.each([16, 31, 33, 0])('refuses a master key of %i bytes', (length) => {
    expect(() => createFieldCipher({ key: Buffer.alloc(length) })).toThrow(RangeError);
  });

  it('refuses a hash key shorter than 32 bytes', () => {
    expect(() => createFieldCipher({ key, hashKey: Buffer.alloc(16) })).toThrow(RangeError);
  });

  it('decrypts any text it encrypted and indexes it the same way every time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (plain) => {
        expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
        expect(cipher.blindIndex(plain)).toBe(cipher.blindIndex(plain));
      }),
      { numRuns: 200 },
    );
  });
});

describe('loadOrCreateKeyFile', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'grassroots-key-')), 'data');
  });

  afterEach(() => {
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  const posixOnly = process.platform === 'win32' ? it.skip : it;

  posixOnly('creates a random key in <dataDir>/keys/data.key, file 0600 in a 0700 directory', () => {
    const loaded = loadOrCreateKeyFile({ dataDir, env: {} });
    const path = join(dataDir, 'keys', 'data.key');
    expect(loaded).toMatchObject({ source: 'file-created', path });
    expect(loaded.key).toHaveLength(32);
    expect(readFileSync(path, 'utf8').trim()).toBe(loaded.key.toString('hex'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'keys')).mode & 0o777).toBe(0o700);
  });

  it('reads the same key back on the next start', () => {
    const created = loadOrCreateKeyFile({ dataDir, env: {} });
    const again = loadOrCreateKeyFile({ dataDir, env: {} });
    expect(again.source).toBe('file');
    expect(again.path).toBe(created.path);
    expect(again.key.equals(created.key)).toBe(true);
  });

  it('creates a different key for each new data directory', () => {
    const first = loadOrCreateKeyFile({ dataDir, env: {} });
    const second = loadOrCreateKeyFile({ dataDir: join(dataDir, 'other'), env: {} });
    expect(first.key.equals(second.key)).toBe(false);
  });

  it('leaves no temporary file beside the key', () => {
    loadOrCreateKeyFile({ dataDir, env: {} });
    expect(readdirSync(join(dataDir, 'keys'))).toEqual(['data.key']);
  });

  posixOnly.each([0o644, 0o640, 0o604, 0o660])('refuses a key file with permissions %o', (mode) => {
    const { path } = loadOrCreateKeyFile({ dataDir, env: {} });
    chmodSync(path!, mode);
    expect(() => loadOrCreateKeyFile({ dataDir, env: {} })).toThrow(/looser than 0600.*chmod 600/);
  });

  posixOnly('accepts a key file made stricter than 0600', () => {
    const { path, key: created } = loadOrCreateKeyFile({ dataDir, env: {} });
    chmodSync(path!, 0o400);
    expect(loadOrCreateKeyFile({ dataDir, env: {} }).key.equals(created)).toBe(true);
  });

  it('refuses a key file that does not hold 64 hex characters', () => {
    mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, 'keys', 'data.key'), 'not a key\n', { mode: 0o600 });
    expect(() => loadOrCreateKeyFile({ dataDir, env: {} })).toThrow(
      /must hold 32 bytes as 64 hex characters/,
    );
  });

  it('takes a 64-hex-character key from GRASSROOTS_DATA_KEY without touching the disk', () => {
    const hex = randomBytes(32).toString('hex');
    const loaded = loadOrCreateKeyFile({ dataDir, env: { GRASSROOTS_DATA_KEY: hex } });
    expect(loaded).toEqual({ key: Buffer.from(hex, 'hex'), source: 'env' });
    expect(existsSync(dataDir)).toBe(false);
  });

  it('takes a base64 key from GRASSROOTS_DATA_KEY, in standard or URL-safe form', () => {
    const bytes = randomBytes(32);
    for (const text of [bytes.toString('base64'), bytes.toString('base64url')]) {
      expect(loadOrCreateKeyFile({ dataDir, env: { GRASSROOTS_DATA_KEY: text } }).key.equals(bytes)).toBe(
        true,
      );
    }
  });

  it('prefers GRASSROOTS_DATA_KEY over an existing key file', () => {
    const fromFile = loadOrCreateKeyFile({ dataDir, env: {} });
    const hex = randomBytes(32).toString('hex');
    const loaded = loadOrCreateKeyFile({ dataDir, env: { GRASSROOTS_DATA_KEY: hex } });
    expect(loaded.source).toBe('env');
    expect(loaded.key.equals(fromFile.key)).toBe(false);
  });

  it('falls back to the key file when GRASSROOTS_DATA_KEY is empty', () => {
    expect(loadOrCreateKeyFile({ dataDir, env: { GRASSROOTS_DATA_KEY: '  ' } }).source).toBe('file-created');
  });

  it.each([
    ['62 hex characters', 'ab'.repeat(31)],
    ['66 hex characters', 'ab'.repeat(33)],
    ['base64 of 16 bytes', Buffer.alloc(16, 1).toString('base64')],
    ['base64 of 48 bytes', Buffer.alloc(48, 1).toString('base64')],
    ['a passphrase', 'correct horse battery staple'],
  ])(
    'refuses a GRASSROOTS_DATA_KEY of %s, naming the variable but not echoing the value',
    (_label, value) => {
      const attempt = () => loadOrCreateKeyFile({ dataDir, env: { GRASSROOTS_DATA_KEY: value } });
      expect(attempt).toThrow(/GRASSROOTS_DATA_KEY must hold a 32-byte key/);
      try {
        attempt();
      } catch (error) {
        expect((error as Error).message).not.toContain(value);
      }
      expect(existsSync(dataDir)).toBe(false);
    },
  );

  it('gives a key that a field cipher can use', () => {
    const { key: loaded } = loadOrCreateKeyFile({ dataDir, env: {} });
    const fromFile = createFieldCipher({ key: loaded });
    expect(fromFile.decrypt(fromFile.encrypt('13812345678'))).toBe('13812345678');
  });
});
