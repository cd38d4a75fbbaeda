import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids';
import type { Session } from '../../server/testing';
import { FIXTURE_CATEGORY, GRID_A1, POINT_A1 } from '../demands/demands.fixtures';
import { act, createHandlingTestApp, type HandlingTestApp } from '../demands/demands.handling.fixtures';

// In-app messages through the HTTP API: a resident files, officials take the steps, and the
// resident's and the handler's messages follow the rule of demands.notices.ts; each user reads
// and clears only their own.

let h: HandlingTestApp;
let demandId: string;

type Item = {
  id: string;
  kind: string;
  subjectId: string;
  params: Record<string, unknown>;
  readAt: string | null;
};

const file = async (session: Session, description: string) => {
  const res = await h.t.request(session, {
    method: 'POST',
    url: '/api/v1/demands',
    body: {
      categoryCode: FIXTURE_CATEGORY,
      description,
      channel: 'mobile',
      location: POINT_A1,
      reporterName: '张三丰',
      reporterPhone: '13812345678',
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};
const step = async (session: Session, id: string, body: Record<string, unknown>) => {
  const res = await act(h, session, id, body);
  expect(res.statusCode, res.body).toBe(200);
};
const unread = async (session: Session) => {
  const res = await h.t.request(session, { method: 'GET', url: '/api/v1/notifications/unread-count' });
  expect(res.statusCode).toBe(200);
  return res.json().count as number;
};
const list = async (session: Session, query = '') => {
  const res = await h.t.request(session, { method: 'GET', url: `/api/v1/notifications${query}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Item[]; nextCursor: string | null };
};
const dispatch = { action: 'dispatch', responsible: { kind: 'grid', ref: GRID_A1 } };

beforeAll(async () => {
  h = await createHandlingTestApp();
});
afterAll(() => h.close());

describe('a resident hears of their demand as it moves', () => {
  it('each step that changes what they can expect adds one unread message; internal steps add none', async () => {
    const { resident, district, gridA1 } = h.as;
    demandId = await file(resident, '楼道灯坏了，请联系我13812345678');
    expect(await unread(resident)).toBe(0);
    await step(district, demandId, { action: 'register' });
    expect(await unread(resident)).toBe(1);
    await step(district, demandId, { ...dispatch, handlerUserId: h.ids.gridA1 });
    expect(await unread(resident)).toBe(2);
    expect(await unread(gridA1)).toBe(1);
    await step(gridA1, demandId, { action: 'accept' });
    await step(gridA1, demandId, { action: 'contact' });
    await step(gridA1, demandId, { action: 'note', note: '约好明早上门' });
    expect(await unread(resident)).toBe(2);
    await step(district, demandId, {
      action: 'extend',
      note: '需采购配件',
      extension: { limit: 2, unit: 'working_days' },
    });
    await step(gridA1, demandId, { action: 'reply', note: '已更换，已电话告知 13812345678' });
    expect(await unread(resident)).toBe(4);
    await step(district, demandId, { action: 'verify_fail', note: '现场仍不亮' });
    expect(await unread(gridA1)).toBe(2);
    expect(await unread(resident)).toBe(4);
    await step(gridA1, demandId, { action: 'reply', note: '已重新接线' });
    await step(district, demandId, { action: 'verify_pass' });
    await step(district, demandId, { action: 'close' });
    expect(await unread(resident)).toBe(6);
    await step(resident, demandId, { action: 'rate', rating: 'satisfied', resolved: true });
    expect(await unread(resident)).toBe(6);
    expect(await unread(district)).toBe(0);
  });

  it('lists them newest first with the right kinds, notes masked, paged by cursor', async () => {
    const { items } = await list(h.as.resident);
    expect(items.map((i) => i.kind)).toEqual([
      'demand.closed',
      'demand.replied',
      'demand.replied',
      'demand.extended',
      'demand.dispatched',
      'demand.registered',
    ]);
    expect(items.every((i) => i.subjectId === demandId && i.readAt === null)).toBe(true);
    expect(items[2]?.params).toMatchObject({
      reply: '已更换，已电话告知 138****5678',
      categoryZh: `测试类别${FIXTURE_CATEGORY}`,
    });
    expect(items[4]?.params.dueAt).toEqual(expect.any(String));

    const first = await list(h.as.resident, '?limit=4');
    expect(first.items.map((i) => i.id)).toEqual(items.slice(0, 4).map((i) => i.id));
    const second = await list(h.as.resident, `?limit=4&before=${first.nextCursor}`);
    expect(second.items.map((i) => i.id)).toEqual(items.slice(4).map((i) => i.id));
    expect(second.nextCursor).toBeNull();
  });

  it('the handler hears of the assignment and the rework, with no word of the reporter', async () => {
    const { items } = await list(h.as.gridA1);
    expect(items.map((i) => i.kind)).toEqual(['demand.rework', 'demand.assigned']);
    expect(items[0]?.params).toMatchObject({ reason: '现场仍不亮', rework: 1 });
    const text = JSON.stringify(items);
    expect(text).not.toContain('1381234');
    expect(text).not.toContain('张');
  });

  it('reading one lowers the count; read-all clears it; unread=true lists what is left', async () => {
    const { resident } = h.as;
    const { items } = await list(resident);
    const res = await h.t.request(resident, {
      method: 'POST',
      url: `/api/v1/notifications/${items[0]!.id}/read`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().readAt).toEqual(expect.any(String));
    expect(await unread(resident)).toBe(5);
    expect((await list(resident, '?unread=true')).items.map((i) => i.id)).toEqual(
      items.slice(1).map((i) => i.id),
    );
    const all = await h.t.request(resident, { method: 'POST', url: '/api/v1/notifications/read-all' });
    expect(all.json()).toEqual({ marked: 5 });
    expect(await unread(resident)).toBe(0);
    expect((await list(resident)).items).toHaveLength(6);
  });

  it('another user’s message is 404 and stays unread; without the CSRF token a write is refused', async () => {
    const { items } = await list(h.as.gridA1);
    const theirs = items[0]!.id;
    for (const who of [h.as.neighbour, h.as.district]) {
      const res = await h.t.request(who, { method: 'POST', url: `/api/v1/notifications/${theirs}/read` });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('notifications.notification_not_found');
    }
    const noCsrf = await h.t.request(h.as.gridA1, {
      method: 'POST',
      url: `/api/v1/notifications/${theirs}/read`,
      csrf: false,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await unread(h.as.gridA1)).toBe(2);
  });

  it('anonymous callers get 401 on every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/notifications'],
      ['GET', '/api/v1/notifications/unread-count'],
      ['POST', '/api/v1/notifications/read-all'],
      ['POST', `/api/v1/notifications/${newId()}/read`],
    ] as const) {
      const res = await h.t.request(null, { method, url });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('read messages older than 180 days are dropped when the list is read; unread ones stay', async () => {
    const old = new Date(Date.now() - 200 * 86_400_000);
    const row = (readAt: string | null) => ({
      id: newId(old.getTime()),
      userId: h.ids.resident,
      kind: 'demand.registered',
      subjectType: 'demand' as const,
      subjectId: demandId,
      params: '{}',
      createdAt: old.toISOString(),
      readAt,
    });
    const [oldRead, oldUnread] = [row(old.toISOString()), row(null)];
    await h.t.db.kysely.insertInto('notifications').values([oldRead, oldUnread]).execute();
    const ids = (await list(h.as.resident)).items.map((i) => i.id);
    expect(ids).toContain(oldUnread.id);
    expect(ids).not.toContain(oldRead.id);
  });
});

describe('merging keeps both reporters informed', () => {
  it('the merged demand’s reporter is told the number it joined, then hears that demand’s steps with its own reporter', async () => {
    const { resident, neighbour, district } = h.as;
    const before = { resident: await unread(resident), neighbour: await unread(neighbour) };
    const target = await file(neighbour, '小区门口路灯不亮');
    const joined = await file(resident, '小区门口的路灯坏了');
    await step(district, target, { action: 'register' });
    await step(district, joined, { action: 'merge', intoId: target });
    const merged = (await list(resident)).items[0]!;
    const targetNumber = (
      await h.t.db.kysely
        .selectFrom('demands')
        .select('number')
        .where('id', '=', target)
        .executeTakeFirstOrThrow()
    ).number;
    expect(merged).toMatchObject({
      kind: 'demand.merged',
      subjectId: target,
      params: { intoId: target, intoNumber: targetNumber },
    });
    await step(district, target, dispatch);
    for (const who of [resident, neighbour])
      expect((await list(who)).items[0]).toMatchObject({ kind: 'demand.dispatched', subjectId: target });
    expect(await unread(resident)).toBe(before.resident + 2);
    expect(await unread(neighbour)).toBe(before.neighbour + 2);
  });

  it('a follower hears the steps like the reporter', async () => {
    const id = await file(h.as.resident, '垃圾桶满了没人清');
    const follow = await h.t.request(h.as.neighbour, { method: 'POST', url: `/api/v1/demands/${id}/follow` });
    expect(follow.statusCode).toBe(200);
    await step(h.as.district, id, { action: 'register' });
    expect((await list(h.as.neighbour)).items[0]).toMatchObject({ kind: 'demand.registered', subjectId: id });
  });
});

describe('a refused step', () => {
  it('writes no message (409, and 400 for a missing reason)', async () => {
    const id = await file(h.as.resident, '井盖松动');
    const count = async () =>
      Number(
        (
          await h.t.db.kysely
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect((await act(h, h.as.district, id, { action: 'close' })).statusCode).toBe(409);
    expect((await act(h, h.as.district, id, { action: 'decline' })).statusCode).toBe(400);
    await step(h.as.district, id, { action: 'register' });
    expect((await act(h, h.as.district, id, { action: 'register' })).statusCode).toBe(409);
    expect(await count()).toBe(before + 1);
  });
});
