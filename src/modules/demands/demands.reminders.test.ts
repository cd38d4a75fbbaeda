import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../lib/working-calendar';
import { cnHolidayArrangements, mergeHolidayArrangements } from '../../lib/working-calendar.cn-holidays';
import { type ReminderCandidate, remindersDue } from './demands.reminders';
import { dueFlags } from './demands.sla';
import { DEMAND_STATUSES, type DemandStatus } from './demands.table';

// 2026-12-03 (Thu) 17:00 in Binzhou: the handling deadline; first contact was due at 11:00 the day before.
const DUE = '2026-12-03T09:00:00.000Z';
const CONTACT_DUE = '2026-12-02T03:00:00.000Z';
const shift = (iso: string, deltaMs: number) => new Date(Date.parse(iso) + deltaMs);
const HOUR = 3_600_000;

const demand = (over: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
  id: 'd1',
  number: '2026112900001',
  status: 'in_hand',
  handlerUserId: 'u-handler',
  dueAt: DUE,
  firstContactDueAt: CONTACT_DUE,
  firstContactedAt: '2026-12-01T02:00:00.000Z',
  category: { zh: '水电维修', en: 'Water and power' },
  ...over,
});

type Case = [string, Partial<ReminderCandidate>, Date, Date, string[]];

// [what, the demand, now, soonUntil, the kinds due]
const CASES: Case[] = [
  [
    'exactly at the deadline it is due soon, not yet overdue',
    {},
    new Date(DUE),
    shift(DUE, 8 * HOUR),
    ['demand.due_soon'],
  ],
  [
    'one millisecond after the deadline it is overdue',
    {},
    shift(DUE, 1),
    shift(DUE, 8 * HOUR),
    ['demand.overdue'],
  ],
  [
    'long past the deadline it is overdue, never also due soon',
    {},
    shift(DUE, 72 * HOUR),
    shift(DUE, 80 * HOUR),
    ['demand.overdue'],
  ],
  [
    'the deadline at the last instant of the due-soon window is due soon',
    {},
    shift(DUE, -HOUR),
    new Date(DUE),
    ['demand.due_soon'],
  ],
  [
    'the deadline one millisecond past the window is not yet due soon',
    {},
    shift(DUE, -HOUR),
    shift(DUE, -1),
    [],
  ],
  [
    'a dispatched demand not yet accepted is reminded too',
    { status: 'dispatched' },
    shift(DUE, 1),
    shift(DUE, 8 * HOUR),
    ['demand.overdue'],
  ],
  ['no deadline, no due-soon or overdue', { dueAt: null }, shift(DUE, 1), shift(DUE, 8 * HOUR), []],
  [
    'first contact not made, exactly at its deadline: not late',
    { firstContactedAt: null },
    new Date(CONTACT_DUE),
    shift(CONTACT_DUE, HOUR),
    [],
  ],
  [
    'first contact not made, one millisecond after its deadline: late',
    { firstContactedAt: null },
    shift(CONTACT_DUE, 1),
    shift(CONTACT_DUE, HOUR),
    ['demand.contact_late'],
  ],
  ['first contact made: never late', {}, shift(CONTACT_DUE, 1), shift(CONTACT_DUE, HOUR), []],
  [
    'no contact deadline: never late',
    { firstContactedAt: null, firstContactDueAt: null },
    shift(DUE, 1),
    shift(DUE, 8 * HOUR),
    ['demand.overdue'],
  ],
  [
    'overdue and never contacted: both',
    { firstContactedAt: null },
    shift(DUE, 1),
    shift(DUE, 8 * HOUR),
    ['demand.overdue', 'demand.contact_late'],
  ],
  [
    'no handler: nobody to remind',
    { handlerUserId: null, firstContactedAt: null },
    shift(DUE, 1),
    shift(DUE, 8 * HOUR),
    [],
  ],
  [
    'replied: handling finished, none',
    { status: 'replied', firstContactedAt: null },
    shift(DUE, 1),
    shift(DUE, 8 * HOUR),
    [],
  ],
  ['closed: none', { status: 'closed', firstContactedAt: null }, shift(DUE, 1), shift(DUE, 8 * HOUR), []],
  [
    'registered (returned to the dispatcher): none',
    { status: 'registered', firstContactedAt: null },
    shift(DUE, 1),
    shift(DUE, 8 * HOUR),
    [],
  ],
];

