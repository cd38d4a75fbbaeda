import type { CreateDemandInput } from '../api';
import {
  type AttributeAnswers,
  attributeAnswers,
  type CategoryAttribute,
  missingAttributes,
} from './attributes';
import type { Position } from './pickPointMap';

// The intake form on a phone (受理): what a resident (channel mobile) or a grid worker on patrol
// (channel patrol, a problem found or reported to them) fills in, what is still missing, and the
// body sent to POST /api/v1/demands.

export type IntakeDraft = {
  channel: 'mobile' | 'patrol';
  origin: 'resident' | 'found';
  categoryCode: string | null;
  description: string;
  /** SHA-256 of the uploaded photos, in the order chosen. */
  photos: string[];
  location: Position | null;
  address: string;
  anonymous: boolean;
  reporterName: string;
  reporterPhone: string;
  callbackConsent: boolean;
  /** Answers to the category's own questions. */
  attributes: AttributeAnswers;
};

export const DESCRIPTION_MAX = 2000;
export const ADDRESS_MAX = 300;

export function emptyDraft(channel: IntakeDraft['channel']): IntakeDraft {
  return {
    channel,
    origin: channel === 'patrol' ? 'found' : 'resident',
    categoryCode: null,
    description: '',
    photos: [],
    location: null,
    address: '',
    anonymous: false,
    reporterName: '',
    reporterPhone: '',
    callbackConsent: true,
    attributes: {},
  };
}

export type DraftProblem = 'category' | 'attributes' | 'description' | 'place' | 'phone' | 'reporterName';

/** A mainland mobile number (with or without +86) or a landline with its area code. */
export function isPhoneNumber(raw: string): boolean {
  const compact = raw.normalize('NFKC').replace(/[\s\-()]/g, '');
  return /^(\+?86)?1[3-9]\d{9}$/.test(compact) || /^0\d{9,11}$/.test(compact);
}

/** Whether the reporter is a resident, whose phone and consent matter for the callback (回访). */
export function hasReporter(draft: IntakeDraft): boolean {
  return draft.channel === 'mobile' || draft.origin === 'resident';
}

/** What stops the draft from being filed, in the order of the form; `defs` are the category's questions. */
export function draftProblems(draft: IntakeDraft, defs: readonly CategoryAttribute[] = []): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.categoryCode) problems.push('category');
  else if (missingAttributes(defs, draft.attributes).length > 0) problems.push('attributes');
  if (!draft.description.trim()) problems.push('description');
  if (!draft.location && !draft.address.trim()) problems.push('place');
  // A worker filing for a resident names them, unless the resident asked to stay anonymous.
  if (
    draft.channel === 'patrol' &&
    draft.origin === 'resident' &&
    !draft.anonymous &&
    !draft.reporterName.trim()
  )
    problems.push('reporterName');
  if (hasReporter(draft) && draft.reporterPhone.trim() && !isPhoneNumber(draft.reporterPhone))
    problems.push('phone');
  return problems;
}

/** Nearby open demands of the same category are looked up once a point and a category are set. */
export function duplicateQuery(
  draft: IntakeDraft,
): { categoryCode: string; lng: number; lat: number } | null {
  if (!draft.categoryCode || !draft.location) return null;
  return { categoryCode: draft.categoryCode, lng: draft.location[0], lat: draft.location[1] };
}

/** The body of POST /api/v1/demands. Empty texts are left out rather than sent blank. */
export function intakeBody(draft: IntakeDraft, defs: readonly CategoryAttribute[] = []): CreateDemandInput {
  const text = (value: string) => value.trim() || null;
  const reporter = hasReporter(draft);
  return {
    categoryCode: draft.categoryCode ?? '',
    description: draft.description.trim(),
    channel: draft.channel,
    origin: draft.channel === 'patrol' ? draft.origin : 'resident',
    location: draft.location ? { lng: draft.location[0], lat: draft.location[1] } : null,
    address: text(draft.address),
    reporterName: reporter && draft.channel === 'patrol' ? text(draft.reporterName) : null,
    reporterPhone: reporter ? text(draft.reporterPhone) : null,
    anonymous: reporter ? draft.anonymous : false,
    callbackConsent: reporter ? draft.callbackConsent : false,
    photos: draft.photos,
    attributes: attributeAnswers(defs, draft.attributes),
  };
}
