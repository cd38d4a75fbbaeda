import type { CategoryView, CreateDemandInput } from '../api';

// The hotline intake form (/demands/new): the category tree it offers and the request it sends.

export type CategoryNode = {
  value: string;
  label: string;
  /** Leaf categories carry their limits; a parent may be filed under too when it has no children. */
  category: CategoryView;
  children?: CategoryNode[];
};

/**
 * The catalogue as a tree (大类 → 小类) in sort order, in the reader's language. `activeOnly` for
 * intake; the inbox filter also lists retired categories, under which old demands were filed.
 */
export function categoryTree(categories: readonly CategoryView[], language: string, activeOnly: boolean) {
  const en = language === 'en';
  const shown = categories.filter((c) => !activeOnly || c.active);
  const byParent = new Map<string | null, CategoryView[]>();
  const codes = new Set(shown.map((c) => c.code));
  for (const c of shown) {
    const parent = c.parentCode && codes.has(c.parentCode) ? c.parentCode : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  const build = (parent: string | null): CategoryNode[] =>
    (byParent.get(parent) ?? [])
      .slice()
      .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
      .map((category) => {
        const children = build(category.code);
        return {
          value: category.code,
          label: en ? category.name.en : category.name.zh,
          category,
          ...(children.length ? { children } : {}),
        };
      });
  return build(null);
}

/** The cascader path (codes from the top) of a category, for showing a chosen code. */
export function categoryPath(categories: readonly CategoryView[], code: string): string[] {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const path: string[] = [];
  let current = byCode.get(code);
  while (current && path.length < 10) {
    path.unshift(current.code);
    current = current.parentCode ? byCode.get(current.parentCode) : undefined;
  }
  return path;
}

export type IntakeValues = {
  /** The cascader's path; the last code is the category. */
  category?: string[] | undefined;
  description?: string | undefined;
  areaCode?: string | undefined;
  location?: { lng: number; lat: number } | null | undefined;
  address?: string | undefined;
  reporterName?: string | undefined;
  reporterPhone?: string | undefined;
  anonymous?: boolean | undefined;
  callbackConsent?: boolean | undefined;
  photos?: string[] | undefined;
  attributes?: Record<string, string | string[] | number | null | undefined> | undefined;
};

/** The form names at least one of the three ways to place a demand (area, point, address). */
export function placeGiven(values: IntakeValues): boolean {
  return Boolean(values.areaCode || values.location || values.address?.trim());
}

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The body of POST /api/v1/demands for a hotline call. */
export function buildIntakeBody(values: IntakeValues): CreateDemandInput {
  const attributes: Record<string, string | string[]> = {};
  for (const [code, answer] of Object.entries(values.attributes ?? {})) {
    if (answer === null || answer === undefined || answer === '') continue;
    if (Array.isArray(answer)) {
      if (answer.length) attributes[code] = answer;
    } else attributes[code] = String(answer);
  }
  return {
    categoryCode: values.category?.at(-1) ?? '',
    description: values.description?.trim() ?? '',
    channel: 'hotline',
    origin: 'resident',
    location: values.location ?? null,
    areaCode: values.areaCode || null,
    address: trimmed(values.address),
    reporterName: trimmed(values.reporterName),
    reporterPhone: trimmed(values.reporterPhone),
    anonymous: values.anonymous ?? false,
    callbackConsent: values.callbackConsent ?? true,
    photos: values.photos ?? [],
    attributes,
  };
}
