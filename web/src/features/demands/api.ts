import type { z } from 'zod';
import type {
  attachmentSchema,
  CategoryView,
  CreateDemandBody,
  createDemandBodySchema,
  DemandActionBody,
  DemandDetail,
  DemandEvent,
  DemandListItem,
  DemandListQuery,
  duplicateCandidateSchema,
  ResponsibleOptions,
  storedFileSchema,
  whistleSchema,
} from '../../../../src/modules/demands/demands.schemas';
import type {
  DemandChannel,
  DemandStatus,
  HandlingUnitKind,
  LimitUnit,
  Rating,
  ResponsibleKind,
} from '../../../../src/modules/demands/demands.table';
import type { unitViewSchema } from '../../../../src/modules/demands/demands.units.schemas';
import type { DemandAction } from '../../../../src/modules/demands/demands.workflow';
import { apiFetch, apiPostRaw, buildUrl } from '../../api/client';

// Typed fetchers of the demands API (接诉即办), shared by the console and the mobile pages.
// Same cookie, CSRF header and problem+json errors as every other call (web/src/api/client.ts).

export type {
  CategoryView,
  CreateDemandBody,
  DemandAction,
  DemandActionBody,
  DemandChannel,
  DemandDetail,
  DemandEvent,
  DemandListItem,
  DemandStatus,
  LimitUnit,
  Rating,
  ResponsibleKind,
  ResponsibleOptions,
};
/** What the intake form sends (defaults such as `anonymous` may be left out). */
export type CreateDemandInput = z.input<typeof createDemandBodySchema>;
/** What an action sends (`photos` may be left out). */
export type DemandActionInput = Omit<DemandActionBody, 'photos'> & { photos?: string[] };
/** The list filters; `limit` may be left out (the server defaults it to 50). */
export type DemandListFilters = Omit<DemandListQuery, 'limit' | 'cursor'> & { limit?: number };
export type DemandList = { items: DemandListItem[]; nextCursor: string | null; total: number };
export type Attachment = z.infer<typeof attachmentSchema>;
export type StoredFile = z.infer<typeof storedFileSchema>;
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
export type Whistle = z.infer<typeof whistleSchema>;
export type FiledDemand = { id: string; number: string; status: DemandStatus };
/** A handling unit (承办单位) a street can whistle for. */
export type HandlingUnit = z.infer<typeof unitViewSchema>;
export type RevealedReporter = { name: string | null; phone: string | null };

const BASE = '/api/v1/demands';
const enc = encodeURIComponent;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const demandsKeys = {
  all: ['demands'] as const,
  list: (filters: DemandListFilters) => ['demands', 'list', filters] as const,
  detail: (id: string) => ['demands', 'detail', id] as const,
  responsibleOptions: (id: string) => ['demands', 'responsible-options', id] as const,
  categories: ['demands', 'categories'] as const,
  units: (kind: string) => ['demands', 'units', kind] as const,
  duplicates: (categoryCode: string, lng: number, lat: number) =>
    ['demands', 'duplicates', categoryCode, lng, lat] as const,
  whistles: ['demands', 'whistles', 'waiting'] as const,
};

/** A fresh Idempotency-Key: one per form submission, reused on a retry of the same submission. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * Files a demand (受理). `idempotencyKey` is made once per submission (`newIdempotencyKey`), so a
 * retried submit never makes two demands. `csrfToken` comes from the session (useSession).
 */
export function createDemand(body: CreateDemandInput, idempotencyKey: string, csrfToken: string | undefined) {
  return apiPostRaw<FiledDemand>(BASE, {
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
    csrfToken,
  });
}

/** Uploads one photo as the raw request body; the answer's sha256 goes into `photos`. */
export function uploadDemandPhoto(file: Blob, csrfToken: string | undefined) {
  const type = (PHOTO_TYPES as readonly string[]).includes(file.type) ? file.type : 'image/jpeg';
  return apiPostRaw<StoredFile>(`${BASE}/files`, {
    headers: { 'content-type': type },
    body: file,
    csrfToken,
  });
}

/** Where the browser loads a stored photo (same auth as the demand). */
export const demandFileUrl = (sha256: string) => `${BASE}/files/${enc(sha256)}`;

export const fetchDuplicates = (
  input: { categoryCode: string; lng: number; lat: number },
  signal?: AbortSignal,
) =>
  apiFetch<DuplicateCandidate[] | { items: DuplicateCandidate[] }>(`${BASE}/duplicates`, {
    query: input,
    signal,
  }).then((answer) => (Array.isArray(answer) ? answer : (answer?.items ?? [])));

/** The list query string of the filters, leaving out empty values. */
export function listQuery(filters: DemandListFilters, cursor?: string | null) {
  return {
    areaCode: filters.areaCode,
    status: filters.status,
    categoryCode: filters.categoryCode,
    channel: filters.channel,
    due: filters.due,
    open: filters.open,
    responsibleKind: filters.responsibleKind,
    responsibleRef: filters.responsibleRef,
    mine: filters.mine,
    q: filters.q?.trim() || undefined,
    receivedFrom: filters.receivedFrom,
    receivedTo: filters.receivedTo,
    cursor: cursor ?? undefined,
    limit: filters.limit,
  };
}

export const fetchDemands = (filters: DemandListFilters, cursor?: string | null, signal?: AbortSignal) =>
  apiFetch<DemandList>(BASE, { query: listQuery(filters, cursor), signal });

/** Where the browser downloads the list with the same filters as Excel (the session cookie goes with it). */
export const demandsExportUrl = (filters: DemandListFilters) =>
  buildUrl(`${BASE}.xlsx`, { ...listQuery(filters), limit: undefined });

export const fetchDemand = (id: string, signal?: AbortSignal) =>
  apiFetch<DemandDetail>(`${BASE}/${enc(id)}`, { signal });

/** One handling step; answers with the demand as it is now. */
export const takeDemandAction = (id: string, body: DemandActionInput) =>
  apiFetch<DemandDetail>(`${BASE}/${enc(id)}/actions`, { method: 'POST', body: { photos: [], ...body } });

export const fetchResponsibleOptions = (id: string, signal?: AbortSignal) =>
  apiFetch<ResponsibleOptions>(`${BASE}/${enc(id)}/responsible-options`, { signal });

/** Unmasks the reporter for a stated reason (written to the audit log). */
export const revealReporter = (id: string, reason: string) =>
  apiFetch<RevealedReporter>(`${BASE}/${enc(id)}/reporter/reveal`, { method: 'POST', body: { reason } });

export const fetchCategories = (signal?: AbortSignal) =>
  apiFetch<CategoryView[] | { items: CategoryView[] }>(`${BASE}/categories`, { signal }).then((answer) =>
    Array.isArray(answer) ? answer : (answer?.items ?? []),
  );

export const fetchHandlingUnits = (kind?: HandlingUnitKind, signal?: AbortSignal) =>
  apiFetch<HandlingUnit[] | { items: HandlingUnit[] }>(`${BASE}/units`, { query: { kind }, signal }).then(
    (answer) => (Array.isArray(answer) ? answer : (answer?.items ?? [])),
  );
