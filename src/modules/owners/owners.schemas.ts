import { z } from 'zod';
import { COMMITTEE_POSTS, COMMITTEE_STATUSES } from './owners.table';

// The owners module's API contract for compounds and committees; the register, formations and
// disclosures have their own schema files. Requests are strict objects; the web imports the
// inferred types from here.

export const areaCodeSchema = z.string().regex(/^\d{2,32}$/, 'an area code of 2–32 digits');
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const idSchema = z.string().min(1).max(64);
export const compoundParamsSchema = z.strictObject({ code: areaCodeSchema });
export const idParamsSchema = z.strictObject({ id: idSchema });
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Where a compound stands: 未成立 / 筹备中 (a formation under way) / 已成立 (in term) / 任期届满. */
export const COMPOUND_COMMITTEE_STATES = ['none', 'preparatory', 'formed', 'term_ended'] as const;
export const compoundCommitteeStateSchema = z.enum(COMPOUND_COMMITTEE_STATES);

export const filingSchema = z.object({
  state: z.enum(['on_time', 'late', 'pending', 'overdue']),
  dueBy: z.string(),
  daysLate: z.number().int(),
});

export const partyShareSchema = z.object({
  members: z.number().int(),
  partyMembers: z.number().int(),
  percent: z.string().nullable(),
  meetsTarget: z.boolean(),
  /** The report's target (CAPABILITIES §3.2), shown beside the share. */
  target: z.literal('60%'),
});

export const committeeMemberViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  post: z.enum(COMMITTEE_POSTS),
  ownerId: z.string().nullable(),
  partyMember: z.boolean(),
  since: z.string(),
  until: z.string().nullable(),
});

export const committeeViewSchema = z.object({
  id: z.string(),
  compoundCode: z.string(),
  path: z.string(),
  formationId: z.string().nullable(),
  electedOn: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  termState: z.enum(['not_started', 'in_term', 'ended']),
  /** Days from today to the last day of the term (negative once it has ended). */
  daysLeft: z.number().int(),
  /** 山东省物业管理条例 art. 33: due within 90 days of the term's end, or ended. */
  reelection: z.enum(['due', 'ended']).nullable(),
  status: z.enum(COMMITTEE_STATUSES),
  filedOn: z.string().nullable(),
  filingAuthority: z.string().nullable(),
  filing: filingSchema,
  members: z.array(committeeMemberViewSchema),
  partyShare: partyShareSchema,
  warnings: z.array(z.enum(['party_share_below_target', 'filing_late', 'filing_overdue', 'reelection_due'])),
});

export const compoundSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  path: z.string(),
  /** 街道 / 社区 names, for the list. */
  street: z.string().nullable(),
  community: z.string().nullable(),
  state: compoundCommitteeStateSchema,
  committee: z
    .object({
      id: z.string(),
      termEnd: z.string(),
      members: z.number().int(),
      partyShare: partyShareSchema,
      filing: filingSchema.shape.state,
    })
    .nullable(),
  formation: z
    .object({ id: z.string(), kind: z.enum(['first', 'reelection']), currentStep: z.string() })
    .nullable(),
});

export const compoundListQuerySchema = z.strictObject({
  /** Compounds below this place; the caller's whole scope when absent. */
  area: areaCodeSchema.optional(),
  state: compoundCommitteeStateSchema.optional(),
  /** Cursor: the code of the last compound of the previous page. */
  after: areaCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const areaQuerySchema = z.strictObject({ area: areaCodeSchema.optional() });

/** An exact fraction and the percentage to show (two decimals, half-up; null when nothing to count). */
export const rateSchema = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  percent: z.string().nullable(),
});

/** The report's figures for a place, counted from the records (CAPABILITIES §1.5). */
export const committeeStatsSchema = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  compounds: z.number().int(),
  byState: z.record(compoundCommitteeStateSchema, z.number().int()),
  /** Compounds with a committee in term over all compounds. */
  formationRate: rateSchema,
  /** Distinct party members sitting on committees in term. */
  partyMembersOnCommittees: z.number().int(),
  membersOnCommittees: z.number().int(),
  partyShare: partyShareSchema,
  /** Committees in term whose own party share is below the 60% target. */
  committeesBelowTarget: z.number().int(),
});

export const compoundDetailSchema = compoundSummarySchema.extend({
  current: committeeViewSchema.nullable(),
  past: z.array(committeeViewSchema),
  formations: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['first', 'reelection']),
      status: z.enum(['in_progress', 'completed', 'abandoned']),
      currentStep: z.string(),
      startedOn: z.string(),
    }),
  ),
});

const memberInputSchema = z.strictObject({
  /** Members are owners of the compound (山东省物业管理条例 art. 30). */
  ownerId: idSchema,
  post: z.enum(COMMITTEE_POSTS),
});

/** A committee elected before the platform was in use, recorded from its filing papers. */
export const registerCommitteeBodySchema = z.strictObject({
  electedOn: isoDateSchema,
  termStart: isoDateSchema.optional(),
  termEnd: isoDateSchema,
  filedOn: isoDateSchema.nullable().optional(),
  filingAuthority: z.string().trim().min(1).max(100).nullable().optional(),
  members: z.array(memberInputSchema).min(1).max(51),
});

export const filingBodySchema = z.strictObject({
  filedOn: isoDateSchema,
  filingAuthority: z.string().trim().min(1).max(100),
});
