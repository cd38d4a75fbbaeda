import { pickLocalized } from '../../../i18n/language';
import type { CategoryView } from '../api';

// The two-level category picker (大类 → 小类) of the intake form, from GET /api/v1/demands/categories.

export type CategoryOption = { label: string; value: string; children?: CategoryOption[] };

/**
 * Active categories as a two-level tree in catalogue order. A top-level category without
 * sub-categories is itself choosable; one with sub-categories offers only those.
 */
export function categoryOptions(categories: readonly CategoryView[], language: string): CategoryOption[] {
  const active = categories
    .filter((category) => category.active)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const codes = new Set(active.map((category) => category.code));
  const top = active.filter((category) => !category.parentCode || !codes.has(category.parentCode));
  return top.map((parent) => {
    const children = active
      .filter((category) => category.parentCode === parent.code)
      .map((child) => ({ label: pickLocalized(child.name, language), value: child.code }));
    const option: CategoryOption = { label: pickLocalized(parent.name, language), value: parent.code };
    return children.length > 0 ? { ...option, children } : option;
  });
}

/** "大类 / 小类" for the chosen code, or the code itself when the catalogue does not know it. */
export function categoryLabel(categories: readonly CategoryView[], code: string, language: string): string {
  const byCode = new Map(categories.map((category) => [category.code, category]));
  const chosen = byCode.get(code);
  if (!chosen) return code;
  const parent = chosen.parentCode ? byCode.get(chosen.parentCode) : undefined;
  const name = pickLocalized(chosen.name, language);
  return parent ? `${pickLocalized(parent.name, language)} / ${name}` : name;
}

/**
 * The chosen category from the picker's path of values: the last one chosen, and only when it has
 * no sub-categories to choose from (a 大类 with 小类 is not specific enough to route).
 */
export function chosenLeaf(
  options: readonly CategoryOption[],
  values: readonly (string | null)[],
): string | null {
  let level: readonly CategoryOption[] | undefined = options;
  let chosen: CategoryOption | undefined;
  for (const value of values) {
    if (typeof value !== 'string' || value.length === 0) break;
    chosen = level?.find((option) => option.value === value);
    if (!chosen) return null;
    level = chosen.children;
  }
  return chosen && !chosen.children?.length ? chosen.value : null;
}
