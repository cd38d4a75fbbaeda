// The iam module's public surface: what other modules and the server may import.

export type { AuditInput, AuditVerification } from './iam.audit';
export { appendAudit, recordAudit, verifyAuditChain } from './iam.audit';
export { actorForUser, csrfTokenMatches, resolveSession, SESSION_COOKIE } from './iam.auth.service';
export { authorize, listScopes } from './iam.authorize';
export { iamErrors } from './iam.errors';
export { hashPassword } from './iam.password';
export type { RateCounters, WindowHit } from './iam.rate-counters';
export { DatabaseRateCounters, RATE_WINDOW_MS } from './iam.rate-counters';
export type { Permission, Role } from './iam.roles';
export { PERMISSIONS, ROLE_DEFINITIONS, ROLES } from './iam.roles';
export { iamRoutes } from './iam.routes';
export { areaPathSchema } from './iam.schemas';
export type { Actor, Assignment } from './iam.scope';
export { can, scopeCovers, scopesFor, systemActor } from './iam.scope';
export type { DemoLogin } from './iam.seed';
export { DEMO_LOGINS, DEMO_PASSWORD, seedUsers } from './iam.seed';
export type { IamTables } from './iam.table';
export { resolveApiToken } from './iam.tokens.service';
