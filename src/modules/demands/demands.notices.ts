import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { maskPersonalText } from '../../lib/mask';
import type { Actor } from '../iam/index';
import { notifyUsers } from '../notifications/index';
import type { DemandRow, DemandStatus } from './demands.table';
import type { DemandAction } from './demands.workflow';

// Who is told what when a demand moves (站内消息, in-app only: nothing is sent by SMS or push).
// The reporter and those who follow the demand hear of the steps that change what they can expect
// — 立案, 不予立案 with the reason, 已合并 into another number, 已派遣, 延期 with the new limit and the
// reason (Beijing 接诉即办 art. 15(2)), 已答复 with the reply (art. 15(3)), 已办结 with the invitation
// to rate (art. 23) — and nothing of the internal ones. A handler hears that a demand was assigned
// to them and that it failed its check (返工). Nobody is told of their own step. An anonymous
// reporter is told too: anonymity hides them from handlers, not from themselves. A handler's
// message carries the number and category only, never the reporter. Officials' notes are masked
// (maskPersonalText) before a resident or a handler reads them: a reply may name the reporter's
// phone or name, which a follower must not see.

/** The kinds of message a step on a demand makes; the web builds each sentence from kind + params. */
export const DEMAND_NOTICE_KINDS = [
  'demand.registered',
  'demand.declined',
  'demand.merged',
  'demand.dispatched',
  'demand.extended',
  'demand.replied',
  'demand.closed',
  'demand.assigned',
  'demand.rework',
] as const;
export type DemandNoticeKind = (typeof DEMAND_NOTICE_KINDS)[number];

export interface DemandStep {
  /** The demand as it was before the step. */
  demand: Pick<DemandRow, 'id' | 'number' | 'reporterUserId' | 'handlerUserId' | 'dueAt'>;
  action: DemandAction;
  toStatus: DemandStatus;
  /** The step's particulars as on the timeline (demands.actions.ts). */
  data: Record<string, unknown>;
  note: string | null;
  actor: Pick<Actor, 'kind' | 'id'>;
  /** Users who follow the demand: follow steps and reporters of demands merged into it. */
  followerUserIds: readonly string[];
  category: { zh: string; en: string };
}

export interface DemandNotice {
  userIds: string[];
  kind: DemandNoticeKind;
  /** The demand whose page the message opens. */
  subjectId: string;
  params: Record<string, unknown>;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const masked = (note: string | null) => (note ? maskPersonalText(note) : null);

/** The messages one step makes, at most one per kind; empty for internal steps. */
export function noticesForStep(step: DemandStep): DemandNotice[] {
  const { demand, action, data, actor } = step;
  const self = actor.kind === 'user' ? actor.id : null;
  const others = (ids: readonly (string | null)[]) => [
    ...new Set(ids.filter((id): id is string => id !== null && id !== '' && id !== self)),
  ];
  const residents = others([demand.reporterUserId, ...step.followerUserIds]);
  const base = { number: demand.number, categoryZh: step.category.zh, categoryEn: step.category.en };
  const notices: DemandNotice[] = [];
  const tell = (
    userIds: string[],
    kind: DemandNoticeKind,
    params: Record<string, unknown> = {},
    subjectId = demand.id,
  ) => {
    if (userIds.length > 0) notices.push({ userIds, kind, subjectId, params: { ...base, ...params } });
  };
  const responsible = data.responsible as { name?: unknown } | undefined;
  const handler = text(data.handlerUserId);

  switch (action) {
    case 'register':
      tell(residents, 'demand.registered');
      break;
    case 'decline':
      tell(residents, 'demand.declined', { reason: masked(step.note) });
      break;
    case 'merge': {
      // Their demand ends here; the one it joined is where they follow it now (and may read it).
      const intoId = text(data.intoId);
      if (intoId) tell(residents, 'demand.merged', { intoId, intoNumber: text(data.intoNumber) }, intoId);
      break;
    }
    case 'dispatch': {
      const dueAt = text(data.dueAt);
      tell(residents, 'demand.dispatched', { responsibleName: text(responsible?.name), dueAt });
      tell(others([handler]), 'demand.assigned', { dueAt, reassigned: false });
      break;
    }
    case 'reassign':
      // 改派 keeps the deadline: the new handler works to the one promised to the resident.
      tell(others([handler]), 'demand.assigned', { dueAt: demand.dueAt, reassigned: true });
      break;
    case 'extend':
      tell(residents, 'demand.extended', { dueAt: text(data.dueAt), reason: masked(step.note) });
      break;
    case 'reply':
      tell(residents, 'demand.replied', { reply: masked(step.note) });
      break;
    case 'close':
      tell(residents, 'demand.closed');
      break;
    case 'verify_fail':
      tell(others([demand.handlerUserId]), 'demand.rework', {
        reason: masked(step.note),
        rework: typeof data.rework === 'number' ? data.rework : null,
      });
      break;
    // Internal steps: the resident sees them on the timeline when they look, and is not disturbed.
    case 'accept':
    case 'contact':
    case 'note':
    case 'whistle':
    case 'report_in':
    case 'verify_pass':
    case 'return':
    case 'rate':
      break;
  }
  return notices;
}

type Q = Kysely<Database> | Transaction<Database>;

/** A follower no user can be, to ask the rule whether a step tells anyone at all. */
const PROBE = '\u0000follower';

/** Users who follow the demand: by a follow step on it, or by a demand of theirs merged into it. */
async function followersOf(db: Q, demandId: string): Promise<string[]> {
  const merged = await db
    .selectFrom('demands')
    .select(['id', 'reporterUserId'])
    .where('mergedIntoId', '=', demandId)
    .execute();
  const follows = await db
    .selectFrom('demandEvents')
    .select('actorId')
    .where('demandId', 'in', [demandId, ...merged.map((m) => m.id)])
    .where('action', '=', 'follow')
    .execute();
  return [...merged.map((m) => m.reporterUserId), ...follows.map((f) => f.actorId)].filter(
    (id): id is string => id !== null,
  );
}

/**
 * Writes the messages of a step that was just recorded, in the step's transaction: a refused step
 * writes none, and none exists without its step.
 */
export async function notifyDemandStep(
  trx: Q,
  step: Omit<DemandStep, 'followerUserIds' | 'category'> & {
    demand: DemandStep['demand'] & Pick<DemandRow, 'categoryCode'>;
    at: string;
  },
): Promise<void> {
  // Internal steps tell nobody, whoever follows: no reads for them.
  const probe = { ...step, followerUserIds: [PROBE], category: { zh: '', en: '' } };
  if (noticesForStep(probe).length === 0) return;
  const category = step.demand.categoryCode;
  const names = await trx
    .selectFrom('demandCategories')
    .select(['nameZh', 'nameEn'])
    .where('code', '=', category)
    .executeTakeFirst();
  const notices = noticesForStep({
    ...step,
    followerUserIds: await followersOf(trx, step.demand.id),
    category: { zh: names?.nameZh ?? category, en: names?.nameEn ?? category },
  });
  for (const n of notices) await notifyUsers(trx, { ...n, subjectType: 'demand', at: step.at });
}
