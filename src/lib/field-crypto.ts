// Encryption at rest for personal-data fields (ID numbers, phone numbers; DESIGN.md, Security).
// AES-256-GCM (NIST SP 800-38D) with a random 96-bit IV per value, and a keyed hash (blind
// index, HMAC-SHA256) so that exact-match search works without decrypting every row.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export interface FieldCipher {
  /** Encrypts to `v1.<iv>.<ciphertext>.<tag>` (base64url); two calls on one value give different strings. */
  encrypt(plain: string): string;
  /** Decrypts a value from `encrypt`; throws FieldDecryptionError if it was altered or the key differs. */
  decrypt(stored: string): string;
  /** Hex HMAC-SHA256 of an already normalized value (e.g. parseIdNumber's value), for exact search. */
  blindIndex(normalized: string): string;
}

export interface CreateFieldCipherOptions {
  /** 32-byte master key. */
  key: Buffer;
  /** Key for blind indexes; derived from `key` with HKDF when absent. At least 32 bytes. */
  hashKey?: Buffer;
}

export class FieldDecryptionError extends Error {
  override name = 'FieldDecryptionError';
}

const KEY_BYTES = 32;
const IV_BYTES = 12; // SP 800-38D §8.2: 96-bit IVs are the recommended length for GCM.
const TAG_BYTES = 16;
const FORMAT_VERSION = 'v1';
const BLIND_INDEX_INFO = 'grassroots blind index v1';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function createFieldCipher({ key, hashKey }: CreateFieldCipherOptions): FieldCipher {
  if (key.length !== KEY_BYTES) {
    throw new RangeError(`Field encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
  }
  if (hashKey !== undefined && hashKey.length < KEY_BYTES) {
    throw new RangeError(`Blind index key must be at least ${KEY_BYTES} bytes, got ${hashKey.length}`);
  }
  // Copies, so that a caller zeroing or reusing its buffer cannot change the cipher's keys.
  const encryptionKey = Buffer.from(key);
  // HKDF (RFC 5869) separates the hash key from the encryption key, so a blind index reveals
  // nothing usable against the ciphertexts.
  const indexKey = hashKey
    ? Buffer.from(hashKey)
    : Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), BLIND_INDEX_INFO, KEY_BYTES));

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const encoded = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
      return [FORMAT_VERSION, ...encoded].join('.');
    },

    decrypt(stored) {
      const parts = stored.split('.');
      if (parts.length !== 4 || parts[0] !== FORMAT_VERSION) {
        throw new FieldDecryptionError(
          `Encrypted field is not in the ${FORMAT_VERSION}.<iv>.<ciphertext>.<tag> format`,
        );
      }
      const [, ivText, ciphertextText, tagText] = parts as [string, string, string, string];
      if (![ivText, ciphertextText, tagText].every((part) => BASE64URL.test(part))) {
        throw new FieldDecryptionError('Encrypted field contains characters outside base64url');
      }
      const iv = Buffer.from(ivText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      // GCM would otherwise accept a truncated tag, which weakens authentication.
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new FieldDecryptionError('Encrypted field has an IV or authentication tag of the wrong length');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tag);
        const plain = Buffer.concat([
          decipher.update(Buffer.from(ciphertextText, 'base64url')),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch {
        throw new FieldDecryptionError(
          'Encrypted field failed authentication: it was altered, or it was encrypted with another key',
        );
      }
    },

    blindIndex(normalized) {
      return createHmac('sha256', indexKey).update(normalized, 'utf8').digest('hex');
    },
  };
}

export interface LoadOrCreateKeyFileOptions {
  /** The application's data directory; the key lives in `<dataDir>/keys/data.key`. */
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
}

export interface LoadedDataKey {
  key: Buffer;
  /** Where the key came from, so that start-up can say so (and warn when it was just created). */
  source: 'env' | 'file-created' | 'file';
  /** The key file, when the key came from one. */
  path?: string;
}

export const DATA_KEY_ENV = 'GRASSROOTS_DATA_KEY';

/**
 * Finds the data key: GRASSROOTS_DATA_KEY when set, else `<dataDir>/keys/data.key`, created with
 * a random key on first start. Refuses a key file that others than its owner may read.
 */
export function loadOrCreateKeyFile({ dataDir, env }: LoadOrCreateKeyFileOptions): LoadedDataKey {
  const fromEnv = env[DATA_KEY_ENV]?.trim();
  if (fromEnv) return { key: decodeEnvKey(fromEnv), source: 'env' };

  const keysDir = join(dataDir, 'keys');
  const path = join(keysDir, 'data.key');
  if (!exists(path)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      mkdirSync(keysDir, { mode: 0o700 });
    } catch (error) {
      if (!isErrorCode(error, 'EEXIST')) throw error;
    }
    if (createKeyFile(path)) return { key: readKeyFile(path), source: 'file-created', path };
  }
  return { key: readKeyFile(path), source: 'file', path };
}

function decodeEnvKey(text: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    const key = Buffer.from(text, 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  // Never echo the value: it is a secret even when malformed.
  throw new Error(
    `${DATA_KEY_ENV} must hold a ${KEY_BYTES}-byte key as 64 hex characters or base64 ` +
      `(e.g. the output of \`openssl rand -hex 32\`); the value given is ${text.length} characters long`,
  );
}

/**
 * Creates the key file atomically: the key is written to a private temporary file which is then
 * hard-linked into place, so a crash never leaves a half-written key and a second process
 * starting at the same moment reads the first one's key instead of overwriting it.
 * Returns false when another process created the file first.
 */
function createKeyFile(path: string): boolean {
  const temporary = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(KEY_BYTES).toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

function readKeyFile(path: string): Buffer {
  const stats = statSync(path);
  if (!stats.isFile()) throw new Error(`Data key ${path} is not a file`);
  // POSIX permissions: group or other bits set means someone besides the owner may read or
  // replace the key. Windows has no such bits, so the check would only raise false alarms there.
  if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
    const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
    throw new Error(
      `Data key ${path} has permissions ${mode}, looser than 0600; run \`chmod 600 ${path}\` and start again`,
    );
  }
  const text = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text)) {
    throw new Error(`Data key ${path} must hold ${KEY_BYTES} bytes as 64 hex characters`);
  }
  return Buffer.from(text, 'hex');
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return false;
    throw error;
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
