import { z } from 'zod';
import { areaCodeSchema, idSchema, isoDateSchema, transferStatusSchema } from './party.schemas';
import { TRANSFER_ACTIONS } from './party.transfer-machine';

// Transfers of floating members' organisational relations into grid branches (CAPABILITIES §1.4),
// and the member picker the console needs for them and for posts.

export const transferViewSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string().nullable(),
  fromOrgText: z.string(),
  toOrgId: z.string(),
  toOrgName: z.string().nullable(),
  path: z.string(),
  status: transferStatusSchema,
  reason: z.string().nullable(),
  requestedOn: z.string(),
  /** Who took each step: the display name of the account. */
  requestedBy: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  completedOn: z.string().nullable(),
  /** The steps open from here, for the console's buttons. */
  actions: z.array(z.enum(TRANSFER_ACTIONS)),
  updatedAt: z.string(),
});

export const transferListQuerySchema = z.strictObject({
  /** Transfers into branches of this area; the caller's whole scope when absent. */
  area: areaCodeSchema.optional(),
  status: transferStatusSchema.optional(),
  /** Cursor: the id of the last transfer of the previous page. */
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const createTransferBodySchema = z.strictObject({
  memberId: idSchema,
  /** Where the relation sits now, as written on the transfer letter (e.g. 济南市历下区某公司党支部). */
  fromOrgText: z.string().trim().min(1).max(200),
  toOrgId: idSchema,
  /** The day the request was made; today when absent. */
  requestedOn: isoDateSchema.optional(),
});

export const transferParamsSchema = z.strictObject({ id: idSchema });

export const transferActionBodySchema = z.strictObject({
  /** The day of this step; today when absent. */
  on: isoDateSchema.optional(),
  /** Required when refusing. */
  reason: z.string().trim().min(1).max(500).optional(),
});

export const memberQuerySchema = z.strictObject({
  area: areaCodeSchema,
  q: z.string().trim().min(1).max(32).optional(),
  /** `elsewhere`: members whose relation sits outside our organisations (candidates for a transfer). */
  relation: z.enum(['any', 'elsewhere']).default('any'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
