import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import { destinationPoint, haversineMeters, type Position } from '../../lib/geo/index';
import { type Actor, appendAudit, can, iamErrors, scopesFor } from '../iam/index';
import { actorRef, isReporter } from './demands.access';
import { demandsErrors } from './demands.errors';
import { appendDemandEvent } from './demands.events.repository';
import { summaryOf } from './demands.intake.rules';
import { ENDED_STATUSES } from './demands.list.repository';
import type { duplicateCandidateSchema } from './demands.schemas';
import { loadDemandSettings } from './demands.settings';
import type { DemandStatus } from './demands.table';

// Possible duplicates before filing, and following one instead. Beijing 接诉即办 regulation art. 11
// para. 3 item (3): for the same matter already being handled, the person is told its progress
// rather than a new work order being opened. A resident who would have filed the same thing
// follows the open demand: recorded on its timeline as a `follow` step (actorId and data.userId
// are the follower), so that it shows in the follower's own list and they hear how it ends.

export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

const MAX_CANDIDATES = 5;

/**
 * Open demands of the same category near the point, within the settings' radius and window,
 * nearest first, at most five. Officials see those in their read scope; a resident (who may file
 * but not read) sees them anywhere, with no personal data in the answer.
 */
export async function findDuplicates(input: {
  db: Kysely<Database>;
  actor: Actor;
  query: { categoryCode: string; lng: number; lat: number };
  now?: Date;
}): Promise<{ items: DuplicateCandidate[] }> {
  const { db, actor, query } = input;
  const readScopes = scopesFor(actor, 'demands.read');
  if (readScopes.length === 0 && scopesFor(actor, 'demands.create').length === 0)
    throw iamErrors.forbidden('demands.read');
  const settings = await loadDemandSettings(db);
  const now = input.now ?? new Date();
  const point: Position = [query.lng, query.lat];
  const radius = settings.duplicateRadiusMeters;
  // A box a little larger than the circle, for the index-friendly prefilter; the exact distance
  // is then the great-circle one.
  const reach = radius * 1.05;
  const north = destinationPoint(point, 0, reach)[1];
  const south = destinationPoint(point, 180, reach)[1];
  const halfLng = Math.abs(destinationPoint([0, Math.max(Math.abs(north), Math.abs(south))], 90, reach)[0]);
  const since = new Date(now.getTime() - settings.duplicateWindowDays * 86_400_000).toISOString();

  const rows = await db
    .selectFrom('demands')
    .select(['id', 'number', 'status', 'description', 'receivedAt', 'lng', 'lat'])
    .$if(readScopes.length > 0, (q) => q.where((eb) => inScopes(eb, 'path', readScopes)))
    .where('categoryCode', '=', query.categoryCode)
    // Ended demands are not offered: nothing more will happen to them.
    .where('status', 'not in', ENDED_STATUSES)
    .where('receivedAt', '>=', since)
    .where('lat', '>=', south)
    .where('lat', '<=', north)
    .where('lng', '>=', query.lng - halfLng)
    .where('lng', '<=', query.lng + halfLng)
    .execute();

  const items = rows
    .map((r) => ({ r, d: haversineMeters(point, [Number(r.lng), Number(r.lat)]) }))
    .filter(({ d }) => d <= radius)
    .sort((a, b) => a.d - b.d || (a.r.receivedAt < b.r.receivedAt ? 1 : -1))
    .slice(0, MAX_CANDIDATES)
    .map(({ r, d }) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      summary: summaryOf(r.description),
      receivedAt: r.receivedAt,
      distanceMeters: Math.round(d),
    }));
  return { items };
}

export interface FollowAnswer {
  id: string;
  number: string;
  status: DemandStatus;
  following: boolean;
}

/**
 * A signed-in resident joins an open demand as a co-reporter instead of filing the same thing.
 * Officials may follow within their read scope; a resident any open demand (they found it among
 * the duplicates, which are city-wide for them). Following twice, or one's own demand, is a no-op.
 */
export async function followDemand(input: {
  db: Kysely<Database>;
  actor: Actor;
  id: string;
  now?: Date;
}): Promise<FollowAnswer> {
  const { db, actor, id } = input;
  if (actor.kind !== 'user' || scopesFor(actor, 'demands.create').length === 0)
    throw iamErrors.forbidden('demands.create');
  const row = await db
    .selectFrom('demands')
    .select(['id', 'number', 'status', 'path', 'reporterUserId'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw demandsErrors.demandNotFound();
  const official = scopesFor(actor, 'demands.read').length > 0;
  if (official && !isReporter(actor, row) && !can(actor, 'demands.read', row.path))
    throw demandsErrors.demandNotFound();
  const answer = { id: row.id, number: row.number, status: row.status, following: true };
  if (isReporter(actor, row)) return answer;
  if (ENDED_STATUSES.includes(row.status))
    throw demandsErrors.conflict(
      'not_open',
      {
        zh: '该诉求已办结或已合并，不能再关注',
        en: 'This demand has ended or been merged; it cannot be followed',
      },
      { status: row.status },
    );

  const at = (input.now ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    // Moving the row first serializes concurrent steps on the demand (events' seq).
    await trx.updateTable('demands').set({ updatedAt: at }).where('id', '=', id).execute();
    const already = await trx
      .selectFrom('demandEvents')
      .select('id')
      .where('demandId', '=', id)
      .where('action', '=', 'follow')
      .where('actorId', '=', actorRef(actor))
      .executeTakeFirst();
    if (already) return;
    await appendDemandEvent(trx, {
      demandId: id,
      action: 'follow',
      fromStatus: row.status,
      toStatus: row.status,
      actorId: actorRef(actor),
      actorLabel: actor.label,
      note: null,
      data: { userId: actor.id },
      at,
    });
    await appendAudit(trx, {
      actor,
      action: 'demands.follow',
      targetType: 'demand',
      targetId: id,
      scopePath: row.path,
      summary: { number: row.number },
    });
  });
  return answer;
}
