// Organisational life of a grid branch and its building groups over the last year (三会一课,
// 主题党日, 组织生活会, 民主评议): a theme party day most months, a branch meeting and a party
// lecture most quarters, group meetings in the buildings, the year-end review meetings early in the
// year. A lapsed branch stops on its day; a dormant one has held nothing this year.

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { Random } from '../../lib/random';
import { addDays, chunkIds, laterDate } from '../people/people.ids';
import type { BuildingGroup } from './party.chain';
import type { DemoMember } from './party.members';
import type { BranchProfile } from './party.profile';
import { lifeTopic } from './party.texts';

type LifeRow = Insertable<Database['orgLifeRecords']>;
type Kind = LifeRow['kind'];

interface Window {
  from: string;
  to: string;
}

/** The first day of the month `n` months after the one `monthStart` opens. */
function monthsLater(monthStart: string, n: number): string {
  const d = new Date(Date.UTC(Number(monthStart.slice(0, 4)), Number(monthStart.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 10);
}

/** Month starts (YYYY-MM-01) from the month of `from` to the month of `to`. */
function months(window: Window): string[] {
  const out: string[] = [];
  for (let month = `${window.from.slice(0, 7)}-01`; month <= window.to; month = monthsLater(month, 1))
    out.push(month);
  return out;
}

/** A day within the `span` months from `monthStart`, inside the window; null when none is. */
function dayIn(random: Random, monthStart: string, spanMonths: number, window: Window): string | null {
  const start = monthStart < window.from ? window.from : monthStart;
  let end = addDays(monthsLater(monthStart, spanMonths), -1);
  if (end > window.to) end = window.to;
  if (end < start) return null;
  const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
  return addDays(start, random.int(0, days));
}

export function drawLife(
  random: Random,
  opts: {
    ordinal: number;
    branch: { id: string; path: string };
    profile: BranchProfile;
    hasCommittee: boolean;
    members: readonly DemoMember[];
    groups: readonly BuildingGroup[];
    today: string;
    stamp: string;
  },
): LifeRow[] {
  const { profile, today } = opts;
  const ids = chunkIds('orgLifeRecords', opts.ordinal);
  const rows: LifeRow[] = [];
  const inBranch = opts.members.filter((m) => m.relation === 'branch').length;
  // Who comes: most of the branch's own members; a young branch gathers the members living in the grid.
  const base = inBranch >= 3 ? inBranch : Math.max(3, Math.round(opts.members.length * 0.3));
  const record = (org: { id: string; path: string }, kind: Kind, heldOn: string | null, size: number) => {
    if (!heldOn) return;
    rows.push({
      id: ids(`${org.id}:${kind}:${heldOn}:${rows.length}`),
      orgId: org.id,
      path: org.path,
      kind,
      heldOn,
      topic: lifeTopic(random, kind),
      attendees: Math.max(1, Math.round(size * random.float(0.55, 0.95))),
      note: null,
      createdBy: null,
      createdAt: opts.stamp,
    });
  };
  const yearAgo = addDays(today, -365);
  const from = laterDate(profile.establishedOn, yearAgo);
  if (profile.life === 'dormant') {
    // The last thing it held was more than a year ago, if it existed then.
    const old = addDays(yearAgo, -random.int(10, 300));
    if (old >= profile.establishedOn) record(opts.branch, 'branch_meeting', old, base);
    return rows;
  }
  const window: Window = { from, to: profile.life === 'lapsed' ? (profile.lapsedOn ?? today) : today };
  if (window.to < window.from) return rows;
  for (const month of months(window)) {
    const m = Number(month.slice(5, 7));
    if (random.next() < 0.85) record(opts.branch, 'theme_party_day', dayIn(random, month, 1, window), base);
    if (m % 3 === 1) {
      if (random.next() < 0.9) record(opts.branch, 'branch_meeting', dayIn(random, month, 3, window), base);
      if (random.next() < 0.8) record(opts.branch, 'party_lecture', dayIn(random, month, 3, window), base);
      for (const group of opts.groups)
        if (random.next() < 0.55)
          record(group.org, 'group_meeting', dayIn(random, month, 3, window), group.members.length);
    }
    if (opts.hasCommittee && m % 2 === 0 && random.next() < 0.5)
      record(opts.branch, 'committee_meeting', dayIn(random, month, 1, window), 3);
    if (m === 1 && random.next() < 0.85)
      record(opts.branch, 'org_life_meeting', dayIn(random, month, 2, window), base);
    if (m === 1 && random.next() < 0.8)
      record(opts.branch, 'democratic_review', dayIn(random, month, 3, window), base);
  }
  return rows;
}