describe('the reminders due on a demand', () => {
  it.each(CASES)('%s', (_what, over, now, soonUntil, kinds) => {
    const due = remindersDue({ demands: [demand(over)], now, soonUntil });
    expect(due.map((r) => r.kind)).toEqual(kinds);
    for (const r of due) expect(r).toMatchObject({ userId: 'u-handler', subjectId: 'd1' });
  });

  it('carries the number, both category names and the deadline it is about', () => {
    const [overdue, late] = remindersDue({
      demands: [demand({ firstContactedAt: null })],
      now: shift(DUE, 1),
      soonUntil: shift(DUE, 8 * HOUR),
    });
    const base = { number: '2026112900001', categoryZh: '水电维修', categoryEn: 'Water and power' };
    expect(overdue?.params).toEqual({ ...base, dueAt: DUE });
    expect(late?.params).toEqual({ ...base, contactDueAt: CONTACT_DUE });
  });

  it('each kind at most once per demand in one sweep, the handler of each demand told of their own', () => {
    const due = remindersDue({
      demands: [demand(), demand({ id: 'd2', handlerUserId: 'u-other' })],
      now: shift(DUE, 1),
      soonUntil: shift(DUE, 8 * HOUR),
    });
    expect(due.map((r) => [r.subjectId, r.userId, r.kind])).toEqual([
      ['d1', 'u-handler', 'demand.overdue'],
      ['d2', 'u-other', 'demand.overdue'],
    ]);
  });

  it('without a named handler, reminds each handler of the responsible place once; a named handler alone', () => {
    const at = { now: shift(DUE, 1), soonUntil: shift(DUE, 8 * HOUR) };
    const place = ['u-grid-1', 'u-grid-2', 'u-grid-1'];
    const unnamed = remindersDue({ demands: [demand({ handlerUserId: null, placeHandlers: place })], ...at });
    expect(unnamed.map((r) => [r.userId, r.kind])).toEqual([
      ['u-grid-1', 'demand.overdue'],
      ['u-grid-2', 'demand.overdue'],
    ]);
    const named = remindersDue({ demands: [demand({ placeHandlers: place })], ...at });
    expect(named.map((r) => r.userId)).toEqual(['u-handler']);
    expect(remindersDue({ demands: [demand({ handlerUserId: null, placeHandlers: [] })], ...at })).toEqual(
      [],
    );
  });

  it('agrees with the flags the lists show, on every status, around each deadline', () => {
    const calendar = createWorkingCalendar(mergeHolidayArrangements(cnHolidayArrangements));
    const nows = [-49, -9, -8, -1, 0, 1].flatMap((h) => [shift(DUE, h * HOUR - 1), shift(DUE, h * HOUR)]);
    nows.push(shift(CONTACT_DUE, -1), new Date(CONTACT_DUE), shift(CONTACT_DUE, 1));
    for (const status of DEMAND_STATUSES as readonly DemandStatus[])
      for (const now of nows) {
        const d = demand({ status, firstContactedAt: null });
        const soonUntil = calendar.addWorkingHours(now, 8);
        const kinds = remindersDue({ demands: [d], now, soonUntil }).map((r) => r.kind);
        const flags = dueFlags(d, now, calendar, 8);
        const handling = status === 'dispatched' || status === 'in_hand';
        expect(kinds.includes('demand.overdue'), `${status} ${now.toISOString()}`).toBe(
          handling && flags.overdue,
        );
        expect(kinds.includes('demand.due_soon'), `${status} ${now.toISOString()}`).toBe(
          handling && flags.dueSoon,
        );
        expect(kinds.includes('demand.contact_late')).toBe(flags.contactOverdue);
      }
  });
});
