import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/database';
import type { FieldCipher } from '../lib/field-crypto';
import type { Actor } from '../modules/iam/iam.scope';
import type { SessionRow } from '../modules/iam/iam.table';
import type { AppConfig } from './config';
import type { AppError } from './errors';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** Encrypts personal data at rest and makes its blind index for exact search. */
    cipher: FieldCipher;
    config: AppConfig;
    routeIndex: { method: string; url: string }[];
  }
  interface FastifyRequest {
    /** Who is calling, when a valid session cookie or API token came with the request. */
    actor: Actor | null;
    /** The cookie session, when authenticated by cookie (CSRF applies), else null. */
    session: SessionRow | null;
    /** Why a presented credential was refused; thrown by requireActor. */
    authError: AppError | null;
  }
  interface FastifyContextConfig {
    /** Set false on routes that take no CSRF token (sign-in itself). */
    csrf?: boolean;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
