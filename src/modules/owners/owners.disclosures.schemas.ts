import { z } from 'zod';
import { idSchema, isoDateSchema } from './owners.schemas';
import { COMMITTEE_POSTS, DISCLOSURE_KINDS } from './owners.table';

// What a committee publishes (山东省物业管理条例 art. 32: decisions posted within three days;
// 滨州市住宅物业管理条例 art. 14: the committee's make-up and duties posted permanently), and the
// compound's public page that shows it.

export const disclosureKindSchema = z.enum(DISCLOSURE_KINDS);

export const disclosureBodySchema = z.strictObject({
  kind: disclosureKindSchema,
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(10_000),
  /** The period a recurring report covers, e.g. 2026-Q1 or 2025. */
  period: z.string().trim().min(1).max(20).nullable().optional(),
  /** The owners'-meeting vote a meeting result reports. */
  voteId: idSchema.nullable().optional(),
  /** Today when absent. */
  publishedOn: isoDateSchema.optional(),
});

export const disclosureViewSchema = z.object({
  id: z.string(),
  kind: disclosureKindSchema,
  title: z.string(),
  body: z.string(),
  period: z.string().nullable(),
  voteId: z.string().nullable(),
  publishedOn: z.string(),
});

/** A recurring report and whether it is overdue (the platform's cadence: quarterly accounts, yearly work report). */
export const recurringReportSchema = z.object({
  kind: z.enum(['financial_report', 'work_report']),
  cadenceMonths: z.number().int(),
  latest: disclosureViewSchema.nullable(),
  dueBy: z.string().nullable(),
  overdue: z.boolean(),
});

export const disclosureListSchema = z.object({
  items: z.array(disclosureViewSchema),
  reports: z.array(recurringReportSchema),
});

/**
 * The public page of a compound (no sign-in). Members appear with their names and posts, as the
 * notice board shows them (Binzhou art. 14); whether a member is a party member is NOT shown: the
 * mark serves the officials' party-share target, and the public need of the notice does not reach
 * it (data minimisation, PIPL art. 6). No owner's number appears anywhere.
 */
export const publicCompoundSchema = z.object({
  code: z.string(),
  name: z.string(),
  street: z.string().nullable(),
  community: z.string().nullable(),
  state: z.enum(['none', 'preparatory', 'formed', 'term_ended']),
  committee: z
    .object({
      electedOn: z.string(),
      termStart: z.string(),
      termEnd: z.string(),
      inTerm: z.boolean(),
      filedOn: z.string().nullable(),
      filingAuthority: z.string().nullable(),
      members: z.array(z.object({ name: z.string(), post: z.enum(COMMITTEE_POSTS) })),
    })
    .nullable(),
  decisions: z.array(disclosureViewSchema),
  reports: z.array(recurringReportSchema),
  others: z.array(disclosureViewSchema),
  today: z.string(),
});
