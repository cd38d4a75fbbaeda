import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { chinaToday } from '../areas/index';
import { type Actor, appendAudit, authorize, can, systemActor } from '../iam/index';
import { areaNamesOf, getScopedPlace } from './party.access';
import { type BranchFacts, type ChecklistCriterion, evaluateBranch } from './party.entity-operation';
import { partyErrors } from './party.errors';
import * as ops from './party.operation.repository';
import { parseCriterion, type putChecklistBodySchema } from './party.operation.schemas';
import * as reports from './party.reports.repository';
import type { ChecklistItemRow, PartyOrgRow } from './party.table';
import { toAreaRef, toChecklistItemView, toOrgSummary, toRate } from './party.views';

// Entity operation of grid branches (网格党支部实体化运行, CAPABILITIES §1.4): the city's checklist,
// each branch judged against it from its records, and the rate for any place above.

type Db = Kysely<Database>;

const DEFAULT_UPDATED_AT = '2026-01-01T00:00:00.000Z';

type DefaultItem = [ChecklistItemRow['rule'], string, string, Record<string, number>];
const DEFAULT_ITEMS: DefaultItem[] = [
  ['secretary_in_post', '支部书记在岗', 'Branch secretary in post', {}],
  [
    'min_members',
    '正式党员不少于3名且组织关系在支部',
    'At least 3 formal members with their relation in the branch',
    { minMembers: 3 },
  ],
  [
    'org_life_within_days',
    '近92天内开展组织生活（三会一课/主题党日）',
    'Organisational life held within the last 92 days',
    { days: 92 },
  ],
  ['meeting_place', '有固定活动场所', 'A meeting place is recorded', {}],
  [
    'theme_party_day_within_days',
    '每月开展主题党日',
    'A theme party day within the last 31 days',
    { days: 31 },
  ],
];

/**
 * The default checklist: the four criteria of the brief for 实体化运行 (CAPABILITIES §1.4) — a
 * secretary in post, at least 3 formal members with their relation in the branch, organisational
 * life within 92 days, a meeting place — and a monthly theme party day, offered but switched off.
 */
export const DEFAULT_CHECKLIST: ChecklistItemRow[] = DEFAULT_ITEMS.map(
  ([rule, labelZh, labelEn, params], i) => ({
    id: `default-${rule.replaceAll('_', '-')}`,
    rule,
    labelZh,
    labelEn,
    params: JSON.stringify(params),
    active: rule === 'theme_party_day_within_days' ? 0 : 1,
    sortOrder: (i + 1) * 10,
    updatedAt: DEFAULT_UPDATED_AT,
  }),
);

/**
 * Seeds the default checklist when there is none (first use, or from the demo seed). Fixed ids
 * and "insert if missing" make two processes seeding at once harmless; the seeding is audited.
 */
export async function ensureDefaultChecklist(db: Db): Promise<number> {
  const existing = await ops.listChecklistItems(db);
  if (existing.length > 0) return 0;
  return db.transaction().execute(async (trx) => {
    const added = await ops.insertChecklistItemsIfMissing(trx, DEFAULT_CHECKLIST);
    if (added > 0)
      await appendAudit(trx, {
        actor: systemActor,
        action: 'party.checklist.seed_defaults',
        targetType: 'branch_checklist',
        summary: { items: DEFAULT_CHECKLIST.map((i) => i.rule) },
      });
    return added;
  });
}

async function loadChecklist(db: Db): Promise<{ rows: ChecklistItemRow[]; criteria: ChecklistCriterion[] }> {
  await ensureDefaultChecklist(db);
  const rows = await ops.listChecklistItems(db);
  const criteria = rows.map(parseCriterion).filter((c): c is ChecklistCriterion => c !== null);
  return { rows, criteria };
}

/** The facts of every active grid branch in the area, from four grouped queries. */
async function branchFactsIn(db: Db, areaPath: string, today: string) {
  const [branches, posts, members, life] = await Promise.all([
    ops.listActiveBranchesIn(db, areaPath),
    ops.secretaryPostsOfBranchesIn(db, areaPath),
    reports.formalMembersOfBranchesIn(db, areaPath),
    ops.lastLifeOfBranchesIn(db, areaPath, today),
  ]);
  const secretaryPosts = new Map<string, { since: string; until: string | null }[]>();
  for (const p of posts) secretaryPosts.set(p.orgId, [...(secretaryPosts.get(p.orgId) ?? []), p]);
  const lastHeldOn = new Map<string, BranchFacts['lastHeldOn']>();
  for (const l of life) lastHeldOn.set(l.branchId, { ...lastHeldOn.get(l.branchId), [l.kind]: l.lastHeldOn });
  const facts = new Map<string, BranchFacts>(
    branches.map((b) => [
      b.id,
      {
        secretaryPosts: secretaryPosts.get(b.id) ?? [],
        formalMembers: members.get(b.id) ?? 0,
        lastHeldOn: lastHeldOn.get(b.id) ?? {},
        meetingPlace: b.meetingPlace,
      },
    ]),
  );
  return { branches, facts };
}

