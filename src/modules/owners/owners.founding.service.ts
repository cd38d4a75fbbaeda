import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { type FieldProblem, fieldProblem } from '../../server/errors';
import { type Actor, appendAudit } from '../iam/index';
import { actorUserId } from './owners.access';
import { committeeSizeProblems, termProblems } from './owners.committee-rules';
import * as committees from './owners.committees.repository';
import { ownersErrors } from './owners.errors';
import * as register from './owners.register.repository';
import * as reports from './owners.reports.repository';

// Founding a committee record: from a formation's filing step, or from the papers of a committee
// elected before the platform was in use. Shandong regulation (山东省物业管理条例) art. 30.

type Trx = Transaction<Database>;

export interface FoundingInput {
  compound: reports.PlaceRow;
  formationId: string | null;
  electedOn: string;
  termStart: string;
  termEnd: string;
  filedOn: string | null;
  filingAuthority: string | null;
  members: { ownerId: string; post: 'chair' | 'vice_chair' | 'member' }[];
}

/**
 * Founds a committee (a filed election, or one elected before the platform): art. 30's size and
 * term, members who are owners of the compound, exactly one chair and at least one vice-chair.
 * Party members are recognised from the records (owner → resident → party_members); their share is
 * shown against the 60% target and never refuses a valid election. The committee it replaces leaves
 * office the day the new term starts.
 */
export async function foundCommittee(trx: Trx, actor: Actor, input: FoundingInput): Promise<string> {
  const problems: FieldProblem[] = [];
  const ownerIds = input.members.map((m) => m.ownerId);
  for (const p of committeeSizeProblems(input.members.length))
    problems.push(
      fieldProblem('members', p, {
        zh: '业主委员会由五人以上单数组成（山东省物业管理条例第三十条）',
        en: "An owners' committee has five or more members, an odd number (Shandong art. 30)",
      }),
    );
  for (const p of termProblems(input))
    problems.push(
      fieldProblem('termEnd', p, {
        zh: '每届任期不超过五年（第三十条），且不早于任期开始',
        en: 'A term runs at most five years (art. 30) and ends after it starts',
      }),
    );
  if (input.electedOn > input.termStart)
    problems.push(
      fieldProblem('termStart', 'before_election', {
        zh: '任期不能早于选举日',
        en: 'The term starts on or after the election',
      }),
    );
  const chairs = input.members.filter((m) => m.post === 'chair').length;
  if (chairs !== 1 || !input.members.some((m) => m.post === 'vice_chair'))
    problems.push(
      fieldProblem('members', 'chair_and_vice_chair', {
        zh: '须推选一名主任和至少一名副主任（第三十条）',
        en: 'One chair and at least one vice-chair are chosen (art. 30)',
      }),
    );
  if (new Set(ownerIds).size !== ownerIds.length)
    problems.push(
      fieldProblem('members', 'duplicate_member', { zh: '成员重复', en: 'A member is listed twice' }),
    );
  const owners = await register.findOwners(trx, ownerIds);
  const byId = new Map(owners.map((o) => [o.id, o]));
  if (
    ownerIds.some(
      (id) => byId.get(id)?.compoundCode !== input.compound.code || byId.get(id)?.kind !== 'person',
    )
  )
    problems.push(
      fieldProblem('members', 'member_not_owner', {
        zh: '成员须由本小区的业主（自然人）担任（第三十条）',
        en: 'Members are natural-person owners of the compound (art. 30)',
      }),
    );
  if (problems.length > 0) throw ownersErrors.invalidCommittee(problems);
  const party = await reports.partyMembershipsOf(
    trx,
    owners.flatMap((o) => (o.residentId ? [o.residentId] : [])),
  );
  const previous = (await committees.committeesOf(trx, [input.compound.code])).filter(
    (c) => c.status === 'in_term',
  );
  for (const c of previous) {
    await committees.updateCommittee(trx, c.id, {
      status: 'term_ended',
      updatedAt: new Date().toISOString(),
    });
    await committees.endMembers(trx, c.id, input.termStart);
  }
  const id = newId();
  const now = new Date().toISOString();
  await committees.insertCommittee(trx, {
    id,
    compoundCode: input.compound.code,
    path: input.compound.path,
    formationId: input.formationId,
    electedOn: input.electedOn,
    termStart: input.termStart,
    termEnd: input.termEnd,
    filedOn: input.filedOn,
    filingAuthority: input.filingAuthority,
    status: 'in_term',
    createdAt: now,
    updatedAt: now,
  });
  await committees.insertMembers(
    trx,
    input.members.map((m) => {
      const owner = byId.get(m.ownerId)!;
      return {
        id: newId(),
        committeeId: id,
        ownerId: owner.id,
        name: owner.name,
        post: m.post,
        partyMemberId: (owner.residentId && party.get(owner.residentId)) || null,
        since: input.termStart,
        until: null,
        createdAt: now,
      };
    }),
  );
  await appendAudit(trx, {
    actor,
    action: 'owners.committee.found',
    targetType: 'owner_committee',
    targetId: id,
    scopePath: input.compound.path,
    summary: {
      formationId: input.formationId,
      electedOn: input.electedOn,
      term: [input.termStart, input.termEnd],
      members: input.members.length,
      replaced: previous.map((c) => c.id),
      by: actorUserId(actor),
    },
  });
  return id;
}
