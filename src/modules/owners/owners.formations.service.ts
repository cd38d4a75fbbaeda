import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { type Actor, appendAudit, authorize } from '../iam/index';
import { actorUserId, checkRecordScope, getScopedCompound, scopesFor, today } from './owners.access';
import {
  FILING_DAYS,
  FIRST_MEETING_DAYS,
  PREPARATORY_GROUP_DAYS,
  partyShare,
} from './owners.committee-rules';
import * as committees from './owners.committees.repository';
import { addDays } from './owners.dates';
import { ownersErrors } from './owners.errors';
import { canAbandon, type FormationStep, takeStep } from './owners.formation-machine';
import { recordStep, triggerDetails } from './owners.formation-steps';
import * as repo from './owners.formations.repository';
import type {
  abandonBodySchema,
  formationListQuerySchema,
  startFormationBodySchema,
  stepBodySchema,
} from './owners.formations.schemas';
import * as reports from './owners.reports.repository';
import type { FormationRow } from './owners.table';

// Formation and re-election of owners' committees (CAPABILITIES §1.5), by the operation guide's
// steps (owners.formation-machine.ts); what each step checks is in owners.formation-steps.ts.

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
type Common = z.infer<typeof startFormationBodySchema>;

async function viewsOf(db: Db, rows: FormationRow[]) {
  const ids = rows.map((r) => r.id);
  const [steps, places] = await Promise.all([
    repo.stepsOf(db, ids),
    reports.findPlaces(
      db,
      rows.map((r) => r.compoundCode),
    ),
  ]);
  const people = new Map(
    await Promise.all(ids.map(async (id) => [id, await repo.peopleOf(db, id)] as const)),
  );
  const users = await reports.userNames(
    db,
    [...steps.values()].flat().map((s) => s.approvedBy),
  );
  return rows.map((f) => {
    const done = steps.get(f.id) ?? [];
    const details = (step: FormationStep) => JSON.parse(done.find((s) => s.step === step)?.details ?? '{}');
    const on = (step: FormationStep) => done.find((s) => s.step === step)?.completedOn ?? null;
    const elected = new Set<string>(details('vote').elected ?? []);
    const candidates = (people.get(f.id) ?? []).filter(
      (p) => p.role === 'candidate' && p.reviewStatus !== 'rejected',
    );
    const since = details('trigger').triggeredSince as string | undefined;
    return {
      id: f.id,
      compoundCode: f.compoundCode,
      compoundName: places.get(f.compoundCode)?.name ?? f.compoundCode,
      path: f.path,
      kind: f.kind,
      status: f.status,
      currentStep: f.currentStep,
      startedOn: f.startedOn,
      steps: done.map((s) => ({
        step: s.step,
        completedOn: s.completedOn,
        approverName: s.approverName,
        recordedBy: users.get(s.approvedBy) ?? null,
        documents: (JSON.parse(s.documents) as { title: string; reference?: string | null }[]).map((d) => ({
          title: d.title,
          reference: d.reference ?? null,
        })),
        details: JSON.parse(s.details) as Record<string, unknown>,
        note: s.note,
      })),
      people: (people.get(f.id) ?? []).map((p) => ({
        id: p.id,
        role: p.role,
        name: p.name,
        ownerId: p.ownerId,
        isOwner: p.isOwner === 1,
        partyMember: p.partyMemberId !== null,
        reviewStatus: p.reviewStatus,
        reviewNote: p.reviewNote,
        elected: elected.has(p.id),
      })),
      deadlines: {
        // Art. 21: the preparatory group within sixty days of the trigger.
        preparatoryGroupBy: since ? addDays(since, PREPARATORY_GROUP_DAYS) : null,
        // Art. 22: the first meeting within ninety days of the group's forming.
        meetingBy: on('preparatory_group') ? addDays(on('preparatory_group')!, FIRST_MEETING_DAYS) : null,
        // Art. 31: filing within thirty days of the election.
        filingBy: on('vote') ? addDays(on('vote')!, FILING_DAYS) : null,
      },
      candidatePartyShare: {
        ...partyShare({
          members: candidates.length,
          partyMembers: candidates.filter((c) => c.partyMemberId).length,
        }),
        target: '60%' as const,
      },
      committeeId: (details('filing').committeeId as string | undefined) ?? null,
      updatedAt: f.updatedAt,
    };
  });
}

export async function getFormation(opts: { db: Db; actor: Actor; id: string }) {
  const row = checkRecordScope(
    opts.actor,
    'owners.read',
    await repo.findFormation(opts.db, opts.id),
    ownersErrors.formationNotFound,
  );
  return (await viewsOf(opts.db, [row]))[0]!;
}

