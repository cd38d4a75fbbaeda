import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PATH_TO } from './demands.fixtures';
import {
  act,
  createHandlingTestApp,
  demandIn,
  demandRow,
  getDetail,
  type HandlingTestApp,
} from './demands.handling.fixtures';
import type { DemandActionBody, DemandDetail } from './demands.schemas';
import type { DemandStatus } from './demands.table';
import { DEMAND_ACTION_NAMES, DEMAND_ACTIONS, type DemandAction } from './demands.workflow';

// Every handling step over HTTP, from a state that allows it and from one that does not; the
// reason rule; two steps at once; who may take which step.

let h: HandlingTestApp;
beforeAll(async () => {
  h = await createHandlingTestApp();
});
afterAll(() => h.close());

/** The particulars a step needs beyond its name (a note, a party, a unit…). */
async function bodyFor(action: DemandAction, id: string): Promise<Partial<DemandActionBody>> {
  const row = await demandRow(h, id);
  switch (action) {
    case 'decline':
    case 'reassign':
    case 'return':
    case 'reply':
    case 'verify_fail':
    case 'note':
      return {
        action,
        note: '说明理由',
        ...(action === 'reassign' ? { responsible: { kind: 'community', ref: '371602001001' } } : {}),
      };
    case 'dispatch':
      return { action, responsible: { kind: 'grid', ref: row.gridCode ?? '' } };
    case 'extend':
      return { action, note: '需要协调施工', extension: { limit: 5, unit: 'working_days' } };
    case 'rate':
      return { action, rating: 'basic', resolved: true, note: '还行' };
    case 'merge': {
      const into = await demandIn(h, 'registered');
      return { action, intoId: into };
    }
    case 'whistle':
      return { action, note: '需要城管配合', unitId: h.units.deptA };
    case 'report_in': {
      const res = await act(h, h.as.district, id, {
        action: 'whistle',
        note: '请报到',
        unitId: h.units.deptA,
      });
      return { action, whistleId: (res.json() as DemandDetail).whistles[0]?.id ?? '' };
    }
    default:
      return { action };
  }
}

const refusedFrom = (action: DemandAction): DemandStatus =>
  (['received', 'declined', 'rated', 'closed', 'replied'] as DemandStatus[]).find(
    (s) => !(DEMAND_ACTIONS[action].from as readonly DemandStatus[]).includes(s),
  ) as DemandStatus;

