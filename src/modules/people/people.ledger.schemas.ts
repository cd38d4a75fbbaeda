import { z } from 'zod';
import { LEDGER_KINDS } from './people.import.columns';
import { areaCodeSchema, residentListQuerySchema } from './people.schemas';
import { talentFilterFields } from './people.talents.schemas';

// The API contract of the Excel ledgers: import previews and results, and export filters.

const message = z.object({ zh: z.string(), en: z.string() });

export const ledgerKindParamsSchema = z.strictObject({ kind: z.enum(LEDGER_KINDS) });

// A dry run reports and writes nothing; without it the import is written when every row passes.
export const ledgerImportQuerySchema = z.strictObject({
  dryRun: z.enum(['true', 'false']).default('false'),
  /** Every row must lie below this place (and in the caller's scope); the caller's scope when absent. */
  areaCode: areaCodeSchema.optional(),
});

export const ledgerImportResultSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  kind: z.enum(LEDGER_KINDS),
  total: z.number(),
  valid: z.number(),
  /** Every problem of every row: the Excel row number, the Chinese column header, why. */
  problems: z.array(z.object({ row: z.number(), field: z.string(), reason: z.string(), message })),
  created: z.object({ residents: z.number(), partyMembers: z.number(), talents: z.number() }),
  auditSeq: z.number().nullable(),
});

const unmask = {
  /** Full ID numbers and phones: only with people.unmask over the whole exported area; audited. */
  unmask: z.stringbool().default(false),
};

/** The resident list's filters, without paging: an export holds every row that matches. */
export const residentExportQuerySchema = residentListQuerySchema
  .omit({ after: true, limit: true })
  .extend(unmask);

export const talentExportQuerySchema = z.strictObject({ ...talentFilterFields, ...unmask });
