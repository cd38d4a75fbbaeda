import { z } from 'zod';
import { ORG_LIFE_KINDS, ORG_POSTS, PARTY_ORG_KINDS, TRANSFER_STATUSES } from './party.table';

// The party module's API contract: requests as strict objects, one response schema per shape.
// The web imports the inferred types from here.

export const areaCodeSchema = z.string().regex(/^\d{2,32}$/, 'an area code of 2–32 digits');
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const idSchema = z.string().min(1).max(64);
export const orgKindSchema = z.enum(PARTY_ORG_KINDS);
export const orgPostSchema = z.enum(ORG_POSTS);
export const orgLifeKindSchema = z.enum(ORG_LIFE_KINDS);
export const transferStatusSchema = z.enum(TRANSFER_STATUSES);

/** Where a secretary was drawn from (CAPABILITIES §1.4): 党员社区工作者, 退休干部, 原村书记, 在职党员, 其他. */
export const SECRETARY_BACKGROUNDS = [
  'community_worker',
  'retired_cadre',
  'former_village_secretary',
  'in_service_member',
  'other',
] as const;
export const secretaryBackgroundSchema = z.enum(SECRETARY_BACKGROUNDS);

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
const pageLimit = z.coerce.number().int().min(1).max(500).default(100);

/** An exact fraction (the counts themselves) and the percentage to show, one decimal, half-up. */
export const rateSchema = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  /** null when there is nothing to count (denominator 0). */
  percent: z.string().nullable(),
});

export const areaRefSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  path: z.string(),
});

export const orgSummarySchema = z.object({
  id: z.string(),
  kind: orgKindSchema,
  name: z.string(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  path: z.string(),
  parentId: z.string().nullable(),
  status: z.enum(['active', 'dissolved']),
  meetingPlace: z.string().nullable(),
  establishedOn: z.string().nullable(),
  updatedAt: z.string(),
});

export type PartyOrgTreeNode = z.infer<typeof orgSummarySchema> & { children: PartyOrgTreeNode[] };
export const orgTreeNodeSchema: z.ZodType<PartyOrgTreeNode> = z.lazy(() =>
  orgSummarySchema.extend({ children: z.array(orgTreeNodeSchema) }),
);

export const treeQuerySchema = z.strictObject({
  /** The area whose organisations to show; the caller's scope roots when absent. */
  root: areaCodeSchema.optional(),
  /** How many levels of the chain, from the community organisation down (1–4). */
  levels: z.coerce.number().int().min(1).max(4).default(4),
  includeDissolved: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const orgParamsSchema = z.strictObject({ id: idSchema });

export const createOrgBodySchema = z.strictObject({
  kind: orgKindSchema,
  name: z.string().trim().min(1).max(100),
  areaCode: areaCodeSchema,
  parentId: idSchema.nullable().optional(),
  meetingPlace: optionalText(200),
  establishedOn: isoDateSchema.nullable().optional(),
});

export const updateOrgBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    parentId: idSchema.optional(),
    meetingPlace: optionalText(200),
    establishedOn: isoDateSchema.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'name at least one field to change');

export const dissolveOrgBodySchema = z.strictObject({
  /** The day the organisation was dissolved; open posts end that day. Today when absent. */
  on: isoDateSchema.optional(),
  note: optionalText(500),
});

export const postViewSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  memberId: z.string(),
  memberName: z.string().nullable(),
  post: orgPostSchema,
  since: z.string(),
  until: z.string().nullable(),
  background: z.string().nullable(),
  inPost: z.boolean(),
});

export const addPostBodySchema = z.strictObject({
  memberId: idSchema,
  post: orgPostSchema,
  since: isoDateSchema,
  until: isoDateSchema.nullable().optional(),
  background: secretaryBackgroundSchema.nullable().optional(),
});

export const updatePostBodySchema = z
  .strictObject({
    /** The day the post ended (the first day out of post). */
    until: isoDateSchema.nullable().optional(),
    background: secretaryBackgroundSchema.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'name at least one field to change');

export const postParamsSchema = z.strictObject({ id: idSchema, postId: idSchema });

export const memberViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  membership: z.enum(['formal', 'probationary']),
  category: z.string(),
  orgId: z.string().nullable(),
  relationElsewhere: z.string().nullable(),
  householdCode: z.string().nullable(),
  path: z.string(),
});

export const householdViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  path: z.string(),
  /** Compound, building and unit names, for reading the household's place at a glance. */
  place: z.string(),
});

export const linkHouseholdsBodySchema = z.strictObject({
  householdCodes: z.array(areaCodeSchema).min(1).max(200),
});
export const householdParamsSchema = z.strictObject({ id: idSchema, code: areaCodeSchema });

export const lifeRecordViewSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  kind: orgLifeKindSchema,
  heldOn: z.string(),
  topic: z.string(),
  attendees: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

export const lifeRecordBodySchema = z.strictObject({
  kind: orgLifeKindSchema,
  heldOn: isoDateSchema,
  topic: z.string().trim().min(1).max(200),
  attendees: z.number().int().min(1).max(10_000),
  note: optionalText(2000),
});

export const lifeRecordsQuerySchema = z.strictObject({
  /** Cursor: the id of the last record of the previous page. */
  after: z.string().max(64).optional(),
  limit: pageLimit,
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const unmetReasonSchema = z.object({
  code: z.enum(['no_secretary', 'too_few_members', 'no_recent_life', 'no_meeting_place']),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

/** One branch against the entity-operation checklist (CAPABILITIES §1.4). */
export const branchEvaluationSchema = z.object({
  met: z.boolean(),
  results: z.array(
    z.object({
      itemId: z.string(),
      rule: z.string(),
      label: z.object({ zh: z.string(), en: z.string() }),
      met: z.boolean(),
      reason: unmetReasonSchema.nullable(),
    }),
  ),
});

export const orgDetailSchema = orgSummarySchema.extend({
  area: areaRefSchema.nullable(),
  /** From the community organisation down to the parent. */
  ancestors: z.array(orgSummarySchema),
  children: z.array(orgSummarySchema),
  posts: z.array(postViewSchema),
  /** Members whose organisational relation sits here. */
  members: z.array(memberViewSchema),
  /** For a central household: the households it looks after (联系户). */
  households: z.array(householdViewSchema),
  recentLifeRecords: z.array(lifeRecordViewSchema),
  /** For a grid branch: the entity-operation checklist as of today. */
  checklist: branchEvaluationSchema.nullable(),
  /** Whether the chain from here up to the community organisation is intact. */
  chainIntact: z.boolean(),
});
