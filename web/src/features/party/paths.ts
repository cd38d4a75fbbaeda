/** Where the party pages live, so that links, routes and tests agree on them. */
export const PARTY_PAGES = ['tree', 'checklist', 'reach', 'transfers'] as const;
export type PartyPageKey = (typeof PARTY_PAGES)[number];

const BASE: Record<PartyPageKey, string> = {
  tree: '/party',
  checklist: '/party/checklist',
  reach: '/party/reach',
  transfers: '/party/transfers',
};

/** A party page, keeping the chosen place (`?area=`) when there is one. */
export function partyPath(
  page: PartyPageKey,
  area?: string | null,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams({ ...(area ? { area } : {}), ...extra });
  const query = params.toString();
  return query ? `${BASE[page]}?${query}` : BASE[page];
}

export function partyPageOf(pathname: string): PartyPageKey {
  return PARTY_PAGES.find((p) => p !== 'tree' && pathname.startsWith(BASE[p])) ?? 'tree';
}
