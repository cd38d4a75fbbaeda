import { z } from 'zod';
import { areaCodeSchema, idSchema, isoDateSchema } from './owners.schemas';
import { FORMATION_KINDS, FORMATION_STATUSES, FORMATION_STEPS } from './owners.table';

// Formation and re-election of a committee, step by step (the operation guide; 山东省物业管理条例
// arts. 20–22, 30, 31, 33). Every step is dated, names who approved it and the documents it rests on.

export const formationStepSchema = z.enum(FORMATION_STEPS);
export const AFFILIATIONS = [
  'owner',
  'developer',
  'property_service',
  'street',
  'community',
  'other',
] as const;

const documentSchema = z.strictObject({
  /** 通知、公告、会议纪要、联审意见、决议、备案证明 … */
  title: z.string().trim().min(1).max(200),
  /** 文号 or where the paper is kept. */
  reference: z.string().trim().min(1).max(200).nullable().optional(),
});

const stepCommon = {
  /** The day of the step; today when absent. */
  on: isoDateSchema.optional(),
  /** Who approved it: the official or office, e.g. 市中街道办事处 王主任. */
  approver: z.string().trim().min(1).max(100),
  documents: z.array(documentSchema).min(1).max(20),
  note: z.string().trim().min(1).max(1000).nullable().optional(),
};

/** Starting a formation records its trigger (art. 20 for a first committee, art. 33 for a re-election). */
export const startFormationBodySchema = z.strictObject(stepCommon);

export const stepBodySchema = z.discriminatedUnion('step', [
  z.strictObject({
    step: z.literal('preparatory_group'),
    ...stepCommon,
    /** Art. 21: seven or more, odd; owners (on the register) not below half. */
    members: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1).max(50),
          ownerId: idSchema.nullable().optional(),
          affiliation: z.enum(AFFILIATIONS),
        }),
      )
      .min(1)
      .max(51),
  }),
  z.strictObject({
    step: z.literal('nomination'),
    ...stepCommon,
    /** Candidates are owners of the compound (art. 30); party members are recognised from records. */
    candidates: z
      .array(z.strictObject({ ownerId: idSchema }))
      .min(1)
      .max(51),
  }),
  z.strictObject({
    step: z.literal('joint_review'),
    ...stepCommon,
    /** The bodies that reviewed: the community, the street and departments (联审). */
    reviewers: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
    reviews: z
      .array(
        z.strictObject({
          candidateId: idSchema,
          decision: z.enum(['approved', 'rejected']),
          note: z.string().trim().min(1).max(500).nullable().optional(),
        }),
      )
      .min(1)
      .max(51),
  }),
  z.strictObject({
    step: z.literal('vote'),
    ...stepCommon,
    /** The owners' meeting vote (art. 278(1) item (3)), closed and passed. */
    voteId: idSchema,
    /** The approved candidates elected; all approved ones when absent. */
    elected: z.array(idSchema).min(1).max(51).optional(),
  }),
  z.strictObject({
    step: z.literal('filing'),
    ...stepCommon,
    /** 物业主管部门 and the street office (art. 31). */
    authority: z.string().trim().min(1).max(100),
    chairId: idSchema,
    viceChairIds: z.array(idSchema).min(1).max(10),
    /** The term; it starts on the election day when absent and runs at most five years (art. 30). */
    termStart: isoDateSchema.optional(),
    termEnd: isoDateSchema,
  }),
]);

export const abandonBodySchema = z.strictObject({
  on: isoDateSchema.optional(),
  reason: z.string().trim().min(1).max(500),
});

export const formationListQuerySchema = z.strictObject({
  area: areaCodeSchema.optional(),
  status: z.enum(FORMATION_STATUSES).optional(),
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const formationPersonSchema = z.object({
  id: z.string(),
  role: z.enum(['preparatory_member', 'candidate']),
  name: z.string(),
  ownerId: z.string().nullable(),
  isOwner: z.boolean(),
  partyMember: z.boolean(),
  reviewStatus: z.enum(['pending', 'approved', 'rejected']).nullable(),
  reviewNote: z.string().nullable(),
  elected: z.boolean(),
});

export const formationStepViewSchema = z.object({
  step: formationStepSchema,
  completedOn: z.string(),
  approverName: z.string(),
  /** The account that recorded the approval. */
  recordedBy: z.string().nullable(),
  documents: z.array(z.object({ title: z.string(), reference: z.string().nullable() })),
  details: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
});

export const formationViewSchema = z.object({
  id: z.string(),
  compoundCode: z.string(),
  compoundName: z.string(),
  path: z.string(),
  kind: z.enum(FORMATION_KINDS),
  status: z.enum(FORMATION_STATUSES),
  currentStep: formationStepSchema,
  startedOn: z.string(),
  steps: z.array(formationStepViewSchema),
  people: z.array(formationPersonSchema),
  /** Deadlines of the regulation from the steps so far (arts. 21, 22, 31); null until they apply. */
  deadlines: z.object({
    preparatoryGroupBy: z.string().nullable(),
    meetingBy: z.string().nullable(),
    filingBy: z.string().nullable(),
  }),
  /** Policy figure: candidates' party-member share against the 60% target; never blocks. */
  candidatePartyShare: z.object({
    members: z.number().int(),
    partyMembers: z.number().int(),
    percent: z.string().nullable(),
    meetsTarget: z.boolean(),
    target: z.literal('60%'),
  }),
  committeeId: z.string().nullable(),
  updatedAt: z.string(),
});
