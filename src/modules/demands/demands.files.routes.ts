import { z } from 'zod';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { demandsErrors } from './demands.errors';
import { demandFileStore, MAX_PHOTO_BYTES, PHOTO_TYPES, readPhoto, storePhoto } from './demands.files';
import { sha256Schema, storedFileSchema } from './demands.schemas';

/**
 * Photo upload and download. Registered in a plugin scope of its own: the three image types are
 * read as raw buffers here only, and an over-long or mistyped body becomes the module's own
 * problem (413 demands.file_too_large, 415 demands.file_type) instead of the generic one.
 */
export async function demandsFilesRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const store = demandFileStore(app.config.dataDir);
  const tags = ['demands'];

  app.addContentTypeParser(
    [...PHOTO_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES },
    (_req, body, done) => done(null, body),
  );
  // Thrown errors go on to the app's error handler (problem+json).
  app.setErrorHandler((error) => {
    const code = (error as { code?: string }).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw demandsErrors.fileTooLarge(MAX_PHOTO_BYTES);
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') throw demandsErrors.fileType(PHOTO_TYPES);
    throw error;
  });

  app.post('/api/v1/demands/files', {
    bodyLimit: MAX_PHOTO_BYTES,
    schema: {
      tags,
      summary: 'Upload one photo (JPEG, PNG or WebP, at most 8 MiB) as the raw body 上传诉求照片',
      consumes: [...PHOTO_TYPES],
      response: { 201: storedFileSchema, ...problemResponses(...AUTHED, 413, 415) },
    },
    handler: async (request, reply) => {
      const file = await storePhoto({
        db,
        store,
        actor: requireActor(request),
        declaredType: request.headers['content-type'],
        bytes: Buffer.isBuffer(request.body) ? request.body : undefined,
      });
      return reply.code(201).send(file);
    },
  });

  app.get('/api/v1/demands/files/:sha256', {
    schema: {
      tags,
      summary: 'A photo’s bytes, for its uploader and whoever may read a demand it is attached to 查看照片',
      params: z.strictObject({ sha256: sha256Schema }),
      produces: [...PHOTO_TYPES],
      response: { 200: z.any().describe('the image bytes'), ...problemResponses(...AUTHED) },
    },
    handler: async (request, reply) => {
      const file = await readPhoto({
        db,
        store,
        actor: requireActor(request),
        sha256: request.params.sha256,
      });
      return reply
        .type(file.mime)
        .header('cache-control', 'private, max-age=86400, immutable')
        .header('content-disposition', `inline; filename="${file.sha256}"`)
        .send(file.bytes);
    },
  });
}
