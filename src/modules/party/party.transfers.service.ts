import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { chinaToday } from '../areas/index';
import { type Actor, appendAudit, authorize, can, listScopes } from '../iam/index';
import { getScopedOrg, getScopedPlace } from './party.access';
import { pathContains } from './party.chain-rules';
import { partyErrors } from './party.errors';
import { moveRelationIntoOrg } from './party.member-relation.repository';
import * as reports from './party.reports.repository';
import * as repo from './party.repository';
import type { PartyTransferRow } from './party.table';
import { applyTransferAction, type TransferAction } from './party.transfer-machine';
import * as transfers from './party.transfers.repository';
import type { createTransferBodySchema, transferActionBodySchema } from './party.transfers.schemas';
import { toTransferView } from './party.views';

// 流动党员组织关系转入 (CAPABILITIES §1.4): a floating member's organisational relation moves into
// the grid branch where they live — requested, accepted or refused with a reason, completed.
// A transfer carries the branch's path: the officials over the branch's grid handle it.

type Db = Kysely<Database>;

async function viewsOf(db: Db, rows: PartyTransferRow[]) {
  const [members, orgs, users] = await Promise.all([
    reports.findMembers(db, [...new Set(rows.map((r) => r.memberId))]),
    repo.findOrgsByIds(db, [...new Set(rows.map((r) => r.toOrgId))]),
    reports.userNames(db, [
      ...new Set(rows.flatMap((r) => [r.requestedBy, r.decidedBy]).filter((x): x is string => !!x)),
    ]),
  ]);
  const names = {
    members: new Map(members.map((m) => [m.id, m.name])),
    orgs: new Map(orgs.map((o) => [o.id, o.name])),
    users,
  };
  return rows.map((r) => toTransferView(r, names));
}

async function getScopedTransfer(db: Db, actor: Actor, id: string, permission: 'party.read' | 'party.write') {
  authorize(actor, permission);
  const row = await transfers.findTransfer(db, id);
  if (!row || !can(actor, permission, row.path)) throw partyErrors.transferNotFound();
  return row;
}

export async function getTransfer(opts: { db: Db; actor: Actor; id: string }) {
  const row = await getScopedTransfer(opts.db, opts.actor, opts.id, 'party.read');
  return (await viewsOf(opts.db, [row]))[0]!;
}

/** Transfers into branches of the caller's scope (or of one area), newest first, by status. */
export async function listTransfers(opts: {
  db: Db;
  actor: Actor;
  query: {
    area?: string | undefined;
    status?: PartyTransferRow['status'] | undefined;
    after?: string | undefined;
    limit: number;
  };
}) {
  const { db, actor, query } = opts;
  const scopes = query.area
    ? [(await getScopedPlace(db, actor, query.area)).path]
    : listScopes(actor, 'party.read');
  const rows = await transfers.listTransfers(db, { scopes, ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  return {
    items: await viewsOf(db, page),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

export async function requestTransfer(opts: {
  db: Db;
  actor: Actor;
  input: z.infer<typeof createTransferBodySchema>;
}) {
  const { db, actor, input } = opts;
  const today = chinaToday();
  const requestedOn = input.requestedOn ?? today;
  if (requestedOn > today) throw partyErrors.futureDate('requestedOn');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const branch = await getScopedOrg(trx, actor, input.toOrgId, 'party.write');
    if (branch.kind !== 'grid_branch') throw partyErrors.wrongKind('grid_branch', branch.kind);
    if (branch.status !== 'active') throw partyErrors.orgDissolved();
    const member = await reports.findMember(trx, input.memberId);
    if (!member || !can(actor, 'party.read', member.path)) throw partyErrors.memberNotFound();
    if (member.status !== 'active') throw partyErrors.memberInactive();
    if (member.orgId === branch.id) throw partyErrors.alreadyInBranch();
    // Into the branch of the grid where the member lives (网格党支部 holds the grid's members).
    if (!(member.path === branch.path || pathContains(branch.path, member.path)))
      throw partyErrors.memberOutsideBranch();
    const open = await transfers.findOpenTransferOf(trx, member.id);
    if (open) throw partyErrors.transferOpen(open.id);
    const now = new Date().toISOString();
    await transfers.insertTransfer(trx, {
      id,
      memberId: member.id,
      path: branch.path,
      fromOrgText: input.fromOrgText,
      toOrgId: branch.id,
      status: 'requested',
      reason: null,
      requestedOn,
      decidedOn: null,
      completedOn: null,
      requestedBy: actor.kind === 'user' ? actor.id : null,
      decidedBy: null,
      completedBy: null,
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(trx, {
      actor,
      action: 'party.transfer.request',
      targetType: 'party_transfer',
      targetId: id,
      scopePath: branch.path,
      summary: { memberId: member.id, toOrgId: branch.id, fromOrgText: input.fromOrgText, requestedOn },
    });
  });
  return getTransfer({ db, actor, id });
}

/** Accepts, refuses or completes a transfer; completion moves the member's relation into the branch. */
export async function actOnTransfer(opts: {
  db: Db;
  actor: Actor;
  id: string;
  action: TransferAction;
  input: z.infer<typeof transferActionBodySchema>;
}) {
  const { db, actor, id, action, input } = opts;
  const today = chinaToday();
  await db.transaction().execute(async (trx) => {
    authorize(actor, 'party.write');
    const transfer = await transfers.findTransfer(trx, id);
    if (!transfer || !can(actor, 'party.write', transfer.path)) throw partyErrors.transferNotFound();
    const outcome = applyTransferAction({
      transfer,
      action,
      on: input.on ?? today,
      today,
      actorId: actor.kind === 'user' ? actor.id : null,
      reason: input.reason,
    });
    if (!outcome.ok) {
      if (outcome.problem === 'invalid_transition')
        throw partyErrors.invalidTransition(transfer.status, action);
      if (outcome.problem === 'future_date') throw partyErrors.futureDate('on');
      if (outcome.problem === 'before_previous_step') throw partyErrors.stepBeforePrevious();
      throw partyErrors.reasonRequired();
    }
    const now = new Date().toISOString();
    if (action === 'complete') {
      const branch = await repo.findOrgById(trx, transfer.toOrgId);
      if (branch?.status !== 'active') throw partyErrors.orgDissolved();
      const member = await reports.findMember(trx, transfer.memberId);
      if (member?.status !== 'active') throw partyErrors.memberInactive();
      await moveRelationIntoOrg(trx, { memberId: member.id, orgId: branch.id, at: now });
    }
    const completedBy = action === 'complete' && actor.kind === 'user' ? { completedBy: actor.id } : {};
    await transfers.updateTransfer(trx, id, { ...outcome.patch, ...completedBy, updatedAt: now });
    await appendAudit(trx, {
      actor,
      action: `party.transfer.${action}`,
      targetType: 'party_transfer',
      targetId: id,
      scopePath: transfer.path,
      summary: {
        from: transfer.status,
        to: outcome.patch.status,
        on: input.on ?? today,
        reason: input.reason ?? null,
      },
    });
  });
  return getTransfer({ db, actor, id });
}
