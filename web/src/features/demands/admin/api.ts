import type { z } from 'zod';
import type {
  CalendarDayBody,
  CalendarDayView,
  CalendarYear,
} from '../../../../../src/modules/demands/demands.calendar.schemas';
import type {
  CategoryDetail,
  CategoryVersionView,
  createCategoryBodySchema,
  PatchCategoryBody,
  versionTermsSchema,
} from '../../../../../src/modules/demands/demands.catalogue.schemas';
import type {
  demandSettingsSchema,
  SettingsPatch,
} from '../../../../../src/modules/demands/demands.config.schemas';
import type { CategoryAttribute, CategoryView } from '../../../../../src/modules/demands/demands.schemas';
import type {
  HandlingUnitKind,
  LimitUnit,
  ResponsibleKind,
} from '../../../../../src/modules/demands/demands.table';
import type {
  createUnitBodySchema,
  PatchUnitBody,
  UnitView,
} from '../../../../../src/modules/demands/demands.units.schemas';
import { apiFetch } from '../../../api/client';

// Typed fetchers of the demands admin API: catalogue, working calendar, settings, handling units.

export type {
  CalendarDayBody,
  CalendarDayView,
  CalendarYear,
  CategoryAttribute,
  CategoryDetail,
  CategoryVersionView,
  CategoryView,
  HandlingUnitKind,
  LimitUnit,
  PatchCategoryBody,
  PatchUnitBody,
  ResponsibleKind,
  SettingsPatch,
  UnitView,
};
export type CreateCategoryInput = z.input<typeof createCategoryBodySchema>;
export type VersionTermsInput = z.input<typeof versionTermsSchema>;
export type DemandSettings = z.infer<typeof demandSettingsSchema>;
export type CreateUnitInput = z.input<typeof createUnitBodySchema>;

const BASE = '/api/v1/demands';
const enc = encodeURIComponent;

export const adminKeys = {
  categories: ['demands', 'categories', 'admin'] as const,
  category: (code: string) => ['demands', 'categories', 'admin', code] as const,
  calendar: (year: number) => ['demands', 'calendar', year] as const,
  settings: ['demands', 'settings'] as const,
  units: (kind: string) => ['demands', 'units', 'admin', kind] as const,
};

export const fetchAllCategories = (signal?: AbortSignal) =>
  apiFetch<{ items: CategoryView[] }>(`${BASE}/categories`, { query: { all: 'true' }, signal }).then(
    (r) => r.items,
  );

export const fetchCategory = (code: string, signal?: AbortSignal) =>
  apiFetch<CategoryDetail>(`${BASE}/categories/${enc(code)}`, { signal });

export const createCategory = (body: CreateCategoryInput) =>
  apiFetch<CategoryDetail>(`${BASE}/categories`, { method: 'POST', body });

export const patchCategory = (code: string, body: PatchCategoryBody) =>
  apiFetch<CategoryDetail>(`${BASE}/categories/${enc(code)}`, { method: 'PATCH', body });

export const addCategoryVersion = (code: string, body: VersionTermsInput) =>
  apiFetch<CategoryDetail>(`${BASE}/categories/${enc(code)}/versions`, { method: 'POST', body });

export const fetchCalendar = (year: number, signal?: AbortSignal) =>
  apiFetch<CalendarYear>(`${BASE}/calendar`, { query: { year }, signal });

export const setCalendarDay = (date: string, body: CalendarDayBody) =>
  apiFetch<CalendarDayView>(`${BASE}/calendar/days/${enc(date)}`, { method: 'PUT', body });

export const clearCalendarDay = (date: string) =>
  apiFetch<void>(`${BASE}/calendar/days/${enc(date)}`, { method: 'DELETE' });

export const fetchSettings = (signal?: AbortSignal) =>
  apiFetch<DemandSettings>(`${BASE}/settings`, { signal });

export const updateSettings = (patch: SettingsPatch) =>
  apiFetch<DemandSettings>(`${BASE}/settings`, { method: 'PUT', body: patch });

export const fetchUnits = (kind: HandlingUnitKind | undefined, signal?: AbortSignal) =>
  apiFetch<{ items: UnitView[] }>(`${BASE}/units`, { query: { kind }, signal }).then((r) => r.items);

export const createUnit = (body: CreateUnitInput) =>
  apiFetch<UnitView>(`${BASE}/units`, { method: 'POST', body });

export const patchUnit = (id: string, body: PatchUnitBody) =>
  apiFetch<UnitView>(`${BASE}/units/${enc(id)}`, { method: 'PATCH', body });

export const setUnitPlaces = (id: string, areaCodes: string[]) =>
  apiFetch<UnitView>(`${BASE}/units/${enc(id)}/places`, { method: 'PUT', body: { areaCodes } });