/** Formations of a place, newest first: the board groups them by step. */
export async function listFormations(opts: {
  db: Db;
  actor: Actor;
  query: z.infer<typeof formationListQuerySchema>;
}) {
  const { db, actor, query } = opts;
  const { scopes } = await scopesFor(db, actor, query.area);
  const rows = await repo.listFormations(db, { scopes, ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: await viewsOf(db, page),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

async function insertStepRow(
  trx: Trx,
  actor: Actor,
  f: FormationRow,
  step: FormationStep,
  on: string,
  body: Common,
  details: object,
) {
  await repo.insertStep(trx, {
    id: newId(),
    formationId: f.id,
    step,
    completedOn: on,
    approvedBy: actorUserId(actor),
    approverName: body.approver,
    documents: JSON.stringify(
      body.documents.map((d) => ({ title: d.title, reference: d.reference ?? null })),
    ),
    details: JSON.stringify(details),
    note: body.note ?? null,
    createdAt: new Date().toISOString(),
  });
}

/**
 * Starts a formation with its trigger: a first committee where the compound never had one (the
 * first-meeting condition of art. 20 must hold on the day), a re-election where it had (art. 33).
 */
export async function startFormation(opts: { db: Db; actor: Actor; code: string; input: Common }) {
  const { db, actor, input } = opts;
  const day = today();
  const on = input.on ?? day;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const compound = await getScopedCompound(trx, actor, opts.code, 'owners.write');
    if (on > day) throw ownersErrors.futureDate('on');
    const open = (await repo.openFormationsOf(trx, [compound.code]))[0];
    if (open) throw ownersErrors.formationInProgress(open.id);
    const had = (await committees.committeesOf(trx, [compound.code])).some((c) => c.status !== 'dissolved');
    const now = new Date().toISOString();
    const formation: FormationRow = {
      id,
      compoundCode: compound.code,
      path: compound.path,
      kind: had ? 'reelection' : 'first',
      status: 'in_progress',
      currentStep: 'trigger',
      startedOn: on,
      createdAt: now,
      updatedAt: now,
    };
    const details = await triggerDetails({ trx, actor, formation, compound, on });
    const outcome = takeStep({ state: { ...formation, lastOn: on }, step: 'trigger', on, today: day });
    if (!outcome.ok) throw ownersErrors.stepOutOfOrder('trigger', 'trigger');
    await repo.insertFormation(trx, { ...formation, ...outcome.next });
    await insertStepRow(trx, actor, formation, 'trigger', on, input, details);
    await appendAudit(trx, {
      actor,
      action: 'owners.formation.start',
      targetType: 'committee_formation',
      targetId: id,
      scopePath: compound.path,
      summary: { kind: formation.kind, on, approver: input.approver, details },
    });
  });
  return getFormation({ db, actor, id });
}

/** Records the formation's next step; any other step is refused as out of order. */
export async function recordFormationStep(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof stepBodySchema>;
}) {
  const { db, actor, id, input } = opts;
  const day = today();
  await db.transaction().execute(async (trx) => {
    authorize(actor, 'owners.write');
    const f = checkRecordScope(
      actor,
      'owners.write',
      await repo.findFormation(trx, id),
      ownersErrors.formationNotFound,
    );
    const steps = (await repo.stepsOf(trx, [id])).get(id) ?? [];
    const on = input.on ?? day;
    const lastOn =
      steps
        .map((s) => s.completedOn)
        .sort()
        .pop() ?? f.startedOn;
    const outcome = takeStep({ state: { ...f, lastOn }, step: input.step, on, today: day });
    if (!outcome.ok) {
      if (outcome.problem === 'not_in_progress') throw ownersErrors.formationClosed();
      if (outcome.problem === 'invalid_step') throw ownersErrors.stepOutOfOrder(f.currentStep, input.step);
      if (outcome.problem === 'future_date') throw ownersErrors.futureDate('on');
      throw ownersErrors.stepBeforePrevious();
    }
    const compound = await getScopedCompound(trx, actor, f.compoundCode, 'owners.write');
    const people = await repo.peopleOf(trx, id);
    const details = await recordStep({ trx, actor, formation: f, compound, on, people, steps }, input);
    await repo.updateFormation(trx, id, { ...outcome.next, updatedAt: new Date().toISOString() });
    await insertStepRow(trx, actor, f, input.step, on, input, details);
    await appendAudit(trx, {
      actor,
      action: `owners.formation.${input.step}`,
      targetType: 'committee_formation',
      targetId: id,
      scopePath: f.path,
      summary: { on, approver: input.approver, documents: input.documents.length, details },
    });
  });
  return getFormation({ db, actor, id });
}

export async function abandonFormation(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: z.infer<typeof abandonBodySchema>;
}) {
  const { db, actor, id, input } = opts;
  await db.transaction().execute(async (trx) => {
    const f = checkRecordScope(
      actor,
      'owners.write',
      await repo.findFormation(trx, id),
      ownersErrors.formationNotFound,
    );
    if (!canAbandon(f)) throw ownersErrors.formationClosed();
    const on = input.on ?? today();
    if (on > today()) throw ownersErrors.futureDate('on');
    await repo.updateFormation(trx, id, { status: 'abandoned', updatedAt: new Date().toISOString() });
    await appendAudit(trx, {
      actor,
      action: 'owners.formation.abandon',
      targetType: 'committee_formation',
      targetId: id,
      scopePath: f.path,
      summary: { on, reason: input.reason, atStep: f.currentStep },
    });
  });
  return getFormation({ db, actor, id });
}
