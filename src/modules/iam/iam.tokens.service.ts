import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId, randomToken } from '../../lib/ids';
import { appendAudit } from './iam.audit';
import { sha256 } from './iam.auth.service';
import { authorize, listScopes } from './iam.authorize';
import { iamErrors } from './iam.errors';
import * as repo from './iam.repository';
import { type Actor, can } from './iam.scope';
import type { ApiTokenRow } from './iam.table';
import { mayGrant } from './iam.users.service';
import { toApiTokenView } from './iam.views';

type Db = Kysely<Database>;

export const TOKEN_PREFIX = 'grt_';

/**
 * Issues a token for an outside system: a role over a scope the issuer could grant to a person,
 * an expiry, and a secret shown once and stored only as its SHA-256.
 */
export async function createApiToken(opts: {
  db: Db;
  actor: Actor;
  input: { name: string; role: string; scopePath: string; expiresInDays: number };
}) {
  const { db, actor, input } = opts;
  authorize(actor, 'tokens.manage');
  if (!can(actor, 'tokens.manage', input.scopePath)) throw iamErrors.scopeOutside(input.scopePath);
  if (!mayGrant(actor, { role: input.role, scopePath: input.scopePath }))
    throw iamErrors.roleNotGrantable(input.role);
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
  const now = new Date();
  const row: ApiTokenRow = {
    id: newId(),
    name: input.name,
    tokenHash: sha256(secret),
    role: input.role,
    scopePath: input.scopePath,
    createdBy: actor.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    revokedAt: null,
    lastUsedAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertApiToken(trx, row);
    await appendAudit(trx, {
      actor,
      action: 'iam.token_created',
      targetType: 'api_token',
      targetId: row.id,
      scopePath: row.scopePath,
      summary: { name: row.name, role: row.role, expiresAt: row.expiresAt },
    });
  });
  return { token: toApiTokenView(row), secret };
}

export async function listApiTokens(opts: { db: Db; actor: Actor }) {
  const scopes = listScopes(opts.actor, 'tokens.manage');
  return (await repo.listApiTokensInScopes(opts.db, scopes)).map(toApiTokenView);
}

export async function revokeApiToken(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor } = opts;
  authorize(actor, 'tokens.manage');
  const token = await repo.findApiTokenById(db, opts.id);
  authorize(actor, 'tokens.manage', token?.scopePath ?? null);
  const row = token as ApiTokenRow;
  if (row.revokedAt) return toApiTokenView(row);
  const revokedAt = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.updateApiToken(trx, row.id, { revokedAt });
    await appendAudit(trx, {
      actor,
      action: 'iam.token_revoked',
      targetType: 'api_token',
      targetId: row.id,
      scopePath: row.scopePath,
    });
  });
  return toApiTokenView({ ...row, revokedAt });
}

/** The actor behind a presented bearer token; expired, revoked and unknown tokens are refused alike. */
export async function resolveApiToken(opts: {
  db: Db;
  secret: string;
  client: { ip: string | null; requestId: string | null };
  now?: Date;
}): Promise<Actor> {
  const now = (opts.now ?? new Date()).toISOString();
  if (!opts.secret.startsWith(TOKEN_PREFIX)) throw iamErrors.invalidToken();
  const token = await repo.findApiTokenByHash(opts.db, sha256(opts.secret));
  if (!token || token.revokedAt || token.expiresAt <= now) throw iamErrors.invalidToken();
  // Last use is kept to the hour: enough to spot idle tokens without a write per request.
  if (!token.lastUsedAt || token.lastUsedAt.slice(0, 13) !== now.slice(0, 13))
    await repo.updateApiToken(opts.db, token.id, { lastUsedAt: now });
  return {
    kind: 'token',
    id: token.id,
    label: `token:${token.name}`,
    assignments: [{ role: token.role, scopePath: token.scopePath }],
    requestId: opts.client.requestId,
    ip: opts.client.ip,
  };
}
