import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../server/testing';
import { COMPOUND_A1, GRID_A1 } from './demands.fixtures';
import {
  act,
  createHandlingTestApp,
  demandIn,
  demandRow,
  type HandlingTestApp,
} from './demands.handling.fixtures';
import { DEMAND_REMINDER_KINDS } from './demands.reminders';
import { sweepDemandReminders } from './demands.reminders.service';

// Deadline reminders end to end: demands filed and dispatched to a handler through the HTTP API,
// then swept at chosen instants (the sweep takes `now`). The handler hears of a late first
// contact, a deadline near and a deadline past, each once per demand however often and however
// concurrently the sweep runs; closed demands and demands without a handler are never reminded.

let h: HandlingTestApp;
/** Contacted in time; later due soon and overdue. */
let contacted: string;
/** Never contacted: late first contact, then due soon and overdue. */
let silent: string;
/** Dispatched to a community where nobody holds a handling role, no handler named. */
let noHandler: string;
/** Handled to the end, never contacted: no reminder once closed. */
let closed: string;

const ms = (iso: string | null) => Date.parse(iso ?? '');
const sweep = (now: number) => sweepDemandReminders({ db: h.t.db.kysely, now: new Date(now) });
const unread = async (session: Session) => {
  const res = await h.t.request(session, { method: 'GET', url: '/api/v1/notifications/unread-count' });
  expect(res.statusCode).toBe(200);
  return res.json().count as number;
};
const step = async (session: Session, id: string, body: Record<string, unknown>) => {
  const res = await act(h, session, id, body);
  expect(res.statusCode, res.body).toBe(200);
};
/** The reminders written, as [demand, user, kind], in a stable order. */
const reminders = async () => {
  const rows = await h.t.db.kysely
    .selectFrom('notifications')
    .select(['subjectId', 'userId', 'kind'])
    .where('kind', 'in', [...DEMAND_REMINDER_KINDS])
    .execute();
  return rows.map((r) => [r.subjectId, r.userId, r.kind].join(' ')).sort();
};
const r = (id: string, user: string, kind: string) => `${id} ${user} demand.${kind}`;

async function dispatchedToHandler(): Promise<string> {
  const id = await demandIn(h, 'registered');
  await step(h.as.district, id, {
    action: 'dispatch',
    responsible: { kind: 'grid', ref: GRID_A1 },
    handlerUserId: h.ids.gridA1,
  });
  return id;
}

beforeAll(async () => {
  h = await createHandlingTestApp();
  contacted = await dispatchedToHandler();
  await step(h.as.gridA1, contacted, { action: 'accept' });
  await step(h.as.gridA1, contacted, { action: 'contact' });
  silent = await dispatchedToHandler();
  noHandler = await demandIn(h, 'registered');
  await step(h.as.district, noHandler, {
    action: 'dispatch',
    responsible: { kind: 'community', ref: '371602001001' },
  });
  closed = await dispatchedToHandler();
  await step(h.as.gridA1, closed, { action: 'accept' });
  await step(h.as.gridA1, closed, { action: 'reply', note: '已修好' });
  await step(h.as.district, closed, { action: 'verify_pass' });
  await step(h.as.district, closed, { action: 'close' });
});
afterAll(() => h.close());

