import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { commonErrors } from '../../server/errors';
import { type Actor, appendAudit } from '../iam/index';
import { actorUserId, getScopedCompound, today } from './owners.access';
import { termState } from './owners.committee-rules';
import * as committees from './owners.committees.repository';
import { RECURRING_REPORTS, type RecurringKind, recurringReportState } from './owners.disclosure-rules';
import * as repo from './owners.disclosures.repository';
import type { disclosureBodySchema } from './owners.disclosures.schemas';
import { ownersErrors } from './owners.errors';
import * as reports from './owners.reports.repository';
import type { CommitteeRow } from './owners.table';
import { orderMembers } from './owners.views';

// Committee disclosures (decisions, meeting results, accounts, fund use, work reports) and the
// compound's public page.

type Db = Kysely<Database>;

const view = (r: repo.DisclosureRow) => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  period: r.period,
  voteId: r.voteId,
  publishedOn: r.publishedOn,
});

/** The committee in term on `day`, else the latest one. */
function currentCommittee(all: CommitteeRow[], day: string): CommitteeRow | undefined {
  const live = all.filter((c) => c.status !== 'dissolved');
  return live.find((c) => c.status === 'in_term' && termState(c, day) === 'in_term') ?? live[0];
}

function recurring(rows: repo.DisclosureRow[], committee: CommitteeRow | undefined, day: string) {
  const inTerm = committee && committee.status === 'in_term' && termState(committee, day) === 'in_term';
  return (Object.keys(RECURRING_REPORTS) as RecurringKind[]).map((kind) => {
    const latest = rows.find((r) => r.kind === kind);
    return {
      kind,
      latest: latest ? view(latest) : null,
      // Only a committee in term owes reports.
      ...recurringReportState({
        kind,
        lastPublishedOn: latest?.publishedOn ?? null,
        since: inTerm ? committee.termStart : null,
        today: day,
      }),
    };
  });
}

export async function listDisclosures(opts: { db: Db; actor: Actor; code: string }) {
  const compound = await getScopedCompound(opts.db, opts.actor, opts.code);
  const day = today();
  const [rows, all] = await Promise.all([
    repo.disclosuresOf(opts.db, compound.code),
    committees.committeesOf(opts.db, [compound.code]),
  ]);
  return { items: rows.map(view), reports: recurring(rows, currentCommittee(all, day), day) };
}

export async function publishDisclosure(opts: {
  db: Db;
  actor: Actor;
  code: string;
  input: z.infer<typeof disclosureBodySchema>;
}) {
  const { db, actor, input } = opts;
  const day = today();
  const publishedOn = input.publishedOn ?? day;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const compound = await getScopedCompound(trx, actor, opts.code, 'owners.write');
    if (publishedOn > day) throw ownersErrors.futureDate('publishedOn');
    const committee = currentCommittee(await committees.committeesOf(trx, [compound.code]), day);
    const row: repo.DisclosureRow = {
      id,
      compoundCode: compound.code,
      path: compound.path,
      committeeId: committee?.id ?? null,
      kind: input.kind,
      title: input.title,
      body: input.body,
      period: input.period ?? null,
      voteId: input.voteId ?? null,
      publishedOn,
      createdBy: actorUserId(actor),
      createdAt: new Date().toISOString(),
    };
    await repo.insertDisclosure(trx, row);
    await appendAudit(trx, {
      actor,
      action: 'owners.disclosure.publish',
      targetType: 'committee_disclosure',
      targetId: id,
      scopePath: compound.path,
      summary: { kind: input.kind, title: input.title, publishedOn },
    });
  });
  return listDisclosures({ db, actor, code: opts.code });
}

const DECISION_KINDS = new Set(['decision', 'meeting_result']);

/**
 * The public page of a compound (no sign-in): its committee with names and posts, term and filing,
 * decisions and meeting results, and the recurring reports with a flag when one is overdue.
 */
export async function getPublicCompound(opts: { db: Db; code: string }) {
  const { db } = opts;
  const compound = await reports.findPlace(db, opts.code);
  if (compound?.level !== 'compound' || compound.status !== 'active') throw commonErrors.notFound();
  const day = today();
  const [all, rows, names, [state]] = await Promise.all([
    committees.committeesOf(db, [compound.code]),
    repo.disclosuresOf(db, compound.code, 200),
    reports.streetAndCommunity(db, [compound.path]),
    reports.compoundsWithState(db, { scopes: [compound.path], today: day, limit: 1 }),
  ]);
  const committee = currentCommittee(all, day);
  const members = committee ? ((await committees.membersOf(db, [committee.id])).get(committee.id) ?? []) : [];
  return {
    code: compound.code,
    name: compound.name,
    ...names(compound.path),
    state: state ? reports.stateOf(state) : ('none' as const),
    committee: committee
      ? {
          electedOn: committee.electedOn,
          termStart: committee.termStart,
          termEnd: committee.termEnd,
          inTerm: committee.status === 'in_term' && termState(committee, day) === 'in_term',
          filedOn: committee.filedOn,
          filingAuthority: committee.filingAuthority,
          // Names and posts only: no party-member mark, no owner id.
          members: orderMembers(members.filter((m) => m.until === null || m.until > day)).map((m) => ({
            name: m.name,
            post: m.post,
          })),
        }
      : null,
    decisions: rows
      .filter((r) => DECISION_KINDS.has(r.kind))
      .slice(0, 20)
      .map(view),
    reports: recurring(rows, committee, day),
    others: rows
      .filter((r) => !DECISION_KINDS.has(r.kind))
      .slice(0, 20)
      .map(view),
    today: day,
  };
}
