import type { DemandRow, DemandStatus } from './demands.table';

// Deadline reminders to the handler (站内消息, in-app only). Beijing 接诉即办 art. 15 sets the
// handling limits — contact the resident promptly (15(1)), reply within the limit (15(3)) — and
// art. 32 assesses timeliness: a handler told in time keeps them. The predicates are the lists'
// own (demands.sla.ts `dueFlags`, demands.list.repository.ts `dueCondition`): a deadline is met
// at or before it, so exactly at `dueAt` a demand is due soon, one millisecond after it is overdue;
// due soon runs to the last instant of the window (`dueAt <= soonUntil`). Reminders go only while
// handling is open (dispatched / in_hand, the workflow's OPEN_HANDLING): a registered demand has no
// handler working it, a replied one has finished. Each kind is sent at most once per demand and
// handler: the rule says what is due now, the partial unique index of migration 0011 keeps it once.
// A demand dispatched to a grid, community or street with no handler named reminds whoever holds a
// handling role at that place itself (the grid's workers; not officials above it); one dispatched
// to a property company, its staff at the demand's compound.

/** The kinds of reminder a sweep writes; migration 0011's unique index is restricted to these. */
export const DEMAND_REMINDER_KINDS = ['demand.due_soon', 'demand.overdue', 'demand.contact_late'] as const;
export type DemandReminderKind = (typeof DEMAND_REMINDER_KINDS)[number];

/** States in which a handler is working the demand (the workflow's OPEN_HANDLING). */
export const REMINDER_STATUSES: readonly DemandStatus[] = ['dispatched', 'in_hand'];

export type ReminderCandidate = Pick<
  DemandRow,
  'id' | 'number' | 'status' | 'handlerUserId' | 'dueAt' | 'firstContactDueAt' | 'firstContactedAt'
> & {
  category: { zh: string; en: string };
  /**
   * Who works the demand when no handler is named: the users holding a handling role at the
   * responsible grid, community or street itself (its grid workers, its officials), or at the
   * demand's compound for a property company (its staff there).
   */
  placeHandlers?: readonly string[];
};

export interface DemandReminder {
  userId: string;
  kind: DemandReminderKind;
  /** The demand whose task page the reminder opens. */
  subjectId: string;
  params: Record<string, unknown>;
}

const ms = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso));

/** The reminders due at `now`; `soonUntil` is `now` plus the due-soon working hours. */
export function remindersDue(opts: {
  demands: readonly ReminderCandidate[];
  now: Date;
  soonUntil: Date;
}): DemandReminder[] {
  const now = opts.now.getTime();
  const soonUntil = opts.soonUntil.getTime();
  const out: DemandReminder[] = [];
  for (const d of opts.demands) {
    if (!REMINDER_STATUSES.includes(d.status)) continue;
    const base = { number: d.number, categoryZh: d.category.zh, categoryEn: d.category.en };
    const due = ms(d.dueAt);
    const kinds: { kind: DemandReminderKind; params: Record<string, unknown> }[] = [];
    // NaN (no limit) fails every comparison: no due-soon or overdue without a deadline.
    if (now > due) kinds.push({ kind: 'demand.overdue', params: { ...base, dueAt: d.dueAt } });
    else if (soonUntil >= due) kinds.push({ kind: 'demand.due_soon', params: { ...base, dueAt: d.dueAt } });
    if (d.firstContactedAt === null && now > ms(d.firstContactDueAt))
      kinds.push({ kind: 'demand.contact_late', params: { ...base, contactDueAt: d.firstContactDueAt } });
    const users = d.handlerUserId ? [d.handlerUserId] : [...new Set(d.placeHandlers ?? [])];
    for (const userId of users) for (const k of kinds) out.push({ userId, subjectId: d.id, ...k });
  }
  return out;
}