describe('deadline reminders to the handler', () => {
  let assigned: number;
  let contactDue: number;
  let dueAt: number;

  it('nothing is due before the first-contact deadline, nor exactly at it', async () => {
    const rows = await Promise.all([contacted, silent, noHandler, closed].map((id) => demandRow(h, id)));
    for (const row of rows) expect(row.dueAt).toEqual(expect.any(String));
    contactDue = Math.max(...rows.map((row) => ms(row.firstContactDueAt)));
    dueAt = ms((await demandRow(h, silent)).dueAt);
    // All four are due the same day at the end of working hours (3 working days from receipt).
    expect(rows.every((row) => ms(row.dueAt) === dueAt)).toBe(true);
    assigned = await unread(h.as.gridA1);
    expect(assigned).toBe(3);
    expect(await sweep(Math.min(...rows.map((row) => ms(row.firstContactDueAt))) - 1)).toBe(0);
    expect(await sweep(ms((await demandRow(h, silent)).firstContactDueAt))).toBe(0);
    expect(await reminders()).toEqual([]);
  });

  it('a first contact not made in time tells the handler once, swept twice', async () => {
    expect(await sweep(contactDue + 1)).toBe(1);
    expect(await sweep(contactDue + 60_000)).toBe(0);
    expect(await reminders()).toEqual([r(silent, h.ids.gridA1, 'contact_late')]);
    expect(await unread(h.as.gridA1)).toBe(assigned + 1);
  });

  it('a deadline within the due-soon window is told once per demand, even by two sweeps at once', async () => {
    const answers = await Promise.all([sweep(dueAt - 60_000), sweep(dueAt - 60_000)]);
    expect(answers[0] + answers[1]).toBe(2);
    expect(await sweep(dueAt - 1)).toBe(0);
    // Exactly at the deadline it is still only due soon, as on the lists.
    expect(await sweep(dueAt)).toBe(0);
    expect(await reminders()).toEqual(
      [
        r(contacted, h.ids.gridA1, 'due_soon'),
        r(silent, h.ids.gridA1, 'contact_late'),
        r(silent, h.ids.gridA1, 'due_soon'),
      ].sort(),
    );
    expect(await unread(h.as.gridA1)).toBe(assigned + 3);
  });

  it('one millisecond past the deadline it is overdue, told once, and the handler reads what and when', async () => {
    const answers = await Promise.all([sweep(dueAt + 1), sweep(dueAt + 1)]);
    expect(answers[0] + answers[1]).toBe(2);
    expect(await sweep(dueAt + 86_400_000)).toBe(0);
    expect(await unread(h.as.gridA1)).toBe(assigned + 5);
    const res = await h.t.request(h.as.gridA1, { method: 'GET', url: '/api/v1/notifications' });
    const items = res.json().items as { kind: string; subjectId: string; params: Record<string, unknown> }[];
    const overdue = items.find((i) => i.kind === 'demand.overdue' && i.subjectId === silent);
    const row = await demandRow(h, silent);
    expect(overdue?.params).toEqual({
      number: row.number,
      categoryZh: expect.stringContaining('测试类别'),
      categoryEn: expect.stringContaining('Test category'),
      dueAt: row.dueAt,
    });
    const late = items.find((i) => i.kind === 'demand.contact_late');
    expect(late?.params.contactDueAt).toBe(row.firstContactDueAt);
  });

  it('a closed demand, and one at a place where nobody may handle it, are never reminded', async () => {
    const about = (await reminders()).map((line) => line.split(' ')[0]);
    expect(about).not.toContain(closed);
    expect(about).not.toContain(noHandler);
    expect(new Set(about)).toEqual(new Set([contacted, silent]));
    expect(await unread(h.as.district)).toBe(0);
  });

  it('a demand reassigned to another handler reminds the new one of what is still due', async () => {
    await step(h.as.district, silent, {
      action: 'reassign',
      note: '改由街道办理',
      responsible: { kind: 'grid', ref: GRID_A1 },
      handlerUserId: h.ids.streetA,
    });
    const before = await unread(h.as.streetA);
    expect(await sweep(dueAt + 1)).toBe(2);
    expect(await sweep(dueAt + 2)).toBe(0);
    expect(await unread(h.as.streetA)).toBe(before + 2);
    expect((await reminders()).filter((line) => line.includes(h.ids.streetA))).toEqual(
      [r(silent, h.ids.streetA, 'contact_late'), r(silent, h.ids.streetA, 'overdue')].sort(),
    );
    expect(await unread(h.as.gridA1)).toBe(assigned + 5);
  });

  it('a demand dispatched to a grid with no handler named reminds the grid’s workers, not officials above', async () => {
    const gridOnly = await demandIn(h, 'registered');
    await step(h.as.district, gridOnly, { action: 'dispatch', responsible: { kind: 'grid', ref: GRID_A1 } });
    const row = await demandRow(h, gridOnly);
    expect(row.handlerUserId).toBeNull();
    const districtBefore = await unread(h.as.district);
    expect(await sweep(ms(row.dueAt) + 1)).toBe(2);
    expect((await reminders()).filter((line) => line.startsWith(gridOnly))).toEqual(
      [r(gridOnly, h.ids.gridA1, 'contact_late'), r(gridOnly, h.ids.gridA1, 'overdue')].sort(),
    );
    expect(await unread(h.as.district)).toBe(districtBefore);
  });

  it('a demand dispatched to a property company with no handler named reminds its staff at the compound', async () => {
    const forCompany = await demandIn(h, 'registered');
    await step(h.as.district, forCompany, {
      action: 'dispatch',
      responsible: { kind: 'property_company', ref: h.units.propertyA1 },
    });
    const row = await demandRow(h, forCompany);
    expect(row).toMatchObject({ handlerUserId: null, compoundCode: COMPOUND_A1 });
    expect(await sweep(ms(row.dueAt) + 1)).toBe(2);
    expect((await reminders()).filter((line) => line.startsWith(forCompany))).toEqual(
      [r(forCompany, h.ids.propA1, 'contact_late'), r(forCompany, h.ids.propA1, 'overdue')].sort(),
    );
  });
});
