import { z } from 'zod';
import { areaCodeSchema } from './owners.schemas';

// The two watch lists of CAPABILITIES §1.5: compounds that should have a committee and do not, and
// committees due for re-election.

export const watchQuerySchema = z.strictObject({ area: areaCodeSchema.optional() });

const compoundColumns = {
  code: z.string(),
  name: z.string(),
  street: z.string().nullable(),
  community: z.string().nullable(),
  formation: z.object({ id: z.string(), currentStep: z.string() }).nullable(),
};

/** 山东省物业管理条例 art. 20 met, no committee ever; art. 21's sixty days for the preparatory group. */
export const missingCommitteeSchema = z.object({
  ...compoundColumns,
  conditions: z.array(z.string()),
  triggeredSince: z.string().nullable(),
  preparatoryGroupBy: z.string().nullable(),
  /** Past art. 21's sixty days without a formation under way. */
  overdue: z.boolean(),
  units: z.number().int(),
  deliveredUnitsPercent: z.string().nullable(),
});

/** Art. 33: the term ends within ninety days (the ninetieth included) or has ended. */
export const reelectionDueSchema = z.object({
  ...compoundColumns,
  committeeId: z.string(),
  termEnd: z.string(),
  daysLeft: z.number().int(),
  watch: z.enum(['due', 'ended']),
});

export const missingCommitteesSchema = z.object({
  items: z.array(missingCommitteeSchema),
  today: z.string(),
});
export const reelectionsDueSchema = z.object({ items: z.array(reelectionDueSchema), today: z.string() });
