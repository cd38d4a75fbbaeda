import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addCategoryVersion,
  adminKeys,
  type CalendarDayBody,
  type CreateCategoryInput,
  type CreateUnitInput,
  clearCalendarDay,
  createCategory,
  createUnit,
  fetchAllCategories,
  fetchCalendar,
  fetchCategory,
  fetchSettings,
  fetchUnits,
  type HandlingUnitKind,
  type PatchCategoryBody,
  type PatchUnitBody,
  patchCategory,
  patchUnit,
  type SettingsPatch,
  setCalendarDay,
  setUnitPlaces,
  updateSettings,
  type VersionTermsInput,
} from './api';

// TanStack Query hooks of the admin pages. A change refreshes every demands query that may show it
// (the console's category list too), by the shared ['demands', …] prefix.

function useRefresh(prefix: readonly unknown[]) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: prefix });
}

export const useAllCategories = () =>
  useQuery({ queryKey: adminKeys.categories, queryFn: ({ signal }) => fetchAllCategories(signal) });

export const useCategory = (code: string | undefined) =>
  useQuery({
    queryKey: adminKeys.category(code ?? ''),
    queryFn: ({ signal }) => fetchCategory(code as string, signal),
    enabled: Boolean(code),
  });

export function useCreateCategory() {
  const refresh = useRefresh(['demands', 'categories']);
  return useMutation({ mutationFn: (body: CreateCategoryInput) => createCategory(body), onSuccess: refresh });
}

export function usePatchCategory() {
  const refresh = useRefresh(['demands', 'categories']);
  return useMutation({
    mutationFn: (input: { code: string; body: PatchCategoryBody }) => patchCategory(input.code, input.body),
    onSuccess: refresh,
  });
}

export function useAddCategoryVersion() {
  const refresh = useRefresh(['demands', 'categories']);
  return useMutation({
    mutationFn: (input: { code: string; body: VersionTermsInput }) =>
      addCategoryVersion(input.code, input.body),
    onSuccess: refresh,
  });
}

export const useCalendar = (year: number) =>
  useQuery({ queryKey: adminKeys.calendar(year), queryFn: ({ signal }) => fetchCalendar(year, signal) });

export function useSetCalendarDay() {
  const refresh = useRefresh(['demands', 'calendar']);
  return useMutation({
    mutationFn: (input: { date: string; body: CalendarDayBody }) => setCalendarDay(input.date, input.body),
    onSuccess: refresh,
  });
}

export function useClearCalendarDay() {
  const refresh = useRefresh(['demands', 'calendar']);
  return useMutation({ mutationFn: (date: string) => clearCalendarDay(date), onSuccess: refresh });
}

export const useSettings = () =>
  useQuery({ queryKey: adminKeys.settings, queryFn: ({ signal }) => fetchSettings(signal) });

export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => updateSettings(patch),
    onSuccess: (settings) => {
      client.setQueryData(adminKeys.settings, settings);
      void client.invalidateQueries({ queryKey: ['demands', 'calendar'] });
    },
  });
}

export const useUnits = (kind: HandlingUnitKind | undefined) =>
  useQuery({ queryKey: adminKeys.units(kind ?? ''), queryFn: ({ signal }) => fetchUnits(kind, signal) });

export function useCreateUnit() {
  const refresh = useRefresh(['demands', 'units']);
  return useMutation({ mutationFn: (body: CreateUnitInput) => createUnit(body), onSuccess: refresh });
}

export function usePatchUnit() {
  const refresh = useRefresh(['demands', 'units']);
  return useMutation({
    mutationFn: (input: { id: string; body: PatchUnitBody }) => patchUnit(input.id, input.body),
    onSuccess: refresh,
  });
}

export function useSetUnitPlaces() {
  const refresh = useRefresh(['demands', 'units']);
  return useMutation({
    mutationFn: (input: { id: string; areaCodes: string[] }) => setUnitPlaces(input.id, input.areaCodes),
    onSuccess: refresh,
  });
}
