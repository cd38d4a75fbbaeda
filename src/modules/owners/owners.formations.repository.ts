import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type {
  CommitteeFormationsTable,
  FormationPeopleTable,
  FormationRow,
  FormationStepsTable,
  OwnerVoteRow,
} from './owners.table';

// Formations of committees, their steps and people (preparatory group members, candidates).

type Q = Kysely<Database> | Transaction<Database>;
export type StepRow = Selectable<FormationStepsTable>;
export type PersonRow = Selectable<FormationPeopleTable>;

export function findFormation(db: Q, id: string): Promise<FormationRow | undefined> {
  return db.selectFrom('committeeFormations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function formationsOf(db: Q, compoundCode: string): Promise<FormationRow[]> {
  return db
    .selectFrom('committeeFormations')
    .selectAll()
    .where('compoundCode', '=', compoundCode)
    .orderBy('id', 'desc')
    .execute();
}

export function openFormationsOf(db: Q, compoundCodes: string[]): Promise<FormationRow[]> {
  if (compoundCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('committeeFormations')
    .selectAll()
    .where('compoundCode', 'in', compoundCodes)
    .where('status', '=', 'in_progress')
    .execute();
}

/** Formations of the scopes, newest first, by status. */
export function listFormations(
  db: Q,
  opts: {
    scopes: string[];
    status?: FormationRow['status'] | undefined;
    after?: string | undefined;
    limit: number;
  },
): Promise<FormationRow[]> {
  let q = db
    .selectFrom('committeeFormations')
    .selectAll()
    .where((eb) => inScopes(eb, 'path', opts.scopes));
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.after) q = q.where('id', '<', opts.after);
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function insertFormation(db: Q, row: FormationRow): Promise<void> {
  await db.insertInto('committeeFormations').values(row).execute();
}

export async function updateFormation(
  db: Q,
  id: string,
  patch: Updateable<CommitteeFormationsTable>,
): Promise<void> {
  await db.updateTable('committeeFormations').set(patch).where('id', '=', id).execute();
}

export async function stepsOf(db: Q, formationIds: string[]): Promise<Map<string, StepRow[]>> {
  const out = new Map<string, StepRow[]>();
  if (formationIds.length === 0) return out;
  const rows = await db
    .selectFrom('formationSteps')
    .selectAll()
    .where('formationId', 'in', formationIds)
    .orderBy('createdAt')
    .execute();
  for (const r of rows) out.set(r.formationId, [...(out.get(r.formationId) ?? []), r]);
  return out;
}

export async function insertStep(db: Q, row: StepRow): Promise<void> {
  await db.insertInto('formationSteps').values(row).execute();
}

export function peopleOf(db: Q, formationId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('formationPeople')
    .selectAll()
    .where('formationId', '=', formationId)
    .orderBy('id')
    .execute();
}

export async function insertPeople(db: Q, rows: PersonRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('formationPeople').values(rows).execute();
}

export async function reviewPerson(
  db: Q,
  id: string,
  review: { reviewStatus: 'approved' | 'rejected'; reviewNote: string | null },
): Promise<void> {
  await db.updateTable('formationPeople').set(review).where('id', '=', id).execute();
}

/**
 * The owners'-meeting vote a formation's vote step rests on. Read from the votes table directly
 * until the votes module exports its own finder; only closed, passed votes are accepted.
 */
export function findVote(db: Q, id: string): Promise<OwnerVoteRow | undefined> {
  return db.selectFrom('ownerVotes').selectAll().where('id', '=', id).executeTakeFirst();
}
