// One demo demand's life: the steps of the workflow (demands.workflow.ts) from receipt to the
// resident's rating, timed by the real working calendar and the category's limits (demands.sla.ts),
// then cut at `now` — a demand received last week may still be in hand, one received last night
// not yet registered. How well and how fast each step goes follows the responsible party's
// quality, so that the three rates (Beijing 接诉即办 regulation art. 32) differ from place to place.

import type { Random } from '../../lib/random';
import type { WorkingCalendar } from '../../lib/working-calendar';
import type { ResponsibleChoice } from '../../modules/demands/demands.routing';
import { firstContactDeadline, limitDeadline } from '../../modules/demands/demands.sla';
import type { DemandStatus, LimitUnit, Rating } from '../../modules/demands/demands.table';
import type { DemandAction } from '../../modules/demands/demands.workflow';
import type { DemoCategory } from './demands.places';
import * as texts from './demands.texts';

export interface Actor {
  id: string | null;
  label: string;
}

/** What the generator decided about a demand before its life runs. */
export interface LifePlan {
  receivedAt: number;
  category: DemoCategory;
  /** Who receives it (the reporter, a hotline operator, the grid worker, an Open311 client). */
  receiver: Actor;
  /** The street's dispatch centre: registers, dispatches, checks, closes. */
  centre: Actor;
  /** Who calls back or rates: the reporter in the app, or the hotline's callback desk. */
  rater: Actor;
  /** The party that must handle it. */
  responsible: ResponsibleChoice;
  /** Who takes it in hand for that party (the grid's own worker, or the party by name). */
  handler: Actor;
  /** A party it goes to first by mistake, then reassigned (改派) or returned (退回) from. */
  detour: { party: ResponsibleChoice; how: 'reassign' | 'return' } | null;
  /** A department the street summons (吹哨), which must report in within `reportHours` working hours. */
  whistle: { unitId: string; unitName: string; reportHours: number } | null;
  /** 0..1: how well the responsible party works. */
  quality: number;
  fate: 'handled' | 'declined' | { mergedInto: string };
  callbackValid: boolean;
}

export interface LifeEvent {
  /** A workflow action, the intake step, or `merged_in` (another demand joined this one). */
  action: DemandAction | 'receive' | 'merged_in';
  toStatus: DemandStatus;
  at: number;
  actor: Actor;
  note: string | null;
  data: Record<string, unknown>;
}

export interface LifeWhistle {
  unitId: string;
  unitName: string;
  summonedAt: number;
  reportDueAt: number;
  reportedAt: number | null;
}