function labelled(rows: ChecklistItemRow[], evaluation: ReturnType<typeof evaluateBranch>) {
  const labels = new Map(rows.map((r) => [r.id, { zh: r.labelZh, en: r.labelEn }]));
  return {
    met: evaluation.met,
    results: evaluation.results.map((r) => ({
      ...r,
      label: labels.get(r.itemId) ?? { zh: r.rule, en: r.rule },
    })),
  };
}

/** Every active grid branch of the area with its verdict, by path. */
export async function evaluateBranchesIn(db: Db, areaPath: string, today = chinaToday()) {
  const [{ rows, criteria }, { branches, facts }] = await Promise.all([
    loadChecklist(db),
    branchFactsIn(db, areaPath, today),
  ]);
  return {
    rows,
    criteria,
    states: branches.map((branch) => ({
      branch,
      evaluation: labelled(rows, evaluateBranch({ items: criteria, facts: facts.get(branch.id)!, today })),
    })),
  };
}

/** One branch's verdict, for its detail page. */
export async function evaluationOfBranch(db: Db, branch: PartyOrgRow) {
  if (branch.kind !== 'grid_branch' || branch.status !== 'active') return null;
  const { states } = await evaluateBranchesIn(db, branch.path);
  return states.find((s) => s.branch.id === branch.id)?.evaluation ?? null;
}

export async function getChecklist(opts: { db: Db; actor: Actor }) {
  authorize(opts.actor, 'party.read');
  const { rows } = await loadChecklist(opts.db);
  return { items: rows.map(toChecklistItemView) };
}

/** Replaces the city's checklist (city administrators only: the standard is one for the whole city). */
export async function replaceChecklist(opts: {
  db: Db;
  actor: Actor;
  input: z.infer<typeof putChecklistBodySchema>;
}) {
  const { db, actor, input } = opts;
  authorize(actor, 'party.write');
  const city = await reports.findCityRoot(db);
  if (!city || !can(actor, 'party.write', city.path)) throw partyErrors.checklistCityOnly();
  const before = await ops.listChecklistItems(db);
  const now = new Date().toISOString();
  const rows: ChecklistItemRow[] = input.items.map((item, i) => ({
    id: item.id ?? newId(),
    rule: item.rule,
    labelZh: item.labelZh,
    labelEn: item.labelEn,
    params: JSON.stringify(item.params),
    active: item.active ? 1 : 0,
    sortOrder: (i + 1) * 10,
    updatedAt: now,
  }));
  await db.transaction().execute(async (trx) => {
    await ops.replaceChecklist(trx, rows);
    await appendAudit(trx, {
      actor,
      action: 'party.checklist.replace',
      targetType: 'branch_checklist',
      scopePath: city.path,
      summary: {
        before: before.map((r) => ({ rule: r.rule, params: r.params, active: r.active })),
        after: rows.map((r) => ({ rule: r.rule, params: r.params, active: r.active })),
      },
    });
  });
  return { items: rows.map(toChecklistItemView) };
}

/** The entity-operation rate of any place: branches meeting every active item / all active branches. */
export async function getEntityOperation(opts: { db: Db; actor: Actor; query: { area: string } }) {
  const { db } = opts;
  const place = await getScopedPlace(db, opts.actor, opts.query.area);
  const today = chinaToday();
  const { rows, criteria, states } = await evaluateBranchesIn(db, place.path, today);
  const active = criteria.filter((c) => c.active);
  return {
    area: toAreaRef(place),
    rate: toRate(states.filter((s) => s.evaluation.met).length, states.length),
    items: active.map((c) => {
      const row = rows.find((r) => r.id === c.id)!;
      return {
        itemId: c.id,
        rule: c.rule,
        label: { zh: row.labelZh, en: row.labelEn },
        met: states.filter((s) => s.evaluation.results.find((r) => r.itemId === c.id)?.met).length,
      };
    }),
    asOf: today,
  };
}

/** The branches behind the rate, drillable: met or not, by path, a page at a time. */
export async function listBranchStates(opts: {
  db: Db;
  actor: Actor;
  query: { area: string; met?: 'true' | 'false' | undefined; after?: string | undefined; limit: number };
}) {
  const { db, query } = opts;
  const place = await getScopedPlace(db, opts.actor, query.area);
  const { states } = await evaluateBranchesIn(db, place.path);
  const wanted = states.filter(
    (s) =>
      (query.met === undefined || s.evaluation.met === (query.met === 'true')) &&
      (!query.after || s.branch.path > query.after),
  );
  const page = wanted.slice(0, query.limit);
  const names = await areaNamesOf(
    db,
    page.map((s) => s.branch),
  );
  return {
    items: page.map((s) => ({ branch: toOrgSummary(s.branch, names), evaluation: s.evaluation })),
    nextCursor: wanted.length > query.limit ? (page[page.length - 1]?.branch.path ?? null) : null,
  };
}
