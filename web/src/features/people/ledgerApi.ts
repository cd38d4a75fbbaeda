import type { z } from 'zod';
import type { LedgerKind } from '../../../../src/modules/people/people.import.columns';
import type { ledgerImportResultSchema } from '../../../../src/modules/people/people.ledger.schemas';
import type {
  talentListSchema,
  talentStatsSchema,
  talentViewSchema,
} from '../../../../src/modules/people/people.talents.schemas';
import { ApiError, apiFetch, apiPostRaw, buildUrl } from '../../api/client';
import { type TalentFilters, talentQuery } from './ledgerQuery';

export type { LedgerKind };
export type Talent = z.infer<typeof talentViewSchema>;
export type TalentPage = z.infer<typeof talentListSchema>;
export type TalentStats = z.infer<typeof talentStatsSchema>;
export type LedgerImportResult = z.infer<typeof ledgerImportResultSchema>;
export type LedgerProblem = LedgerImportResult['problems'][number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE = '/api/v1/people';
const PAGE_SIZE = 50;

export const ledgerKeys = {
  talents: (filters: TalentFilters) => ['people', 'talents', filters] as const,
  talentStats: (area: string | undefined) => ['people', 'talent-stats', area ?? null] as const,
};

export async function fetchTalents(input: {
  filters: TalentFilters;
  after: string | null;
  signal?: AbortSignal;
}): Promise<TalentPage> {
  return apiFetch(`${BASE}/talents`, {
    query: { ...talentQuery(input.filters), after: input.after ?? undefined, limit: PAGE_SIZE },
    signal: input.signal,
  });
}

export async function fetchTalentStats(area: string | undefined, signal?: AbortSignal): Promise<TalentStats> {
  return apiFetch(`${BASE}/talents/stats`, { query: { area }, signal });
}

/** Where the browser downloads a ledger's blank template (the session cookie goes with it). */
export const templateUrl = (kind: LedgerKind) => `${BASE}/imports/${kind}/template.xlsx`;

/** Where the browser downloads the filtered talent ledger (masked numbers). */
export const talentExportUrl = (filters: TalentFilters) =>
  buildUrl(`${BASE}/exports/talents.xlsx`, talentQuery(filters));

/** Sends a filled ledger as the raw request body (an .xlsx file). */
export function uploadLedger(input: {
  kind: LedgerKind;
  file: Blob;
  dryRun: boolean;
  csrfToken: string;
}): Promise<LedgerImportResult> {
  return apiPostRaw<LedgerImportResult>(`${BASE}/imports/${input.kind}?dryRun=${input.dryRun}`, {
    headers: { 'content-type': XLSX_TYPE },
    body: input.file,
    csrfToken: input.csrfToken,
  });
}

/** The row problems a refused import carries (400 people.import_invalid), to show like a preview's. */
export function importProblems(error: unknown): LedgerProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'people.import_invalid') return [];
  return error.errors as unknown as LedgerProblem[];
}
