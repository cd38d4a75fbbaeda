import type {
  TALENT_AVAILABILITY,
  TALENT_CATEGORIES,
  TALENT_SKILLS,
  TALENT_WILLINGNESS,
} from '../../../../src/modules/people/people.table';

// The talent ledger's filters as the page keeps them in its URL (so a filtered ledger can be
// bookmarked or sent), and as the list, stats and export requests take them.

export type TalentFilters = {
  areaCode?: string | undefined;
  category?: (typeof TALENT_CATEGORIES)[number] | undefined;
  skill?: (typeof TALENT_SKILLS)[number] | undefined;
  willingness?: (typeof TALENT_WILLINGNESS)[number] | undefined;
  availability?: (typeof TALENT_AVAILABILITY)[number] | undefined;
  name?: string | undefined;
};

const KEYS = ['areaCode', 'category', 'skill', 'willingness', 'availability', 'name'] as const;

/** The filters a URL names; empty values are no filter. Codes are passed through: the server checks them. */
export function parseTalentFilters(params: URLSearchParams): TalentFilters {
  const filters: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters as TalentFilters;
}

/** The filters as URL search parameters, in a fixed order, leaving out the empty ones. */
export function talentFilterParams(filters: TalentFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** The filters as a request query (no empty values). */
export function talentQuery(filters: TalentFilters): Record<string, string> {
  return Object.fromEntries(talentFilterParams(filters));
}
