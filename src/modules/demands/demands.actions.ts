import { type Kysely, sql, type Transaction, type UpdateObject } from 'kysely';
import type { Database } from '../../db/schema';
import type { WorkingCalendar } from '../../lib/working-calendar';
import { fieldProblem } from '../../server/errors';
import { type Actor, can } from '../iam/index';
import { actorRef, isReporter } from './demands.access';
import { findCategoryVersion } from './demands.catalogue.read';
import { demandsErrors } from './demands.errors';
import { appendDemandEvent } from './demands.events.repository';
import { ENDED_STATUSES } from './demands.list.repository';
import { checkHandler, checkResponsible } from './demands.routing.service';
import type { DemandActionBody } from './demands.schemas';
import type { DemandSettings } from './demands.settings';
import { firstContactDeadline, limitDeadline } from './demands.sla';
import type { DemandRow } from './demands.table';
import { checkReportIn, checkWhistleUnit, insertWhistle, markReported } from './demands.whistles';
import type { DemandAction } from './demands.workflow';

// What each handling step changes besides the state (demands.workflow.ts decides whether it may be
// taken at all). Checks that read the database run here, before the transaction; the writes that
// go with a step (a whistle row, the merged-into demand's timeline) run inside it, through
// `alongside`. The service applies the plan in one transaction with the optimistic state guard.

type Q = Kysely<Database> | Transaction<Database>;

export interface ActionContext {
  db: Q;
  actor: Actor;
  demand: DemandRow;
  body: DemandActionBody;
  now: Date;
  calendar: WorkingCalendar;
  settings: DemandSettings;
}

export interface ActionPlan {
  /** Columns of the demand row to set with the new state. */
  set: UpdateObject<Database, 'demands'>;
  /** The step's particulars on the timeline. */
  data: Record<string, unknown>;
  /** Writes that go with the step, in its transaction, before its event is appended. */
  alongside?: (trx: Transaction<Database>) => Promise<void>;
}

const fieldError = (field: string, reason: string, zh: string, en: string) =>
  demandsErrors.invalidAction([fieldProblem(field, reason, { zh, en })]);

type Planner = (ctx: ActionContext) => Promise<ActionPlan> | ActionPlan;

const nothing: Planner = () => ({ set: {}, data: {} });

/** The optional handler named on dispatch, reassign or accept must hold demands.handle there. */
async function namedHandler(ctx: ActionContext): Promise<string | null> {
  const id = ctx.body.handlerUserId;
  if (!id) return null;
  await checkHandler(ctx.db, ctx.demand, id);
  return id;
}

