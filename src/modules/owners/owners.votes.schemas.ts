import { z } from 'zod';
import { BALLOT_CHANNELS, BALLOT_CHOICES, VOTE_STATUSES } from './owners.table';
import { PAPER_ENTRY_STATUSES } from './owners.votes.table';

// The API contract of owners' meeting votes (Civil Code art. 278): requests as strict objects,
// one response schema per shape. The web imports the inferred types from here.

export const compoundCodeSchema = z.string().regex(/^\d{2,32}$/, 'an area code of 2–32 digits');
export const voteIdSchema = z.string().min(1).max(64);
/** Civil Code art. 278(1) items (1)–(9). */
export const matterItemSchema = z.number().int().min(1).max(9);
export const choiceSchema = z.enum(BALLOT_CHOICES);
const instantSchema = z.iso.datetime({ offset: true });
const bilingualSchema = z.object({ zh: z.string(), en: z.string() });
/** A voting or receipt code as typed: dashes and spaces allowed. */
export const codeSchema = z.string().trim().min(12).max(32);
/** An elector as art. 9 counts them: 'developer' or the JSON array of their owner ids. */
export const voterKeySchema = z.string().min(1).max(2000);

export const VOTE_ACTIONS = ['edit', 'open', 'issue_codes', 'close', 'cancel'] as const;

/** An exact fraction (num/den as decimal strings of bigints) and the percentage to show. */
export const ratioSchema = z.object({ num: z.string(), den: z.string(), percent: z.string() });
const countSchema = z.object({ area: z.string(), headcount: z.number().int() });

export const tallySchema = z.object({
  item: z.number().int(),
  threshold: z.enum(['more_than_half', 'at_least_three_quarters']),
  electorate: z.object({ totalArea: z.string(), totalHeadcount: z.number().int() }),
  participation: z.object({
    area: z.string(),
    headcount: z.number().int(),
    areaRatio: ratioSchema,
    headcountRatio: ratioSchema,
  }),
  approval: z.object({
    areaFor: z.string(),
    headcountFor: z.number().int(),
    areaRatio: ratioSchema,
    headcountRatio: ratioSchema,
  }),
  counts: z.object({ for: countSchema, against: countSchema, abstain: countSchema }),
  quorumMet: z.boolean(),
  passed: z.boolean(),
  reasons: z.array(z.string()),
  explanation: bilingualSchema,
});

export const electorateSchema = z.object({ totalArea: z.string(), totalHeadcount: z.number().int() });

export const voteViewSchema = z.object({
  id: z.string(),
  compoundCode: z.string(),
  compoundName: z.string().nullable(),
  path: z.string(),
  item: z.number().int(),
  /** The item's wording in art. 278(1). */
  itemText: bilingualSchema,
  threshold: z.enum(['more_than_half', 'at_least_three_quarters']),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(VOTE_STATUSES),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  electorate: electorateSchema.nullable(),
  ballots: z.number().int(),
  pendingPaperEntries: z.number().int(),
  codesIssued: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do next, for the console's buttons. */
  actions: z.array(z.enum(VOTE_ACTIONS)),
});

export const voteListQuerySchema = z.strictObject({
  compound: compoundCodeSchema.optional(),
  status: z.enum(VOTE_STATUSES).optional(),
  /** Cursor: the id of the last vote of the previous page. */
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const voteFields = {
  item: matterItemSchema,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable().optional(),
  opensAt: instantSchema.nullable().optional(),
  closesAt: instantSchema.nullable().optional(),
};

export const createVoteBodySchema = z.strictObject({ compoundCode: compoundCodeSchema, ...voteFields });
export const updateVoteBodySchema = z.strictObject({
  item: voteFields.item.optional(),
  title: voteFields.title.optional(),
  description: voteFields.description,
  opensAt: voteFields.opensAt,
  closesAt: voteFields.closesAt,
});
export const voteParamsSchema = z.strictObject({ id: voteIdSchema });
export const closeVoteBodySchema = z.strictObject({
  /** Required when closing before `closesAt`: why the voting period is cut short. */
  reason: z.string().trim().min(1).max(500).optional(),
});
export const cancelVoteBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() });