export interface Life {
  events: LifeEvent[];
  /** Every planned step, also those after `now` (for tests: the cut is a prefix). */
  planned: number;
  whistle: LifeWhistle | null;
  firstContactDueAt: number | null;
  /** The handling deadline from registration, then from the last extension. */
  dueAt: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Runs the plan's steps with `random`, keeps those at or before `now`. */
export function liveDemand(plan: LifePlan, random: Random, calendar: WorkingCalendar, now: number): Life {
  const wh = (from: number, hours: number) => calendar.addWorkingHours(new Date(from), hours).getTime();
  /** The instant `share` of the working time from `from` to `to` has run (in working hours, not at night). */
  const within = (from: number, to: number, share: number) =>
    Math.min(to, wh(from, share * calendar.workingHoursBetween(new Date(from), new Date(to))));
  const q = plan.quality;
  const all: LifeEvent[] = [];
  let t = plan.receivedAt;
  const step = (
    action: LifeEvent['action'],
    toStatus: DemandStatus,
    at: number,
    actor: Actor,
    note: string | null = null,
    data: Record<string, unknown> = {},
  ) => {
    t = Math.max(t, at);
    all.push({ action, toStatus, at: t, actor, note, data });
  };
  const handler = (party: ResponsibleChoice): Actor => ({ id: null, label: party.name });
  const partyData = (party: ResponsibleChoice) => ({ kind: party.kind, ref: party.ref, name: party.name });
  const dispatchData = (party: ResponsibleChoice) => ({
    responsible: partyData(party),
    handlerUserId: null,
    dueAt: iso(dueAt!),
    firstContactDueAt: iso(firstContactDueAt!),
  });

  step('receive', 'received', t, plan.receiver);
  let whistle: LifeWhistle | null = null;
  let firstContactDueAt: number | null = null;
  let dueAt: number | null = null;
  const cut = (): Life => {
    const events = all.filter((e) => e.at <= now);
    const kept =
      whistle && whistle.summonedAt <= now
        ? {
            ...whistle,
            reportedAt: whistle.reportedAt !== null && whistle.reportedAt <= now ? whistle.reportedAt : null,
          }
        : null;
    const dispatched = events.some((e) => e.action === 'dispatch');
    const lastExtension = events.filter((e) => e.action === 'extend').at(-1);
    return {
      events,
      planned: all.length,
      whistle: kept,
      firstContactDueAt: dispatched ? firstContactDueAt : null,
      dueAt: !dispatched ? null : lastExtension ? Date.parse(lastExtension.data.dueAt as string) : dueAt,
    };
  };

  if (plan.fate === 'declined') {
    const reason = random.pick(texts.DECLINE_REASONS);
    step('decline', 'declined', wh(t, random.float(0.2, 3)), plan.centre, reason, { reason });
    return cut();
  }
  if (typeof plan.fate === 'object') {
    const { mergedInto } = plan.fate;
    step('merge', 'merged', wh(t, random.float(0.1, 2)), plan.centre, random.pick(texts.MERGE_NOTES), {
      intoId: mergedInto,
    });
    return cut();
  }

  // 立案, then 派遣: the first dispatch starts the handling and first-contact clocks (Beijing arts. 13,
  // 15(1)); a demand returned and dispatched again keeps them, as the handling service does.
  const patrol = plan.receiver.label.endsWith('网格员');
  step(
    'register',
    'registered',
    wh(t, patrol ? random.float(0.02, 0.3) : random.float(0.05, 4)),
    plan.centre,
  );
  const { category } = plan;
  // Most are dispatched at once; some wait in the dispatcher's queue for most of a day.
  const dispatchAt = wh(t, random.next() < 0.15 ? random.float(1, 12) : random.float(0.02, 0.5));
  firstContactDueAt = firstContactDeadline(
    calendar,
    new Date(dispatchAt),
    category.firstContactHours,
  ).getTime();
  dueAt = limitDeadline(calendar, new Date(dispatchAt), category.handleLimit, category.handleUnit).getTime();
  const first = plan.detour?.party ?? plan.responsible;
  step('dispatch', 'dispatched', dispatchAt, plan.centre, null, dispatchData(first));

  const contactHours = category.firstContactHours;
  const accept = (at: number, by: Actor) => step('accept', 'in_hand', at, by, null, { handlerUserId: by.id });
  const acceptAfter = random.next() < 0.15 ? random.float(0.4, 0.9) : random.float(0.05, 0.4);
  accept(wh(t, acceptAfter * contactHours), plan.detour ? handler(first) : plan.handler);
  if (plan.detour) {
    const { how, party } = plan.detour;
    if (how === 'reassign') {
      step(
        'reassign',
        'dispatched',
        wh(t, random.float(0.2, 2)),
        plan.centre,
        random.pick(texts.REASSIGN_REASONS),
        {
          from: partyData(party),
          responsible: partyData(plan.responsible),
          handlerUserId: null,
        },
      );
    } else {
      const reason = random.pick(texts.RETURN_REASONS);
      step('return', 'registered', wh(t, random.float(0.2, 2)), handler(party), reason, {
        from: partyData(party),
        reason,
      });
      step(
        'dispatch',
        'dispatched',
        wh(t, random.float(0.1, 1)),
        plan.centre,
        null,
        dispatchData(plan.responsible),
      );
    }
    accept(wh(t, random.float(0.05, 0.3)), plan.handler);
  }

  // 首次联系 (art. 15(1)): in time with a chance that follows the party's quality.
  const who = plan.handler;
  const contactInTime = random.next() < clamp(q + 0.03, 0, 0.998) && t < firstContactDueAt;
  const contactAt = contactInTime
    ? within(t, firstContactDueAt, random.next())
    : wh(Math.max(t, firstContactDueAt), random.float(0.5, 12));
  step('contact', 'in_hand', contactAt, who, random.pick(texts.CONTACT_NOTES), {
    first: true,
    onTime: contactAt <= firstContactDueAt,
  });

  if (plan.whistle) {
    // 街乡吹哨、部门报到 (Beijing arts. 16, 33).
    const summonedAt = wh(t, random.float(0.1, 1));
    const reportDueAt = wh(summonedAt, plan.whistle.reportHours);
    const unit = { unitId: plan.whistle.unitId, unitName: plan.whistle.unitName };
    step('whistle', 'in_hand', summonedAt, plan.centre, random.pick(texts.WHISTLE_NOTES), {
      ...unit,
      reportDueAt: iso(reportDueAt),
    });
    const reportedAt = wh(
      summonedAt,
      random.float(0.2, plan.whistle.reportHours * (random.next() < q ? 0.9 : 2)),
    );
    whistle = {
      unitId: plan.whistle.unitId,
      unitName: plan.whistle.unitName,
      summonedAt,
      reportDueAt,
      reportedAt,
    };
    step('report_in', 'in_hand', reportedAt, { id: null, label: plan.whistle.unitName }, null, {
      ...unit,
      onTime: reportedAt <= reportDueAt,
    });
  }

  let due = dueAt;
  if (random.next() < 0.03) {
    // 延期 with the reason told to the resident (art. 15(2)): a new limit counted from now.
    const at = wh(t, random.float(1, 8));
    const unit: LimitUnit = category.handleUnit === 'working_hours' ? 'working_days' : category.handleUnit;
    const limit = random.int(2, 5);
    const previousDueAt = iso(due);
    due = limitDeadline(calendar, new Date(at), limit, unit).getTime();
    step('extend', 'in_hand', at, plan.centre, random.pick(texts.EXTEND_REASONS), {
      previousDueAt,
      dueAt: iso(due),
      extension: { limit, unit },
    });
  }

  // 反馈 within the limit (art. 15(3)), late, or — rarely, where work is poor — long stuck.
  const reply = (from: number) => {
    const draw = random.next();
    if (draw < clamp(q + 0.02, 0, 0.995) && from < due) return within(from, due, random.float(0.15, 0.95));
    if (draw > 1 - (1 - q) * 0.4) return wh(Math.max(from, due), random.float(40, 600));
    return wh(Math.max(from, due), random.float(1, 40));
  };
  const replyAt = reply(t);
  const repliedLate = replyAt > due;
  const note = random.pick(random.next() < q ? texts.REPLY_NOTES : texts.PARTIAL_REPLY_NOTES);
  step('reply', 'replied', replyAt, who, note, { onTime: !repliedLate });
  let reworks = 0;
  while (reworks < 2 && random.next() < (1 - q) * 1.2) {
    // 核查不通过: back to handling, counted as rework (返工).
    reworks += 1;
    step(
      'verify_fail',
      'in_hand',
      wh(t, random.float(0.5, 8)),
      plan.centre,
      random.pick(texts.VERIFY_FAIL_REASONS),
      {
        rework: reworks,
      },
    );
    const again = wh(t, random.float(2, 16));
    step('reply', 'replied', again, who, random.pick(texts.REPLY_NOTES), { onTime: again <= due });
  }
  step('verify_pass', 'verified', wh(t, random.float(1, 16)), plan.centre);
  step('close', 'closed', wh(t, random.float(0.1, 8)), plan.centre);
  if (!plan.callbackValid) return cut();

  // 回访 (art. 23): was it solved, and how satisfied is the resident.
  const resolved = random.next() < clamp(q + 0.005 - (repliedLate ? 0.03 : 0) - reworks * 0.02, 0, 0.998);
  let rating: Rating;
  const draw = random.next();
  if (resolved) {
    const satisfied = clamp(0.93 + (q - 0.9) * 0.6, 0.7, 0.995);
    rating = draw < satisfied ? 'satisfied' : draw < 0.995 ? 'basic' : 'unsatisfied';
  } else rating = draw < 0.65 ? 'unsatisfied' : 'basic';
  const comment = random.next() < 0.3 ? random.pick(texts.COMMENTS[rating]) : null;
  const by = plan.rater.id !== null ? 'reporter' : 'callback';
  step('rate', 'rated', wh(t, random.float(1, 40)), plan.rater, comment, { rating, resolved, by });
  return cut();
}
