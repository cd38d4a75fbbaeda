import { PHOTO_TYPES } from '../api';

// What a photo must be before it is sent to POST /api/v1/demands/files: the server checks the
// same (type by its first bytes, size by its limit) and answers demands.file_type or
// demands.file_too_large; the page says so in the resident's language before any upload.

/** The server's limit per photo (MAX_PHOTO_BYTES of demands.files.ts); a larger photo is shrunk first. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** At most nine photos a demand (photoIdsSchema). */
export const PHOTO_MAX_COUNT = 9;
/** The longest side of a photo shrunk on the phone before upload. */
export const PHOTO_SHRINK_SIDE = 1600;

export type PhotoProblem = 'wrongType' | 'tooLarge' | 'empty';

/** Why a chosen file cannot be uploaded as it is, or null when it can. */
export function photoProblem(
  file: { type: string; size: number },
  maxBytes = PHOTO_MAX_BYTES,
): PhotoProblem | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type.toLowerCase())) return 'wrongType';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'tooLarge';
  return null;
}

/** The `accept` attribute of the photo input. */
export const PHOTO_ACCEPT = PHOTO_TYPES.join(',');

/** Megabytes for a message such as "不能超过 5 MB". */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/** The size to draw a photo at so that its longest side is at most `side`, keeping its proportions. */
export function shrunkSize(
  width: number,
  height: number,
  side = PHOTO_SHRINK_SIDE,
): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= side || longest === 0) return { width, height };
  const scale = side / longest;
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