describe('every handling step, from a state that allows it and from one that does not', () => {
  it.each(DEMAND_ACTION_NAMES)('%s moves the demand as the workflow table says', async (action) => {
    const rule = DEMAND_ACTIONS[action];
    const from = rule.from[0] as DemandStatus;
    const id = await demandIn(h, from as keyof typeof PATH_TO);
    const res = await act(h, h.as.district, id, await bodyFor(action, id));
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json() as DemandDetail;
    expect(detail.status).toBe(rule.to ?? from);
    expect(detail.events.at(-1)?.action).toBe(action);
    const audit = await h.t.db.kysely
      .selectFrom('auditLog')
      .select('action')
      .where('targetId', '=', id)
      .where('action', '=', `demands.${action}`)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it.each(DEMAND_ACTION_NAMES)(
    '%s is refused with 409 from a state it does not start from',
    async (action) => {
      const from = refusedFrom(action);
      const id = await demandIn(h, from as keyof typeof PATH_TO);
      const res = await act(h, h.as.district, id, await bodyFor(action, id).catch(() => ({ action })));
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'demands.invalid_transition', from, action });
      expect((await demandRow(h, id)).status).toBe(from);
    },
  );

  it('a step that needs a reason is refused without one, naming the note', async () => {
    const id = await demandIn(h, 'received');
    const res = await act(h, h.as.district, id, { action: 'decline', note: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'demands.reason_required', errors: [{ field: 'note' }] });
    expect((await demandRow(h, id)).status).toBe('received');
  });

  // On PostgreSQL both requests read 'dispatched' and race to the guarded update (the guard is what
  // refuses the second); SQLite serializes the writers, so there the second sees the new state.
  it('of two concurrent accepts, one wins and the other gets 409', async () => {
    const id = await demandIn(h, 'dispatched');
    const results = await Promise.all([
      act(h, h.as.gridA1, id, { action: 'accept' }),
      act(h, h.as.district, id, { action: 'accept' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await h.t.db.kysely
      .selectFrom('demandEvents')
      .select('action')
      .where('demandId', '=', id)
      .where('action', '=', 'accept')
      .execute();
    expect(events).toHaveLength(1);
  });
});

describe('what each step records', () => {
  it('a failed check sends the demand back to handling and counts as rework', async () => {
    const id = await demandIn(h, 'replied');
    const failed = await act(h, h.as.streetA, id, { action: 'verify_fail', note: '路灯仍不亮' });
    expect(failed.json()).toMatchObject({ status: 'in_hand', reworkCount: 1 });
    await act(h, h.as.gridA1, id, { action: 'reply', note: '已更换灯泡' });
    const again = await act(h, h.as.streetA, id, { action: 'verify_fail', note: '还是不亮' });
    expect(again.json()).toMatchObject({ status: 'in_hand', reworkCount: 2 });
  });

  it('the first contact is kept; a later contact is a step only', async () => {
    const id = await demandIn(h, 'dispatched');
    const first = (await act(h, h.as.gridA1, id, { action: 'contact' })).json() as DemandDetail;
    expect(first.firstContactedAt).not.toBeNull();
    expect(first.events.at(-1)?.data).toMatchObject({ first: true, onTime: true });
    const second = (
      await act(h, h.as.gridA1, id, { action: 'contact', note: '再次联系' })
    ).json() as DemandDetail;
    expect(second.firstContactedAt).toBe(first.firstContactedAt);
    expect(second.events.at(-1)?.data).toMatchObject({ first: false });
  });

  it('an extension needs the new limit, moves the due time and is counted', async () => {
    const id = await demandIn(h, 'in_hand');
    const missing = await act(h, h.as.streetA, id, { action: 'extend', note: '等待配件' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ errors: [{ field: 'extension', reason: 'required' }] });
    const before = await demandRow(h, id);
    const res = await act(h, h.as.streetA, id, {
      action: 'extend',
      note: '等待配件',
      extension: { limit: 10, unit: 'working_days' },
    });
    const d = res.json() as DemandDetail;
    expect(d.extensionCount).toBe(1);
    expect(d.dueAt! > before.dueAt!).toBe(true);
    expect(d.events.at(-1)?.data).toMatchObject({ previousDueAt: before.dueAt, dueAt: d.dueAt });
  });

  it('accept makes the one who accepts the handler when nobody was named', async () => {
    const id = await demandIn(h, 'dispatched');
    const d = (await act(h, h.as.gridA1, id, { action: 'accept' })).json() as DemandDetail;
    expect(d.handlerUserId).toBe(h.ids.gridA1);
  });

  it('a decline keeps its reason on the timeline', async () => {
    const id = await demandIn(h, 'received');
    const d = (
      await act(h, h.as.streetA, id, { action: 'decline', note: '不属于受理范围' })
    ).json() as DemandDetail;
    expect(d.status).toBe('declined');
    expect(d.events.at(-1)).toMatchObject({ action: 'decline', note: '不属于受理范围' });
  });

  it('photos on a step must be files the actor uploaded', async () => {
    const id = await demandIn(h, 'in_hand');
    const res = await act(h, h.as.gridA1, id, { action: 'note', note: '现场照片', photos: ['a'.repeat(64)] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'photos' }] });
  });
});

describe('merging two reports of the same matter', () => {
  it('the merged demand points to the one it joined, which lists it and says so on its timeline', async () => {
    const into = await demandIn(h, 'dispatched');
    const id = await demandIn(h, 'received');
    const merged = (await act(h, h.as.streetA, id, { action: 'merge', intoId: into })).json() as DemandDetail;
    const target = (await getDetail(h, h.as.streetA, into)).json() as DemandDetail;
    expect(merged).toMatchObject({ status: 'merged', mergedInto: { id: into, number: target.number } });
    expect(target.mergedFrom).toEqual([{ id, number: merged.number }]);
    expect(target.events.at(-1)).toMatchObject({ action: 'merged_in', data: { number: merged.number } });
  });

  it.each([
    ['itself', 'self'],
    ['a demand that has ended', 'closed'],
    ['a demand of another category', 'other'],
    ['a demand outside the caller’s scope', 'streetB'],
  ])('a demand cannot be merged into %s', async (_label, kind) => {
    const id = await demandIn(h, 'received');
    let into = id;
    if (kind === 'closed') into = await demandIn(h, 'closed');
    if (kind === 'other') {
      const { ensureFixtureCategory } = await import('./demands.fixtures');
      const code = await ensureFixtureCategory(h.t.db.kysely, { code: 'fixture.noise' });
      into = await demandIn(h, 'registered', { categoryCode: code });
    }
    if (kind === 'streetB') into = await demandIn(h, 'registered', { location: { lng: 12, lat: 5 } });
    const res = await act(h, h.as.streetA, id, { action: 'merge', intoId: into });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'intoId' }] });
  });
});

describe('who may take which step', () => {
  it('a grid worker cannot register a demand (403: no demands.manage anywhere)', async () => {
    const id = await demandIn(h, 'received');
    const res = await act(h, h.as.gridA1, id, { action: 'register' });
    expect(res.statusCode).toBe(403);
  });

  it('a street A official can neither see nor act on street B’s demand (404)', async () => {
    const id = await demandIn(h, 'received', { location: { lng: 12, lat: 5 } });
    expect((await getDetail(h, h.as.streetA, id)).statusCode).toBe(404);
    expect((await act(h, h.as.streetA, id, { action: 'register' })).statusCode).toBe(404);
    expect((await getDetail(h, h.as.streetB, id)).statusCode).toBe(200);
  });

  it('property staff of another compound cannot act on the demand (404)', async () => {
    const id = await demandIn(h, 'dispatched');
    expect((await act(h, h.as.propB1, id, { action: 'accept' })).statusCode).toBe(404);
    expect((await act(h, h.as.propA1, id, { action: 'accept' })).statusCode).toBe(200);
  });

  it('the detail offers only the steps the caller may take now', async () => {
    const id = await demandIn(h, 'dispatched');
    const official = (await getDetail(h, h.as.streetA, id)).json() as DemandDetail;
    expect(official.allowedActions).toEqual(
      expect.arrayContaining(['reassign', 'return', 'accept', 'contact', 'extend', 'whistle', 'note']),
    );
    const worker = (await getDetail(h, h.as.gridA1, id)).json() as DemandDetail;
    expect(worker.allowedActions.sort()).toEqual(['accept', 'contact', 'note', 'return']);
    const committee = (await getDetail(h, h.as.committee, id)).json() as DemandDetail;
    expect(committee.allowedActions).toEqual([]);
  });
});
