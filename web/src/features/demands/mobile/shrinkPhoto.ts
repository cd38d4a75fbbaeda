import { PHOTO_MAX_BYTES, PHOTO_SHRINK_SIDE, shrunkSize } from './photoRules';

/**
 * A phone's photo is often larger than the server takes: draw it again at most 1600 px on its
 * longest side as a JPEG. Answers the file unchanged when it is small enough, and null when the
 * browser cannot read it as an image.
 */
export async function shrinkPhoto(file: File, maxBytes = PHOTO_MAX_BYTES): Promise<File | null> {
  if (file.size <= maxBytes) return file;
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return null;
  try {
    const bitmap = await createImageBitmap(file);
    const size = shrunkSize(bitmap.width, bitmap.height, PHOTO_SHRINK_SIDE);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, size.width, size.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob || blob.size > maxBytes) return null;
    return new File([blob], `${file.name.replace(/\.[^.]*$/, '')}.jpg`, { type: 'image/jpeg' });
  } catch {
    return null;
  }
}
