import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { rational, toPercentString } from '../../lib/rational';
import { type Actor, appendAudit } from '../iam/index';
import { checkRecordScope, getScopedCompound, scopesFor, today } from './owners.access';
import { partyShare, termState } from './owners.committee-rules';
import * as committees from './owners.committees.repository';
import { ownersErrors } from './owners.errors';
import * as formations from './owners.formations.repository';
import { foundCommittee } from './owners.founding.service';
import * as reports from './owners.reports.repository';
import type {
  areaQuerySchema,
  compoundListQuerySchema,
  filingBodySchema,
  registerCommitteeBodySchema,
} from './owners.schemas';
import type { CommitteeRow } from './owners.table';
import { toCommitteeView } from './owners.views';

// The committee registry (CAPABILITIES §1.5): compounds with their committee state, a compound's
// committees, the formation rate and party members on committees of a place, counted from records.

type Db = Kysely<Database>;

const isLive = (c: CommitteeRow, day: string) => c.status === 'in_term' && termState(c, day) === 'in_term';

/** Compounds of a place (or the caller's scope) with committee state, a page at a time. */
export async function listCompounds(opts: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof compoundListQuerySchema>;
}) {
  const { db, actor, query } = opts;
  const { scopes } = await scopesFor(db, actor, query.area);
  const day = today();
  const rows = await reports.compoundsWithState(db, { scopes, today: day, ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const codes = page.map((r) => r.code);
  const [all, open, names] = await Promise.all([
    committees.committeesOf(db, codes),
    formations.openFormationsOf(db, codes),
    reports.streetAndCommunity(
      db,
      page.map((r) => r.path),
    ),
  ]);
  const latest = new Map<string, CommitteeRow>();
  for (const c of all)
    if (c.status !== 'dissolved' && !latest.has(c.compoundCode)) latest.set(c.compoundCode, c);
  const members = await committees.membersOf(
    db,
    [...latest.values()].map((c) => c.id),
  );
  return {
    items: page.map((r) => {
      const c = latest.get(r.code);
      const f = open.find((x) => x.compoundCode === r.code);
      const view = c ? toCommitteeView(c, members.get(c.id) ?? [], day) : undefined;
      return {
        code: r.code,
        name: r.name,
        path: r.path,
        ...names(r.path),
        state: reports.stateOf(r),
        committee: view
          ? {
              id: view.id,
              termEnd: view.termEnd,
              members: view.partyShare.members,
              partyShare: view.partyShare,
              filing: view.filing.state,
            }
          : null,
        formation: f ? { id: f.id, kind: f.kind, currentStep: f.currentStep } : null,
      };
    }),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.code ?? null) : null,
  };
}

/** The report's figures for a place: formation rate and party members on committees (CAPABILITIES §1.5). */
export async function getCommitteeStats(opts: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof areaQuerySchema>;
}) {
  const { db, actor } = opts;
  const { scopes, place } = await scopesFor(db, actor, opts.query.area);
  const root = place ?? (await reports.findPlace(db, scopes[0]?.split('/').pop() ?? ''));
  const day = today();
  const [byState, sitting, partyMembersOnCommittees] = await Promise.all([
    reports.countCompoundsByState(db, scopes, day),
    committees.sittingCounts(db, scopes, day),
    committees.distinctPartyMembersSitting(db, scopes, day),
  ]);
  const members = sitting.reduce((n, c) => n + Number(c.members), 0);
  const party = sitting.reduce((n, c) => n + Number(c.partyMembers), 0);
  const { total, ...counts } = byState;
  return {
    area: { code: root?.code ?? '', name: root?.name ?? '', level: root?.level ?? '' },
    compounds: total,
    byState: counts,
    formationRate: {
      numerator: counts.formed,
      denominator: total,
      percent: total ? toPercentString(rational(counts.formed, total)) : null,
    },
    partyMembersOnCommittees,
    membersOnCommittees: members,
    partyShare: { ...partyShare({ members, partyMembers: party }), target: '60%' as const },
    committeesBelowTarget: sitting.filter(
      (c) => !partyShare({ members: Number(c.members), partyMembers: Number(c.partyMembers) }).meetsTarget,
    ).length,
  };
}