export const turnoutSchema = z.object({
  area: z.string(),
  headcount: z.number().int(),
  areaRatio: ratioSchema,
  headcountRatio: ratioSchema,
  quorumReached: z.object({ area: z.boolean(), headcount: z.boolean() }),
  byChannel: z.object({ online: z.number().int(), paper: z.number().int() }),
});

export const voteTallySchema = z.object({
  voteId: z.string(),
  status: z.enum(VOTE_STATUSES),
  /** False while the vote is open: only participation is shown, never how people voted. */
  final: z.boolean(),
  electorate: electorateSchema.nullable(),
  turnout: turnoutSchema.nullable(),
  pendingPaperEntries: z.number().int(),
  tally: tallySchema.nullable(),
  closedAt: z.string().nullable(),
  closedEarlyReason: z.string().nullable(),
  computedAt: z.string(),
});

export const electorViewSchema = z.object({
  voterKey: z.string(),
  label: z.string(),
  area: z.string(),
  codeIssued: z.boolean(),
  voted: z.boolean(),
  channel: z.enum(BALLOT_CHANNELS).nullable(),
  pendingPaperEntry: z.boolean(),
});
export const electorListSchema = z.object({ items: z.array(electorViewSchema) });

export const issuedCodeSchema = z.object({
  voterKey: z.string(),
  label: z.string(),
  area: z.string(),
  code: z.string(),
});
export const codesQuerySchema = z.strictObject({ format: z.enum(['json', 'xlsx']).default('json') });
export const issuedCodesSchema = z.object({ voteId: z.string(), codes: z.array(issuedCodeSchema) });
export const reissueCodeBodySchema = z.strictObject({ voterKey: voterKeySchema });

export const paperEntryViewSchema = z.object({
  id: z.string(),
  voterKey: z.string(),
  label: z.string(),
  area: z.string(),
  status: z.enum(PAPER_ENTRY_STATUSES),
  enteredBy: z.string(),
  enteredByName: z.string().nullable(),
  enteredAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const paperEntryListSchema = z.object({ items: z.array(paperEntryViewSchema) });
export const paperEntryBodySchema = z.strictObject({ voterKey: voterKeySchema, choice: choiceSchema });
export const paperEntryParamsSchema = z.strictObject({ id: voteIdSchema, entryId: voteIdSchema });
/** The confirming officer reads the paper ballot again: their choice must match the entry's. */
export const confirmEntryBodySchema = z.strictObject({ choice: choiceSchema });

export const receiptSchema = z.object({
  /** Shown once: only its hash is kept. */
  receiptCode: z.string(),
  publicId: z.string(),
  choice: choiceSchema,
  area: z.string(),
  castAt: z.string(),
});
export const confirmedEntrySchema = z.object({ entry: paperEntryViewSchema, receipt: receiptSchema });

// Public (no sign-in): the owner's ballot page, receipts and the published result.

export const publicVoteHeadSchema = z.object({
  id: z.string(),
  compoundName: z.string().nullable(),
  item: z.number().int(),
  itemText: bilingualSchema,
  threshold: z.enum(['more_than_half', 'at_least_three_quarters']),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(VOTE_STATUSES),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
});
export const codeBodySchema = z.strictObject({ code: codeSchema });
export const ballotAccessSchema = z.object({
  vote: publicVoteHeadSchema,
  elector: z.object({ label: z.string(), area: z.string() }),
});
export const castBallotBodySchema = z.strictObject({ code: codeSchema, choice: choiceSchema });
export const receiptParamsSchema = z.strictObject({ id: voteIdSchema, code: codeSchema });
export const receiptCheckSchema = z.object({
  counted: z.literal(true),
  voteId: z.string(),
  voteStatus: z.enum(VOTE_STATUSES),
  publicId: z.string(),
  choice: choiceSchema,
  area: z.string(),
  channel: z.enum(BALLOT_CHANNELS),
  castAt: z.string(),
});
export const publishedBallotSchema = z.object({
  publicId: z.string(),
  area: z.string(),
  choice: choiceSchema,
});
export const publicVoteSchema = publicVoteHeadSchema.extend({
  electorate: electorateSchema.nullable(),
  /** After close only: every ballot without its voter, sorted by public id. */
  ballots: z.array(publishedBallotSchema).nullable(),
  tally: tallySchema.nullable(),
  closedAt: z.string().nullable(),
});
