// The demo resident's in-app messages (站内消息), derived from the timeline of their demands by the
// rule the live workflow uses (modules/demands/demands.notices.ts): the records come first, the
// messages from them. A demand of theirs merged into another makes them a follower of that one
// from the merge on. All but the last few are read, as they would be on a phone in use.

import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { noticesForStep } from '../../modules/demands/demands.notices';
import type { DemandStatus } from '../../modules/demands/demands.table';
import type { DemandAction } from '../../modules/demands/demands.workflow';
import { DEMAND_ACTIONS } from '../../modules/demands/demands.workflow';
import { demoId } from '../city/city.ids';
import type { DemandEventInsert, DemandInsert } from './demands.rows';

type NotificationInsert = Insertable<Database['notifications']>;

/** How many of the resident's newest messages are left unread. */
export const DEMO_UNREAD = 3;

const isStep = (action: string): action is DemandAction => Object.hasOwn(DEMAND_ACTIONS, action);

/** The messages `userId` would have received for the demands they filed (and those these joined). */
export function deriveDemoMessages(opts: {
  userId: string;
  demands: readonly DemandInsert[];
  events: readonly DemandEventInsert[];
  categoryNames: ReadonlyMap<string, { zh: string; en: string }>;
}): NotificationInsert[] {
  const { userId } = opts;
  const byId = new Map(opts.demands.map((d) => [d.id, d]));
  // Their own demands from the start; a demand one of them joined from the merge on.
  const followFrom = new Map<string, { since: string; follows: boolean }>();
  for (const d of opts.demands)
    if (d.reporterUserId === userId) followFrom.set(d.id, { since: '', follows: false });
  const stepsOf = new Map<string, DemandEventInsert[]>();
  const collect = (ids: ReadonlySet<string>) => {
    for (const e of opts.events)
      if (ids.has(e.demandId)) {
        const steps = stepsOf.get(e.demandId);
        if (steps) steps.push(e);
        else stepsOf.set(e.demandId, [e]);
      }
  };
  collect(new Set(followFrom.keys()));
  const joined = new Set<string>();
  for (const [id] of [...followFrom]) {
    const merge = stepsOf.get(id)?.find((e) => e.action === 'merge');
    const into = merge ? (JSON.parse(merge.data ?? '{}') as { intoId?: string }).intoId : undefined;
    if (merge && into && !followFrom.has(into)) {
      followFrom.set(into, { since: merge.at, follows: true });
      joined.add(into);
    }
  }
  collect(joined);

  const rows: NotificationInsert[] = [];
  for (const [demandId, { since, follows }] of followFrom) {
    const demand = byId.get(demandId);
    if (!demand) continue;
    // The row before each step, as far as the rule reads it.
    let handlerUserId: string | null = null;
    let dueAt: string | null = null;
    for (const e of [...(stepsOf.get(demandId) ?? [])].sort((a, b) => a.seq - b.seq)) {
      const data = JSON.parse(e.data ?? '{}') as Record<string, unknown>;
      if (isStep(e.action) && e.at >= since) {
        const notices = noticesForStep({
          demand: {
            id: demandId,
            number: demand.number,
            reporterUserId: demand.reporterUserId ?? null,
            handlerUserId,
            dueAt,
          },
          action: e.action,
          toStatus: e.toStatus as DemandStatus,
          data,
          note: e.note ?? null,
          actor: e.actorId ? { kind: 'user', id: e.actorId } : { kind: 'system', id: 'demo' },
          followerUserIds: follows ? [userId] : [],
          category: opts.categoryNames.get(demand.categoryCode) ?? {
            zh: demand.categoryCode,
            en: demand.categoryCode,
          },
        });
        for (const n of notices)
          if (n.userIds.includes(userId))
            rows.push({
              id: demoId(Date.parse(e.at), `notifications:${e.id}:${n.kind}:${userId}`),
              userId,
              kind: n.kind,
              subjectType: 'demand',
              subjectId: n.subjectId,
              params: JSON.stringify(n.params),
              createdAt: e.at,
              readAt: null,
            });
      }
      if (e.action === 'dispatch' || e.action === 'reassign' || e.action === 'accept')
        handlerUserId = typeof data.handlerUserId === 'string' ? data.handlerUserId : null;
      if (e.action === 'return') handlerUserId = null;
      if ((e.action === 'dispatch' || e.action === 'extend') && typeof data.dueAt === 'string')
        dueAt = data.dueAt;
    }
  }
  rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  // Read a little after they came, all but the newest few.
  return rows.map((r, i) =>
    i < rows.length - DEMO_UNREAD
      ? { ...r, readAt: new Date(Date.parse(r.createdAt) + 3_600_000).toISOString() }
      : r,
  );
}

/** Category names in both languages for the messages' params. */
export async function readCategoryNames(
  db: Kysely<Database>,
): Promise<Map<string, { zh: string; en: string }>> {
  const rows = await db.selectFrom('demandCategories').select(['code', 'nameZh', 'nameEn']).execute();
  return new Map(rows.map((r) => [r.code, { zh: r.nameZh, en: r.nameEn }]));
}
