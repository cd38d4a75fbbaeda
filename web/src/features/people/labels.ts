import {
  GENDERS,
  PLACE_ROLES,
  RELATIONS_TO_HEAD,
  RESIDENCE_TYPES,
  RESIDENT_STATUSES,
} from '../../../../src/modules/people/people.table';

// The codes the server knows, in the order forms and filters offer them; their words are in i18n.
export const GENDER_OPTIONS = GENDERS;
export const RELATION_OPTIONS = RELATIONS_TO_HEAD;
export const RESIDENCE_OPTIONS = RESIDENCE_TYPES;
export const STATUS_OPTIONS = RESIDENT_STATUSES;
export const PLACE_ROLE_OPTIONS = PLACE_ROLES;

/** Where a household's page lives in the console. */
export const householdPath = (code: string) => `/people/households/${encodeURIComponent(code)}`;
