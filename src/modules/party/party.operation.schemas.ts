import { z } from 'zod';
import type { ChecklistCriterion } from './party.entity-operation';
import {
  areaCodeSchema,
  areaRefSchema,
  branchEvaluationSchema,
  idSchema,
  orgLifeKindSchema,
  orgSummarySchema,
  rateSchema,
} from './party.schemas';
import { CHECKLIST_RULES } from './party.table';

// Checklist, entity-operation rate and reach (CAPABILITIES §1.1, §1.4).

const noParams = z.strictObject({});
const days = z.number().int().min(1).max(366);

/** The parameters of each rule, as stored in branch_checklist_items.params (JSON). */
const RULE_SHAPES = [
  { rule: z.literal('secretary_in_post'), params: noParams },
  {
    rule: z.literal('min_members'),
    params: z.strictObject({ minMembers: z.number().int().min(1).max(100) }),
  },
  {
    rule: z.literal('org_life_within_days'),
    params: z.strictObject({ days, kinds: z.array(orgLifeKindSchema).min(1).optional() }),
  },
  { rule: z.literal('meeting_place'), params: noParams },
  { rule: z.literal('theme_party_day_within_days'), params: z.strictObject({ days }) },
] as const;

const [s0, s1, s2, s3, s4] = RULE_SHAPES;
/** Each rule with its own parameters, plus the fields every item has. */
const byRule = <Extra extends z.ZodRawShape>(extra: Extra, strict: boolean) => {
  const make = strict ? z.strictObject : z.object;
  return z.discriminatedUnion('rule', [
    make({ ...s0, ...extra }),
    make({ ...s1, ...extra }),
    make({ ...s2, ...extra }),
    make({ ...s3, ...extra }),
    make({ ...s4, ...extra }),
  ]);
};

export const checklistRuleSchema = byRule({}, true);

const itemCommon = {
  labelZh: z.string().trim().min(1).max(100),
  labelEn: z.string().trim().min(1).max(200),
  active: z.boolean(),
};

export const checklistItemViewSchema = z.object({
  id: z.string(),
  rule: z.enum(CHECKLIST_RULES),
  params: z.record(z.string(), z.unknown()),
  ...itemCommon,
  sortOrder: z.number().int(),
  updatedAt: z.string(),
});

export const checklistItemInputSchema = byRule({ id: idSchema.optional(), ...itemCommon }, true);

export const putChecklistBodySchema = z.strictObject({
  /** The whole list in display order; items left out are removed. Switch an item off with `active: false`. */
  items: z.array(checklistItemInputSchema).min(1).max(20),
});

export const checklistSchema = z.object({ items: z.array(checklistItemViewSchema) });

/** Parses a stored item's rule and params; an item that no longer parses is left out of evaluation. */
export function parseCriterion(row: {
  id: string;
  rule: string;
  params: string;
  active: number;
}): ChecklistCriterion | null {
  let params: unknown;
  try {
    params = JSON.parse(row.params);
  } catch {
    return null;
  }
  const parsed = checklistRuleSchema.safeParse({ rule: row.rule, params });
  return parsed.success
    ? ({ id: row.id, active: row.active === 1, ...parsed.data } as ChecklistCriterion)
    : null;
}

export const areaQuerySchema = z.strictObject({ area: areaCodeSchema });

export const entityOperationSchema = z.object({
  area: areaRefSchema,
  /** Active grid branches meeting every active item / all active grid branches in the area. */
  rate: rateSchema,
  /** How many branches meet each active item, in checklist order. */
  items: z.array(
    z.object({
      itemId: z.string(),
      rule: z.string(),
      label: z.object({ zh: z.string(), en: z.string() }),
      met: z.number().int(),
    }),
  ),
  asOf: z.string(),
});

export const branchStatesQuerySchema = z.strictObject({
  area: areaCodeSchema,
  met: z.enum(['true', 'false']).optional(),
  /** Cursor: the path of the last branch of the previous page. */
  after: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const branchStateSchema = z.object({
  branch: orgSummarySchema,
  evaluation: branchEvaluationSchema,
});

export const reachSchema = z.object({
  area: areaRefSchema,
  /** Reached households / active households below the area, counted from the records. */
  rate: rateSchema,
  households: z.number().int(),
  reached: z.number().int(),
});

export const unreachedQuerySchema = z.strictObject({
  area: areaCodeSchema,
  /** Cursor: the path of the last household of the previous page. */
  after: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
