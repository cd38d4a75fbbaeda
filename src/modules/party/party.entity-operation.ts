// Whether a grid party branch runs as an entity (网格党支部实体化运行, CAPABILITIES §1.4): each
// active checklist item decided from the branch's records. Pure: facts in, verdicts out.

import { ORG_LIFE_KINDS } from './party.table';

export type OrgLifeKind = (typeof ORG_LIFE_KINDS)[number];

/** One checklist item with its parameters already checked (party.schemas.ts parses the stored JSON). */
export type ChecklistCriterion = { id: string; active: boolean } & (
  | { rule: 'secretary_in_post'; params: Record<string, never> }
  | { rule: 'min_members'; params: { minMembers: number } }
  | { rule: 'org_life_within_days'; params: { days: number; kinds?: OrgLifeKind[] | undefined } }
  | { rule: 'meeting_place'; params: Record<string, never> }
  | { rule: 'theme_party_day_within_days'; params: { days: number } }
);

export interface BranchFacts {
  /** The branch's secretary posts, past and present. `until` is the day the post ended (exclusive). */
  secretaryPosts: readonly { since: string; until: string | null }[];
  /** Active formal members (正式党员) whose organisational relation sits in the branch. */
  formalMembers: number;
  /** The latest day each kind of organisational life was held, by the branch or its building groups. */
  lastHeldOn: Partial<Record<OrgLifeKind, string>>;
  meetingPlace: string | null;
}

export type UnmetReason =
  | { code: 'no_secretary'; params: Record<string, never> }
  | { code: 'too_few_members'; params: { have: number; need: number } }
  | { code: 'no_recent_life'; params: { days: number; since: string; last: string | null } }
  | { code: 'no_meeting_place'; params: Record<string, never> };

export interface CriterionResult {
  itemId: string;
  rule: ChecklistCriterion['rule'];
  met: boolean;
  reason: UnmetReason | null;
}

const DAY_MS = 86_400_000;

/** The calendar day `days` days before `date` (both YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** In post on `today`: started on or before it and not yet ended (`until` is the first day out of post). */
export function inPostOn(post: { since: string; until: string | null }, today: string): boolean {
  return post.since <= today && (post.until === null || post.until > today);
}

/** The latest of the given kinds held on or before `today`; a meeting planned for later does not count yet. */
function lastHeld(facts: BranchFacts, kinds: readonly OrgLifeKind[], today: string): string | null {
  let last: string | null = null;
  for (const kind of kinds) {
    const held = facts.lastHeldOn[kind];
    if (held && held <= today && (last === null || held > last)) last = held;
  }
  return last;
}

function recentLife(facts: BranchFacts, days: number, kinds: readonly OrgLifeKind[], today: string) {
  const since = daysBefore(today, days);
  const last = lastHeld(facts, kinds, today);
  // "Within the last N days": a meeting exactly N days ago still counts, one day earlier does not.
  return last !== null && last >= since
    ? null
    : ({ code: 'no_recent_life', params: { days, since, last } } as const);
}

function reasonFor(item: ChecklistCriterion, facts: BranchFacts, today: string): UnmetReason | null {
  switch (item.rule) {
    case 'secretary_in_post':
      return facts.secretaryPosts.some((p) => inPostOn(p, today))
        ? null
        : { code: 'no_secretary', params: {} };
    case 'min_members':
      return facts.formalMembers >= item.params.minMembers
        ? null
        : { code: 'too_few_members', params: { have: facts.formalMembers, need: item.params.minMembers } };
    case 'org_life_within_days':
      return recentLife(facts, item.params.days, item.params.kinds ?? ORG_LIFE_KINDS, today);
    case 'theme_party_day_within_days':
      return recentLife(facts, item.params.days, ['theme_party_day'], today);
    case 'meeting_place':
      return facts.meetingPlace?.trim() ? null : { code: 'no_meeting_place', params: {} };
  }
}

/**
 * Each active item met or not, with the reason when not; the branch meets the standard when it
 * meets every active item. Inactive items are left out: they are switched off city-wide.
 */
export function evaluateBranch(opts: {
  items: readonly ChecklistCriterion[];
  facts: BranchFacts;
  today: string;
}): { met: boolean; results: CriterionResult[] } {
  const results = opts.items
    .filter((item) => item.active)
    .map((item) => {
      const reason = reasonFor(item, opts.facts, opts.today);
      return { itemId: item.id, rule: item.rule, met: reason === null, reason };
    });
  return { met: results.every((r) => r.met), results };
}
