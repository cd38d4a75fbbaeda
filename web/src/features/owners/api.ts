import type { z } from 'zod';
import type {
  disclosureBodySchema,
  disclosureListSchema,
  publicCompoundSchema,
} from '../../../../src/modules/owners/owners.disclosures.schemas';
import type {
  formationViewSchema,
  startFormationBodySchema,
  stepBodySchema,
} from '../../../../src/modules/owners/owners.formations.schemas';
import type {
  importResultSchema,
  ownerViewSchema,
  registerSummarySchema,
  unitViewSchema,
} from '../../../../src/modules/owners/owners.register.schemas';
import type {
  committeeStatsSchema,
  compoundDetailSchema,
  compoundSummarySchema,
} from '../../../../src/modules/owners/owners.schemas';
import type {
  missingCommitteesSchema,
  reelectionsDueSchema,
} from '../../../../src/modules/owners/owners.watch.schemas';
import { ApiError, apiFetch, apiPostRaw, buildUrl } from '../../api/client';

export type CompoundSummary = z.infer<typeof compoundSummarySchema>;
export type CompoundState = CompoundSummary['state'];
export type CompoundDetail = z.infer<typeof compoundDetailSchema>;
export type CommitteeView = NonNullable<CompoundDetail['current']>;
export type CommitteeStats = z.infer<typeof committeeStatsSchema>;
export type Formation = z.infer<typeof formationViewSchema>;
export type FormationStep = Formation['currentStep'];
export type StepBody = z.input<typeof stepBodySchema>;
export type StartBody = z.input<typeof startFormationBodySchema>;
export type MissingCommittees = z.infer<typeof missingCommitteesSchema>;
export type ReelectionsDue = z.infer<typeof reelectionsDueSchema>;
export type DisclosureList = z.infer<typeof disclosureListSchema>;
export type DisclosureInput = z.input<typeof disclosureBodySchema>;
export type PublicCompound = z.infer<typeof publicCompoundSchema>;
export type RegisterSummary = z.infer<typeof registerSummarySchema>;
export type Unit = z.infer<typeof unitViewSchema>;
export type Owner = z.infer<typeof ownerViewSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportProblem = ImportResult['problems'][number];
export type Page<T> = { items: T[]; nextCursor: string | null };

const BASE = '/api/v1/owners';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const enc = encodeURIComponent;

export const ownersKeys = {
  all: ['owners'] as const,
  compounds: (area: string, state: string) => ['owners', 'compounds', area, state] as const,
  stats: (area: string) => ['owners', 'stats', area] as const,
  compound: (code: string) => ['owners', 'compound', code] as const,
  formations: (area: string) => ['owners', 'formations', area] as const,
  missing: (area: string) => ['owners', 'missing', area] as const,
  reelections: (area: string) => ['owners', 'reelections', area] as const,
  disclosures: (code: string) => ['owners', 'disclosures', code] as const,
  register: (code: string) => ['owners', 'register', code] as const,
  units: (code: string) => ['owners', 'units', code] as const,
  owners: (code: string) => ['owners', 'owners', code] as const,
  publicCompound: (code: string) => ['public', 'compound', code] as const,
};

export function fetchCompounds(input: {
  area: string;
  state?: string;
  after: string | null;
  signal?: AbortSignal;
}) {
  return apiFetch<Page<CompoundSummary>>(`${BASE}/compounds`, {
    query: { area: input.area, state: input.state || undefined, after: input.after ?? undefined, limit: 100 },
    signal: input.signal,
  });
}

export const fetchStats = (area: string, signal?: AbortSignal) =>
  apiFetch<CommitteeStats>(`${BASE}/stats`, { query: { area }, signal });

export const fetchCompound = (code: string, signal?: AbortSignal) =>
  apiFetch<CompoundDetail>(`${BASE}/compounds/${enc(code)}`, { signal });

export const fetchFormations = (area: string, signal?: AbortSignal) =>
  apiFetch<Page<Formation>>(`${BASE}/formations`, { query: { area, limit: 500 }, signal });

export const startFormation = (code: string, body: StartBody) =>
  apiFetch<Formation>(`${BASE}/compounds/${enc(code)}/formations`, { method: 'POST', body });

export const recordStep = (id: string, body: StepBody) =>
  apiFetch<Formation>(`${BASE}/formations/${enc(id)}/steps`, { method: 'POST', body });

export const abandonFormation = (id: string, reason: string) =>
  apiFetch<Formation>(`${BASE}/formations/${enc(id)}/abandon`, { method: 'POST', body: { reason } });

export const fetchMissing = (area: string, signal?: AbortSignal) =>
  apiFetch<MissingCommittees>(`${BASE}/watch-lists/missing-committees`, { query: { area }, signal });

export const fetchReelections = (area: string, signal?: AbortSignal) =>
  apiFetch<ReelectionsDue>(`${BASE}/watch-lists/reelections`, { query: { area }, signal });

/** Where the browser downloads a watch list as Excel (the session cookie goes with it). */
export const watchExportUrl = (list: 'missing-committees' | 'reelections', area: string) =>
  buildUrl(`${BASE}/watch-lists/${list}.xlsx`, { area });

export const fetchDisclosures = (code: string, signal?: AbortSignal) =>
  apiFetch<DisclosureList>(`${BASE}/compounds/${enc(code)}/disclosures`, { signal });

export const publishDisclosure = (code: string, body: DisclosureInput) =>
  apiFetch<DisclosureList>(`${BASE}/compounds/${enc(code)}/disclosures`, { method: 'POST', body });

export const fetchRegister = (code: string, signal?: AbortSignal) =>
  apiFetch<RegisterSummary>(`${BASE}/compounds/${enc(code)}/register`, { signal });

export const fetchUnits = (code: string, after: string | null, signal?: AbortSignal) =>
  apiFetch<Page<Unit>>(`${BASE}/compounds/${enc(code)}/units`, {
    query: { after: after ?? undefined, limit: 200 },
    signal,
  });

export const fetchOwners = (code: string, after: string | null, signal?: AbortSignal) =>
  apiFetch<Page<Owner>>(`${BASE}/compounds/${enc(code)}/owners`, {
    query: { after: after ?? undefined, limit: 200 },
    signal,
  });

export const fetchPublicCompound = (code: string, signal?: AbortSignal) =>
  apiFetch<PublicCompound>(`/api/v1/public/compounds/${enc(code)}`, { signal });

export const registerTemplateUrl = `${BASE}/imports/register-template.xlsx`;

/** Sends a filled register as the raw request body (an .xlsx file). */
export function uploadRegister(input: { code: string; file: Blob; dryRun: boolean; csrfToken: string }) {
  return apiPostRaw<ImportResult>(
    `${BASE}/compounds/${enc(input.code)}/imports/register?dryRun=${input.dryRun}`,
    { headers: { 'content-type': XLSX_TYPE }, body: input.file, csrfToken: input.csrfToken },
  );
}

/** The row problems a refused commit carries (400 owners.import_invalid), to show like a preview's. */
export function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'owners.import_invalid') return [];
  return error.errors as unknown as ImportProblem[];
}
