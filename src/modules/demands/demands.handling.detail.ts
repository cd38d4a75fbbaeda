import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { FieldCipher } from '../../lib/field-crypto';
import { type Actor, can, scopesFor } from '../iam/index';
import { findDemandRow, isReporter, scopedDemand } from './demands.access';
import { findCategoryVersion } from './demands.catalogue.read';
import { demandsErrors } from './demands.errors';
import { areaNamesOf, categoryNamesOf } from './demands.list.repository';
import { reporterView } from './demands.privacy';
import type { DemandDetail } from './demands.schemas';
import { loadDemandSettings, loadWorkingCalendar } from './demands.settings';
import type { DemandRow } from './demands.table';
import {
  type AttachmentView,
  toAttachmentView,
  toEventView,
  toListItem,
  toWhistleView,
} from './demands.views';
import { whistlesOfDemand } from './demands.whistles';
import { actionsFrom, DEMAND_ACTIONS, INTAKE_ACTION } from './demands.workflow';

// One demand in full: its timeline with attachments (the electronic record of Binzhou grid
// regulation art. 14), whistles, merges, the limits it was filed under, the reporter as the caller
// may see them (demands.privacy.ts) and the steps the caller may take now.

type Q = Kysely<Database> | Transaction<Database>;

export function holdsAnywhere(actor: Actor, permission: 'demands.read' | 'demands.manage'): boolean {
  return scopesFor(actor, permission).length > 0;
}

/**
 * The user follows the demand (a follow step), or filed or followed a demand merged into it: a
 * co-reporter of a merged demand keeps following the one it joined, as its messages tell them to.
 */
async function followsOrJoined(db: Q, userId: string, demandId: string): Promise<boolean> {
  const merged = await db
    .selectFrom('demands')
    .select(['id', 'reporterUserId'])
    .where('mergedIntoId', '=', demandId)
    .execute();
  if (merged.some((m) => m.reporterUserId === userId)) return true;
  const follows = await db
    .selectFrom('demandEvents')
    .select('data')
    .where('demandId', 'in', [demandId, ...merged.map((m) => m.id)])
    .where('action', '=', 'follow')
    .execute();
  return follows.some((f) => (JSON.parse(f.data) as { userId?: unknown }).userId === userId);
}

/**
 * A demand the actor may read: their own as its reporter, one they follow or joined by a merge (a
 * resident without demands.read), else by demands.read over its place. A resident asking for
 * someone else's demand gets 404, as does an official outside its place.
 */
export async function readableDemand(db: Q, actor: Actor, id: string): Promise<DemandRow> {
  const row = await findDemandRow(db, id);
  if (row && isReporter(actor, row)) return row;
  if (actor.kind === 'user' && !holdsAnywhere(actor, 'demands.read')) {
    if (row && (await followsOrJoined(db, actor.id, row.id))) return row;
    throw demandsErrors.demandNotFound();
  }
  return scopedDemand(actor, row, 'demands.read');
}

async function attachmentsOf(db: Q, demandId: string) {
  const rows = await db
    .selectFrom('demandAttachments as a')
    .innerJoin('storedFiles as f', 'f.sha256', 'a.sha256')
    .select(['a.eventId', 'a.sha256', 'f.mime', 'f.size'])
    .where('a.demandId', '=', demandId)
    .orderBy('a.createdAt')
    .orderBy('a.id')
    .execute();
  const byEvent = new Map<string | null, AttachmentView[]>();
  for (const r of rows) {
    const list = byEvent.get(r.eventId) ?? [];
    list.push(toAttachmentView(r));
    byEvent.set(r.eventId, list);
  }
  return byEvent;
}

/** The actions open now for this caller: the state allows them and the caller holds the permission. */
export function allowedActionsFor(actor: Actor, demand: DemandRow, waitingWhistles: number): string[] {
  return actionsFrom(demand.status).filter((a) => {
    if (a === 'report_in' && waitingWhistles === 0) return false;
    if (a === 'rate' && isReporter(actor, demand)) return true;
    return can(actor, DEMAND_ACTIONS[a].permission, demand.path);
  });
}

/** GET /api/v1/demands/:id */
export async function getDemandDetail(opts: {
  db: Q;
  cipher: FieldCipher;
  actor: Actor;
  id: string;
  now?: Date;
}): Promise<DemandDetail> {
  const { db, cipher, actor } = opts;
  const now = opts.now ?? new Date();
  const row = await readableDemand(db, actor, opts.id);
  const settings = await loadDemandSettings(db);
  const calendar = await loadWorkingCalendar(db, settings);
  const { version } = await findCategoryVersion(db, row.categoryCode, row.categoryVersion);
  const categoryNames = await categoryNamesOf(db, [row.categoryCode]);
  const placeNames = await areaNamesOf(
    db,
    [row.compoundCode, row.gridCode].filter((c): c is string => !!c),
  );
  const events = await db
    .selectFrom('demandEvents')
    .selectAll()
    .where('demandId', '=', row.id)
    .orderBy('seq')
    .execute();
  const attachments = await attachmentsOf(db, row.id);
  const whistles = await whistlesOfDemand(db, row.id);
  const intakeEvent = events.find((e) => e.action === INTAKE_ACTION);
  const mergedInto = row.mergedIntoId
    ? ((await db
        .selectFrom('demands')
        .select(['id', 'number', 'status'])
        .where('id', '=', row.mergedIntoId)
        .executeTakeFirst()) ?? null)
    : null;
  const mergedFrom = await db
    .selectFrom('demands')
    .select(['id', 'number'])
    .where('mergedIntoId', '=', row.id)
    .orderBy('receivedAt')
    .orderBy('id')
    .execute();
  const mine = isReporter(actor, row);
  return {
    ...toListItem(row, categoryNames, placeNames, now, calendar, settings),
    description: row.description,
    lng: row.lng === null ? null : Number(row.lng),
    lat: row.lat === null ? null : Number(row.lat),
    categoryVersion: row.categoryVersion,
    limits: {
      handleLimit: version.handleLimit,
      handleUnit: version.handleUnit,
      firstContactHours: version.firstContactHours,
    },
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
    reporter: reporterView(row, { isReporter: mine }, (s) => cipher.decrypt(s)),
    isMine: mine,
    callbackValid: row.callbackValid === 1,
    responsibleRef: row.responsibleRef,
    handlerUserId: row.handlerUserId,
    registeredAt: row.registeredAt,
    repliedAt: row.repliedAt,
    verifiedAt: row.verifiedAt,
    ratedAt: row.ratedAt,
    resolved: row.resolved === null ? null : row.resolved === 1,
    ratingComment: row.ratingComment,
    extensionCount: Number(row.extensionCount),
    mergedInto,
    mergedFrom,
    // Photos filed with the demand: unattached to a later step.
    photos: [
      ...(attachments.get(null) ?? []),
      ...(intakeEvent ? (attachments.get(intakeEvent.id) ?? []) : []),
    ],
    events: events.map((e) => toEventView(e, attachments.get(e.id) ?? [])),
    whistles: whistles.map((w) => toWhistleView(w, now)),
    allowedActions: allowedActionsFor(actor, row, whistles.filter((w) => !w.reportedAt).length),
  };
}