/** A compound's committee page: the committee in term, past ones and its formations. */
export async function getCompoundDetail(opts: { db: Db; actor: Actor; code: string }) {
  const { db, actor } = opts;
  const compound = await getScopedCompound(db, actor, opts.code);
  const day = today();
  const [all, forms, names, [state]] = await Promise.all([
    committees.committeesOf(db, [compound.code]),
    formations.formationsOf(db, compound.code),
    reports.streetAndCommunity(db, [compound.path]),
    reports.compoundsWithState(db, { scopes: [compound.path], today: day, limit: 1 }),
  ]);
  const members = await committees.membersOf(
    db,
    all.map((c) => c.id),
  );
  const views = all.map((c) => toCommitteeView(c, members.get(c.id) ?? [], day));
  const current = all.find((c) => isLive(c, day));
  const open = forms.find((f) => f.status === 'in_progress');
  const currentView = views.find((v) => v.id === current?.id) ?? null;
  return {
    code: compound.code,
    name: compound.name,
    path: compound.path,
    ...names(compound.path),
    state: state ? reports.stateOf(state) : ('none' as const),
    committee: currentView && {
      id: currentView.id,
      termEnd: currentView.termEnd,
      members: currentView.partyShare.members,
      partyShare: currentView.partyShare,
      filing: currentView.filing.state,
    },
    formation: open ? { id: open.id, kind: open.kind, currentStep: open.currentStep } : null,
    current: currentView,
    past: views.filter((v) => v.id !== current?.id),
    formations: forms.map((f) => ({
      id: f.id,
      kind: f.kind,
      status: f.status,
      currentStep: f.currentStep,
      startedOn: f.startedOn,
    })),
  };
}

/** Records a committee elected before the platform was in use, from its papers. */
export async function registerCommittee(opts: {
  db: Db;
  actor: Actor;
  code: string;
  input: z.infer<typeof registerCommitteeBodySchema>;
}) {
  const { db, actor, input } = opts;
  const day = today();
  await db.transaction().execute(async (trx) => {
    const compound = await getScopedCompound(trx, actor, opts.code, 'owners.write');
    for (const [field, date] of [
      ['electedOn', input.electedOn],
      ['filedOn', input.filedOn],
    ] as const)
      if (date && date > day) throw ownersErrors.futureDate(field);
    if ((await committees.committeesOf(trx, [compound.code])).some((c) => isLive(c, day)))
      throw ownersErrors.committeeInTerm();
    await foundCommittee(trx, actor, {
      compound,
      formationId: null,
      electedOn: input.electedOn,
      termStart: input.termStart ?? input.electedOn,
      termEnd: input.termEnd,
      filedOn: input.filedOn ?? null,
      filingAuthority: input.filingAuthority ?? null,
      members: input.members,
    });
  });
  return getCompoundDetail({ db, actor, code: opts.code });
}

/** Records the filing (备案) of a committee not yet filed (Shandong art. 31). */
export async function recordFiling(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof filingBodySchema>;
}) {
  const { db, actor, id, input } = opts;
  const committee = await db.transaction().execute(async (trx) => {
    const row = checkRecordScope(
      actor,
      'owners.write',
      await committees.findCommittee(trx, id),
      ownersErrors.committeeNotFound,
    );
    if (input.filedOn > today()) throw ownersErrors.futureDate('filedOn');
    if (input.filedOn < row.electedOn) throw ownersErrors.stepBeforePrevious();
    await committees.updateCommittee(trx, id, {
      filedOn: input.filedOn,
      filingAuthority: input.filingAuthority,
      updatedAt: new Date().toISOString(),
    });
    await appendAudit(trx, {
      actor,
      action: 'owners.committee.filing',
      targetType: 'owner_committee',
      targetId: id,
      scopePath: row.path,
      summary: { filedOn: input.filedOn, authority: input.filingAuthority, before: row.filedOn },
    });
    return row;
  });
  return getCompoundDetail({ db, actor, code: committee.compoundCode });
}
