import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const API_PREFIXES = ['/api/', '/open311/', '/healthz', '/readyz'];

/**
 * Serves the built console from web/dist on the API's own port. Unknown non-API paths get the
 * console's index.html so that client-side routes (`/areas/map`) survive a reload.
 */
export async function registerWeb(
  app: FastifyInstance,
  distDir: string,
): Promise<(req: FastifyRequest, reply: FastifyReply) => boolean> {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ distDir }, 'web console not built (npm run build); serving the API only');
    return () => false;
  }
  await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: ['index.html'] });
  return (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (API_PREFIXES.some((p) => request.url.startsWith(p))) return false;
    reply.type('text/html; charset=utf-8').sendFile('index.html');
    return true;
  };
}