const PLANNERS: Record<DemandAction, Planner> = {
  register: ({ now }) => ({ set: { registeredAt: now.toISOString() }, data: {} }),

  // The note is the reason told to the resident (不予立案说明).
  decline: ({ body }) => ({ set: {}, data: { reason: body.note } }),

  merge: async ({ db, actor, demand, body, now }) => {
    const intoId = body.intoId;
    const bad = (reason: string, zh: string, en: string) => fieldError('intoId', reason, zh, en);
    if (!intoId) throw bad('required', '请选择要并入的诉求', 'Choose the demand to merge into');
    if (intoId === demand.id)
      throw bad('same_demand', '不能并入自身', 'A demand cannot be merged into itself');
    const target = await db.selectFrom('demands').selectAll().where('id', '=', intoId).executeTakeFirst();
    if (!target || !can(actor, 'demands.manage', target.path))
      throw bad('not_found', '要并入的诉求不存在或不在您的范围内', 'No such demand in your scope');
    if (ENDED_STATUSES.includes(target.status) || target.mergedIntoId)
      throw bad('not_open', '只能并入尚未办结的诉求', 'Only an open demand can take others in');
    if (target.categoryCode !== demand.categoryCode)
      throw bad(
        'other_category',
        '只能并入同一类别的诉求',
        'Only a demand of the same category can be merged into',
      );
    return {
      set: { mergedIntoId: target.id },
      data: { intoId: target.id, intoNumber: target.number },
      // Both reporters follow one record: the target's timeline says who joined it.
      alongside: async (trx) => {
        await appendDemandEvent(trx, {
          demandId: target.id,
          action: 'merged_in',
          fromStatus: target.status,
          toStatus: target.status,
          actorId: actorRef(actor),
          actorLabel: actor.label,
          note: body.note ?? null,
          data: { demandId: demand.id, number: demand.number },
          at: now.toISOString(),
        });
      },
    };
  },

  dispatch: async (ctx) => {
    const { db, demand, body, now, calendar } = ctx;
    const party = await checkResponsible(db, demand, body.responsible);
    const handlerUserId = await namedHandler(ctx);
    let deadlines: { dispatchedAt: string; firstContactDueAt: string; dueAt: string } | null = null;
    // The clock starts at the first dispatch, under the limits of the version the demand was filed
    // under (Beijing art. 13: 派单…注明办理时限; art. 15(1): 及时联系诉求人). A demand returned and
    // dispatched again keeps its deadlines: the return does not buy the next unit new time.
    if (!demand.dispatchedAt) {
      const { version } = await findCategoryVersion(db, demand.categoryCode, demand.categoryVersion);
      deadlines = {
        dispatchedAt: now.toISOString(),
        firstContactDueAt: firstContactDeadline(calendar, now, version.firstContactHours).toISOString(),
        dueAt: limitDeadline(calendar, now, version.handleLimit, version.handleUnit).toISOString(),
      };
    }
    return {
      set: {
        responsibleKind: party.kind,
        responsibleRef: party.ref,
        responsibleName: party.name,
        handlerUserId,
        ...deadlines,
      },
      data: {
        responsible: party,
        handlerUserId,
        dueAt: deadlines?.dueAt ?? demand.dueAt,
        firstContactDueAt: deadlines?.firstContactDueAt ?? demand.firstContactDueAt,
      },
    };
  },

  // 改派 keeps the deadlines: the matter was promised to the resident by then, whoever does it
  // (首接负责制, Beijing art. 14: 接到派单的单位不得推诿; the first unit stays answerable).
  reassign: async (ctx) => {
    const { db, demand, body } = ctx;
    const party = await checkResponsible(db, demand, body.responsible);
    const handlerUserId = await namedHandler(ctx);
    return {
      set: {
        responsibleKind: party.kind,
        responsibleRef: party.ref,
        responsibleName: party.name,
        handlerUserId,
      },
      data: {
        from: { kind: demand.responsibleKind, ref: demand.responsibleRef, name: demand.responsibleName },
        responsible: party,
        handlerUserId,
      },
    };
  },

  // 退回 (Binzhou art. 11 para. 2: 不属于本部门和单位职责的…作出说明): back to the dispatcher with
  // the reason (the note); nobody is responsible until it is dispatched again.
  return: ({ demand, body }) => ({
    set: { responsibleKind: null, responsibleRef: null, responsibleName: null, handlerUserId: null },
    data: {
      from: { kind: demand.responsibleKind, ref: demand.responsibleRef, name: demand.responsibleName },
      reason: body.note,
    },
  }),

  accept: async (ctx) => {
    const named = await namedHandler(ctx);
    const handlerUserId =
      named ?? ctx.demand.handlerUserId ?? (ctx.actor.kind === 'user' ? ctx.actor.id : null);
    return { set: { handlerUserId }, data: { handlerUserId } };
  },

  // The first contact counts for the response rate (Beijing art. 15(1)); later ones are steps only.
  contact: ({ demand, now }) => {
    const at = now.toISOString();
    if (demand.firstContactedAt) return { set: {}, data: { first: false } };
    const onTime = demand.firstContactDueAt === null ? null : at <= demand.firstContactDueAt;
    return { set: { firstContactedAt: at }, data: { first: true, onTime } };
  },

  // 延期 with the reason (the note) told to the resident (Beijing art. 15(2)); counted from now.
  extend: ({ demand, body, now, calendar }) => {
    const ext = body.extension;
    if (!ext) throw fieldError('extension', 'required', '请填写延期时限', 'Give the new limit');
    const dueAt = limitDeadline(calendar, now, ext.limit, ext.unit).toISOString();
    return {
      set: { dueAt, extensionCount: sql<number>`extension_count + 1` },
      data: { previousDueAt: demand.dueAt, dueAt, extension: ext },
    };
  },

  // 反馈: the note is the result (Beijing art. 15(3)).
  reply: ({ demand, now }) => ({
    set: { repliedAt: now.toISOString() },
    data: { onTime: demand.dueAt === null ? null : now.toISOString() <= demand.dueAt },
  }),

  verify_pass: ({ now }) => ({ set: { verifiedAt: now.toISOString() }, data: {} }),

  // 核查不通过: back to handling, counted as rework (返工).
  verify_fail: ({ demand }) => ({
    set: { reworkCount: sql<number>`rework_count + 1` },
    data: { rework: Number(demand.reworkCount) + 1 },
  }),

  close: ({ now }) => ({ set: { closedAt: now.toISOString() }, data: {} }),

  // 回访 (Beijing art. 23): the resident's own answers, or recorded by the callback operator.
  rate: ({ actor, demand, body, now }) => {
    const problems = [];
    if (!body.rating)
      problems.push(fieldProblem('rating', 'required', { zh: '请选择满意程度', en: 'Choose how satisfied' }));
    if (body.resolved === undefined || body.resolved === null)
      problems.push(
        fieldProblem('resolved', 'required', { zh: '请说明问题是否解决', en: 'Say whether it was solved' }),
      );
    if (problems.length) throw demandsErrors.invalidAction(problems);
    return {
      set: {
        rating: body.rating ?? null,
        resolved: body.resolved ? 1 : 0,
        ratingComment: body.note ?? null,
        ratedAt: now.toISOString(),
      },
      data: {
        rating: body.rating,
        resolved: body.resolved,
        by: isReporter(actor, demand) ? 'reporter' : 'callback',
      },
    };
  },

  // 吹哨 (Beijing art. 16): the unit must report in within settings.whistleReportHours working hours.
  whistle: async ({ db, actor, demand, body, now, calendar, settings }) => {
    const unit = await checkWhistleUnit(db, demand, body.unitId);
    const at = now.toISOString();
    const reportDueAt = calendar.addWorkingHours(now, settings.whistleReportHours).toISOString();
    const data: Record<string, unknown> = { unitId: unit.id, unitName: unit.name, reportDueAt };
    return {
      set: {},
      data,
      alongside: async (trx) => {
        data.whistleId = await insertWhistle(trx, {
          demand,
          unit,
          by: actorRef(actor),
          at,
          dueAt: reportDueAt,
          note: body.note ?? null,
        });
      },
    };
  },

  // 报到: the summoned unit answers; on time when at or before the due instant.
  report_in: async ({ db, actor, demand, body, now }) => {
    const whistle = await checkReportIn(db, demand.id, body.whistleId);
    const at = now.toISOString();
    return {
      set: {},
      data: {
        whistleId: whistle.id,
        unitId: whistle.unitId,
        unitName: whistle.unitName,
        onTime: at <= whistle.reportDueAt,
      },
      alongside: async (trx) => {
        if (!(await markReported(trx, whistle.id, actorRef(actor), at)))
          throw fieldError(
            'whistleId',
            'already_reported',
            '该单位已报到',
            'That unit has already reported in',
          );
      },
    };
  },

  note: nothing,
};

/** The effects of `ctx.body.action` on this demand, checked against the database. */
export function planAction(ctx: ActionContext): Promise<ActionPlan> {
  return Promise.resolve(PLANNERS[ctx.body.action](ctx));
}
