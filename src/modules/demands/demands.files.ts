import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, type FieldProblem, fieldProblem } from '../../server/errors';
import { type Actor, appendAudit, iamErrors, scopesFor } from '../iam/index';
import { actorRef } from './demands.access';
import { demandsErrors } from './demands.errors';
import { readableDemand } from './demands.handling.detail';

// Photos of demands (Beijing 接诉即办 regulation art. 8 para. 2: 语音、文字、图片、视频): uploaded one
// by one before the demand is filed, stored once by SHA-256 of their bytes, with type and size
// limits. The bytes sit behind a two-method store; the first implementation is the local disk
// under DATA_DIR (DESIGN.md, Growing past one machine: an S3-compatible store can follow).

type Q = Kysely<Database> | Transaction<Database>;

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
/** 8 MiB: a phone photo at full resolution fits; anything larger is refused (413). */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

/** Where file contents live, by SHA-256. `put` of content already there is a no-op. */
export interface FileStore {
  put(sha256: string, bytes: Buffer): Promise<void>;
  /** The bytes, or undefined when the store has none. */
  get(sha256: string): Promise<Buffer | undefined>;
}

/**
 * Files under `<root>/<aa>/<bb>/<sha256>` (the first two byte pairs of the digest, so that no
 * directory grows past 65 536 entries). Written to a temporary name and renamed, so a reader
 * never sees half a file and two writers of the same content both end with the whole file.
 */
export function localFileStore(root: string): FileStore {
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('not a SHA-256 hex digest');
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  return {
    async put(sha, bytes) {
      const final = pathOf(sha);
      if (await exists(final)) return;
      await fs.mkdir(path.dirname(final), { recursive: true });
      const temp = `${final}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await fs.writeFile(temp, bytes, { flag: 'wx' });
        await fs.rename(temp, final);
      } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
      }
    },
    async get(sha) {
      try {
        return await fs.readFile(pathOf(sha));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** The app's store: `${dataDir}/files`. */
export function demandFileStore(dataDir: string): FileStore {
  return localFileStore(path.join(dataDir, 'files'));
}

/** The image type the bytes really are (their magic numbers), whatever the client declared. */
export function detectPhotoType(bytes: Uint8Array): PhotoType | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF container, four length bytes, then the WEBP form type.
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}

export interface StoredFile {
  sha256: string;
  mime: string;
  size: number;
}

/**
 * Stores an uploaded photo: the declared type must be one of the three and match the bytes (415),
 * at most 8 MiB (413). The same content twice is one file and one row; the row keeps who uploaded
 * it first, which is who may attach it to a demand.
 */
export async function storePhoto(input: {
  db: Kysely<Database>;
  store: FileStore;
  actor: Actor;
  declaredType: string | undefined;
  bytes: Buffer | undefined;
  now?: Date;
}): Promise<StoredFile> {
  const { db, store, actor, bytes } = input;
  if (scopesFor(actor, 'demands.create').length === 0 && scopesFor(actor, 'demands.handle').length === 0)
    throw iamErrors.forbidden('demands.create');
  if (!bytes) throw demandsErrors.fileType(PHOTO_TYPES);
  if (bytes.length > MAX_PHOTO_BYTES) throw demandsErrors.fileTooLarge(MAX_PHOTO_BYTES);
  const declared = input.declaredType?.split(';')[0]?.trim().toLowerCase();
  const actual = detectPhotoType(bytes);
  if (!actual || actual !== declared) throw demandsErrors.fileType(PHOTO_TYPES);

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Bytes first: a row never points at a file that is not there.
  await store.put(sha256, bytes);
  const file = { sha256, mime: actual, size: bytes.length };
  const at = (input.now ?? new Date()).toISOString();
  const uploader = actorRef(actor);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('storedFiles')
      .values({ ...file, createdBy: uploader, createdAt: at })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    // The same content from another person is one file and a second upload, theirs to attach.
    const inserted = await trx
      .insertInto('storedFileUploads')
      .values({ sha256, uploadedBy: uploader, uploadedAt: at })
      .onConflict((oc) => oc.columns(['sha256', 'uploadedBy']).doNothing())
      .returning('sha256')
      .executeTakeFirst();
    if (inserted)
      await appendAudit(trx, {
        actor,
        action: 'demands.file_upload',
        targetType: 'stored_file',
        targetId: sha256,
        summary: { mime: actual, size: bytes.length },
      });
  });
  return file;
}

/**
 * A stored photo's bytes, for whoever uploaded it or may read a demand it is attached to (by
 * demands.read over its place, or as its reporter, a follower or a reporter merged into it: the
 * same rule as the demand's detail page). Anyone else gets 404, as if it did not exist.
 */
export async function readPhoto(input: {
  db: Kysely<Database>;
  store: FileStore;
  actor: Actor;
  sha256: string;
}): Promise<StoredFile & { bytes: Buffer }> {
  const { db, store, actor, sha256 } = input;
  const row = await db.selectFrom('storedFiles').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  if (!row) throw demandsErrors.fileNotFound();
  if (
    !(await uploadedBy(db, actor, [sha256])).has(sha256) &&
    !(await mayReadAnAttachingDemand(db, actor, sha256))
  )
    throw demandsErrors.fileNotFound();
  const bytes = await store.get(sha256);
  if (!bytes) throw demandsErrors.fileNotFound();
  return { sha256, mime: row.mime, size: row.size, bytes };
}

async function mayReadAnAttachingDemand(db: Q, actor: Actor, sha256: string): Promise<boolean> {
  const rows = await db
    .selectFrom('demandAttachments')
    .select('demandId')
    .distinct()
    .where('sha256', '=', sha256)
    .limit(100)
    .execute();
  for (const { demandId } of rows) {
    try {
      await readableDemand(db, actor, demandId);
      return true;
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 403 && err.status !== 404)) throw err;
    }
  }
  return false;
}

/**
 * Photos named on a demand or a step must be files the caller uploaded: a digest alone (seen in
 * someone else's demand) does not let anyone attach another person's photo. Names `photos[i]`.
 */
export async function photoProblems(db: Q, actor: Actor, photos: readonly string[]): Promise<FieldProblem[]> {
  if (photos.length === 0) return [];
  const mine = await uploadedBy(db, actor, photos);
  return photos.flatMap((sha, i) =>
    mine.has(sha)
      ? []
      : [
          fieldProblem(`photos[${i}]`, 'not_uploaded', {
            zh: '照片不存在或不是您上传的，请重新上传',
            en: 'No such photo among your uploads; upload it again',
          }),
        ],
  );
}

/** Which of these contents the actor has uploaded themselves. */
export async function uploadedBy(db: Q, actor: Actor, photos: readonly string[]): Promise<Set<string>> {
  if (photos.length === 0) return new Set();
  const rows = await db
    .selectFrom('storedFileUploads')
    .select('sha256')
    .where('sha256', 'in', [...new Set(photos)])
    .where('uploadedBy', '=', actorRef(actor))
    .execute();
  return new Set(rows.map((r) => r.sha256));
}
