import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { type Actor, appendAudit, scopeCovers } from '../iam/index';
import { checkNotFuture, getResidentFor, getWritableHousehold, today } from './people.access';
import { peopleErrors } from './people.errors';
import { addressesOf, findPlaces } from './people.places';
import * as repo from './people.repository';
import type { ResidentRow } from './people.table';
import { toResidentView } from './people.views';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Changes are recorded in date order: a move or a status change cannot predate the last one. */
async function checkAfterLastMove(db: Db, row: ResidentRow, day: string, field: string): Promise<void> {
  checkNotFuture(day, field);
  const last = await repo.lastMoveDate(db, row.id);
  if (last && day < last) throw peopleErrors.beforeLastChange(field, last);
}

/**
 * Ends the roles a resident no longer qualifies for on `day`: every role when they leave or die,
 * and, on a move, the roles on places they no longer live in (a building head lives in the building).
 */
async function endRolesOutside(trx: Trx, residentId: string, newPath: string | null, day: string) {
  for (const role of await repo.openRolesOfResident(trx, residentId))
    if (newPath === null || !scopeCovers(role.path, newPath))
      await repo.endPlaceRole(trx, role.id, day < role.since ? role.since : day);
}

/**
 * Moves a resident to another household on a date: history kept in resident_moves, the record's
 * path follows the household (and with it who may see the record). The actor must be allowed to
 * write both where the resident lives and where they go. A resident who had moved out and comes
 * back is active again.
 */
export async function moveResident(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: { toHouseholdCode: string; movedOn: string; reason?: string | undefined };
}) {
  const { db, actor, input } = opts;
  const row = await getResidentFor(db, actor, opts.id, 'people.write');
  if (row.status === 'deceased') throw peopleErrors.notActive(row.status);
  const to = await getWritableHousehold(db, actor, input.toHouseholdCode, 'toHouseholdCode');
  if (to.code === row.householdCode && row.status === 'active') throw peopleErrors.sameHousehold();
  await checkAfterLastMove(db, row, input.movedOn, 'movedOn');
  const now = new Date().toISOString();
  const updated: ResidentRow = {
    ...row,
    householdCode: to.code,
    path: to.path,
    status: 'active',
    updatedAt: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertMove(trx, {
      id: newId(),
      residentId: row.id,
      fromHouseholdCode: row.status === 'active' ? row.householdCode : null,
      toHouseholdCode: to.code,
      fromPath: row.status === 'active' ? row.path : null,
      toPath: to.path,
      movedOn: input.movedOn,
      reason: input.reason || null,
      actorId: actor.kind === 'system' ? null : actor.id,
      createdAt: now,
    });
    await repo.updateResident(trx, row.id, {
      householdCode: to.code,
      path: to.path,
      status: 'active',
      updatedAt: now,
    });
    await endRolesOutside(trx, row.id, to.path, input.movedOn);
    // Both places: the street the resident left sees the entry as well as the one they joined.
    for (const scopePath of new Set([row.path, to.path]))
      await appendAudit(trx, {
        actor,
        action: 'people.resident_moved',
        targetType: 'resident',
        targetId: row.id,
        scopePath,
        summary: { from: row.householdCode, to: to.code, movedOn: input.movedOn },
      });
  });
  return toResidentView(updated, today());
}

/**
 * Records that a resident moved out of the city's ledger (迁出) or died on a date. A move-out is
 * kept in the move history; the record stays with the place they left, so that street keeps it.
 */
export async function setResidentStatus(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: { status: 'moved_out' | 'deceased'; on: string; reason?: string | undefined };
}) {
  const { db, actor, input } = opts;
  const row = await getResidentFor(db, actor, opts.id, 'people.write');
  if (row.status !== 'active') throw peopleErrors.notActive(row.status);
  await checkAfterLastMove(db, row, input.on, 'on');
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    if (input.status === 'moved_out')
      await repo.insertMove(trx, {
        id: newId(),
        residentId: row.id,
        fromHouseholdCode: row.householdCode,
        toHouseholdCode: null,
        fromPath: row.path,
        toPath: null,
        movedOn: input.on,
        reason: input.reason || null,
        actorId: actor.kind === 'system' ? null : actor.id,
        createdAt: now,
      });
    await repo.updateResident(trx, row.id, { status: input.status, updatedAt: now });
    await endRolesOutside(trx, row.id, null, input.on);
    await appendAudit(trx, {
      actor,
      action: input.status === 'moved_out' ? 'people.resident_moved_out' : 'people.resident_deceased',
      targetType: 'resident',
      targetId: row.id,
      scopePath: row.path,
      summary: { on: input.on },
    });
  });
  return toResidentView({ ...row, status: input.status, updatedAt: now }, today());
}

/** The move history of a resident, oldest first, with the households' addresses as they are now. */
export async function listMoves(opts: { db: Db; actor: Actor; id: string }) {
  const { db } = opts;
  const row = await getResidentFor(db, opts.actor, opts.id, 'people.read');
  const moves = await repo.movesOf(db, row.id);
  const codes = moves
    .flatMap((m) => [m.fromHouseholdCode, m.toHouseholdCode])
    .filter((c): c is string => !!c);
  const places = await findPlaces(db, codes);
  const addresses = await addressesOf(
    db,
    [...places.values()].map((p) => p.path),
  );
  const addressOf = (code: string | null) => {
    const place = code ? places.get(code) : undefined;
    return place ? `${addresses.get(place.path) ?? ''} / ${place.name}` : null;
  };
  return {
    items: moves.map((m) => ({
      id: m.id,
      fromHouseholdCode: m.fromHouseholdCode,
      fromAddress: addressOf(m.fromHouseholdCode),
      toHouseholdCode: m.toHouseholdCode,
      toAddress: addressOf(m.toHouseholdCode),
      movedOn: m.movedOn,
      reason: m.reason,
      createdAt: m.createdAt,
    })),
  };
}
