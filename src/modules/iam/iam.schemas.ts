import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './iam.password';
import { ROLES } from './iam.roles';
import { AREA_PATH_PATTERN } from './iam.scope';

export const areaPathSchema = z
  .string()
  .regex(AREA_PATH_PATTERN, 'an area path of codes such as 3716/371602/371602001')
  .max(200);

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const assignmentInputSchema = z.strictObject({
  role: z.enum(ROLES),
  scopePath: areaPathSchema,
});

export const assignmentViewSchema = z.object({
  role: z.string(),
  roleName: bilingual,
  scopePath: z.string(),
  scopeName: z.string().nullable(),
});

export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
  }),
  assignments: z.array(assignmentViewSchema),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  homeScopePath: z.string(),
  status: z.enum(['active', 'disabled']),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  assignments: z.array(assignmentViewSchema),
});

export const userListQuerySchema = z.strictObject({
  search: z.string().trim().min(1).max(64).optional(),
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const userListSchema = z.object({ items: z.array(userViewSchema), nextCursor: z.string().nullable() });

export const createUserBodySchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '3–32 letters, digits, _ . -, starting with a letter'),
  displayName: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  homeScopePath: areaPathSchema,
  assignments: z.array(assignmentInputSchema).min(1).max(20),
});

export const updateUserBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(64).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  assignments: z.array(assignmentInputSchema).min(1).max(20).optional(),
});

export const resetPasswordBodySchema = z.strictObject({
  temporaryPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
});

export const idParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });

export const apiTokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  scopePath: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const createApiTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  role: z.enum(ROLES),
  scopePath: areaPathSchema,
  expiresInDays: z.number().int().min(1).max(365).default(90),
});

export const auditQuerySchema = z.strictObject({
  action: z.string().max(64).optional(),
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  scopePath: z.string().nullable(),
  summary: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number(),
  firstBroken: z
    .object({ seq: z.number(), reason: z.string(), action: z.string().nullable(), at: z.string().nullable() })
    .optional(),
});
