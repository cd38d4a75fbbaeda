import { z } from 'zod';
import { pingDatabase } from '../../db/database';
import { pendingMigrations } from '../../db/migrator';
import type { App } from '../types';

/** Liveness (the process answers) and readiness (database reachable, every migration applied). */
export function registerHealth(app: App | import('fastify').FastifyInstance): void {
  const a = app as App;
  a.get('/healthz', {
    schema: {
      tags: ['health'],
      summary: 'Liveness',
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    handler: async () => ({ status: 'ok' as const }),
  });
  const readiness = z.object({
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['up', 'down']),
    dialect: z.string(),
    pendingMigrations: z.array(z.string()),
  });
  a.get('/readyz', {
    schema: { tags: ['health'], summary: 'Readiness', response: { 200: readiness, 503: readiness } },
    handler: async (_request, reply) => {
      const up = await pingDatabase(a.db);
      const pending = up ? await pendingMigrations(a.db.kysely).catch(() => ['(unknown)']) : [];
      const ready = up && pending.length === 0;
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'not_ready',
        database: up ? 'up' : 'down',
        dialect: a.db.dialect,
        pendingMigrations: pending,
      });
    },
  });
}
