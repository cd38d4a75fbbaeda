import type { z } from 'zod';
import type {
  createResidentBodySchema,
  householdViewSchema,
  placeRoleViewSchema,
  residentDetailSchema,
  residentListSchema,
  residentMovesSchema,
  residentViewSchema,
  revealedNumbersSchema,
  updateResidentBodySchema,
} from '../../../../src/modules/people/people.schemas';
import { apiFetch } from '../../api/client';

export type Resident = z.infer<typeof residentViewSchema>;
export type ResidentListPage = z.infer<typeof residentListSchema>;
export type ResidentListItem = ResidentListPage['items'][number];
export type ResidentDetail = z.infer<typeof residentDetailSchema>;
export type Household = z.infer<typeof householdViewSchema>;
export type ResidentMove = z.infer<typeof residentMovesSchema>['items'][number];
export type PlaceRole = z.infer<typeof placeRoleViewSchema>;
export type RevealedNumbers = z.infer<typeof revealedNumbersSchema>;
export type CreateResidentBody = z.input<typeof createResidentBodySchema>;
export type UpdateResidentBody = z.input<typeof updateResidentBodySchema>;
export type Gender = Resident['gender'];
export type RelationToHead = Resident['relationToHead'];
export type ResidenceType = Resident['residenceType'];
export type ResidentStatus = Resident['status'];

/** What the list page filters by; `idNumber` and `phone` travel in a POST body, never in a URL. */
export type ResidentFilters = {
  areaCode?: string | undefined;
  name?: string | undefined;
  idNumber?: string | undefined;
  phone?: string | undefined;
  residenceType?: ResidenceType | undefined;
  status?: ResidentStatus | undefined;
};

/** A place in the area picker. */
export type AreaOption = {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  hasChildren: boolean;
};

const BASE = '/api/v1/people';

export const peopleKeys = {
  all: ['people'] as const,
  // The numbers are part of the key only as a flag: the cache key never holds a plaintext number.
  list: (filters: ResidentFilters, numberSearch: number) =>
    ['people', 'list', { ...filters, idNumber: undefined, phone: undefined }, numberSearch] as const,
  resident: (id: string) => ['people', 'resident', id] as const,
  household: (code: string) => ['people', 'household', code] as const,
  moves: (id: string) => ['people', 'moves', id] as const,
  areaRoots: ['people', 'area-roots'] as const,
  areaChildren: (code: string) => ['people', 'area-children', code] as const,
};

const PAGE_SIZE = 50;

export async function fetchResidents(input: {
  filters: ResidentFilters;
  after: string | null;
  signal?: AbortSignal;
}): Promise<ResidentListPage> {
  const { idNumber, phone, ...rest } = input.filters;
  const query = { ...rest, after: input.after ?? undefined, limit: PAGE_SIZE };
  if (idNumber || phone)
    return apiFetch(`${BASE}/residents/search`, {
      method: 'POST',
      body: { ...withoutEmpty(query), ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}) },
      signal: input.signal,
    });
  return apiFetch(`${BASE}/residents`, { query, signal: input.signal });
}

function withoutEmpty<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}

export function fetchResident(id: string, signal?: AbortSignal): Promise<ResidentDetail> {
  return apiFetch(`${BASE}/residents/${encodeURIComponent(id)}`, { signal });
}

export function fetchHousehold(code: string, signal?: AbortSignal): Promise<Household> {
  return apiFetch(`${BASE}/households/${encodeURIComponent(code)}`, { signal });
}

export function fetchMoves(id: string, signal?: AbortSignal): Promise<{ items: ResidentMove[] }> {
  return apiFetch(`${BASE}/residents/${encodeURIComponent(id)}/moves`, { signal });
}

export function createResident(body: CreateResidentBody): Promise<Resident> {
  return apiFetch(`${BASE}/residents`, { method: 'POST', body: withoutEmpty(body) });
}

export function updateResident(id: string, body: UpdateResidentBody): Promise<Resident> {
  return apiFetch(`${BASE}/residents/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

/** The full numbers, with the reason kept in the audit log; held in component state only, never cached. */
export function revealNumbers(id: string, reason: string): Promise<RevealedNumbers> {
  return apiFetch(`${BASE}/residents/${encodeURIComponent(id)}/reveal`, { method: 'POST', body: { reason } });
}

export function fetchAreaRoots(signal?: AbortSignal): Promise<{ roots: AreaOption[] }> {
  return apiFetch('/api/v1/areas/tree', { query: { depth: 1 }, signal });
}

export function fetchAreaChildren(code: string, signal?: AbortSignal): Promise<{ items: AreaOption[] }> {
  return apiFetch(`/api/v1/areas/nodes/${encodeURIComponent(code)}/children`, {
    query: { limit: 500 },
    signal,
  });
}
