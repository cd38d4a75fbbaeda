import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../server/testing';
import { fileTestDemand, walk } from './demands.fixtures';
import { createHandlingTestApp, getDetail, type HandlingTestApp } from './demands.handling.fixtures';
import type { DemandDetail } from './demands.schemas';

// The reporter over HTTP: masked in the list and the detail for officials, plaintext for the
// reporter, revealed with a reason and an audit entry to those who must call back, never for an
// anonymous demand (PIPL art. 6).

let h: HandlingTestApp;
let named: string;
let anonymous: string;

beforeAll(async () => {
  h = await createHandlingTestApp();
  named = (await fileTestDemand(h.t, h.as.resident, { reporterName: '张三丰', reporterPhone: '13812345678' }))
    .id;
  anonymous = (
    await fileTestDemand(h.t, h.as.resident, {
      anonymous: true,
      reporterName: '李四',
      reporterPhone: '13900001111',
    })
  ).id;
  for (const id of [named, anonymous]) await walk(h.t, h.as.district, id, ['register', 'dispatch']);
});
afterAll(() => h.close());

const reveal = (s: Session, id: string, reason?: string) =>
  h.t.request(s, {
    method: 'POST',
    url: `/api/v1/demands/${id}/reporter/reveal`,
    body: reason === undefined ? {} : { reason },
  });
const reveals = () =>
  h.t.db.kysely
    .selectFrom('auditLog')
    .select(['targetId', 'summary', 'actorLabel'])
    .where('action', '=', 'demands.reveal_reporter')
    .orderBy('seq')
    .execute();

describe('the reporter as each caller sees them', () => {
  it('an official sees masks in the detail and nothing of the reporter in the list', async () => {
    const d = (await getDetail(h, h.as.streetA, named)).json() as DemandDetail;
    expect(d.reporter).toEqual({ name: '张*丰', phone: '138****5678', anonymous: false, masked: true });
    const list = await h.t.request(h.as.streetA, { method: 'GET', url: '/api/v1/demands' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('13812345678');
    expect(list.body).not.toContain('张三丰');
    expect(list.body).not.toContain('13900001111');
  });

  it('the reporter sees their own name and phone', async () => {
    const d = (await getDetail(h, h.as.resident, named)).json() as DemandDetail;
    expect(d).toMatchObject({
      isMine: true,
      reporter: { name: '张三丰', phone: '13812345678', masked: false },
    });
  });

  it('an anonymous demand shows no name and no phone to officials; the reporter still sees their phone', async () => {
    const d = (await getDetail(h, h.as.streetA, anonymous)).json() as DemandDetail;
    expect(d.reporter).toEqual({ name: null, phone: null, anonymous: true, masked: true });
    const own = (await getDetail(h, h.as.resident, anonymous)).json() as DemandDetail;
    expect(own.reporter).toMatchObject({ phone: '13900001111', anonymous: true });
    const raw = await getDetail(h, h.as.district, anonymous);
    expect(raw.body).not.toContain('1390000');
  });

  it('another resident cannot open the demand (404)', async () => {
    expect((await getDetail(h, h.as.neighbour, named)).statusCode).toBe(404);
  });
});

describe('revealing the full phone to the one who must call back', () => {
  it('a manager of the place gets it with a reason, audited with the reason', async () => {
    const before = (await reveals()).length;
    const res = await reveal(h.as.streetA, named, '回访核实办理情况');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: '张三丰', phone: '13812345678' });
    const after = await reveals();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ targetId: named, actorLabel: 'streetA' });
    expect(JSON.parse(after.at(-1)!.summary)).toMatchObject({ reason: '回访核实办理情况' });
    expect(after.at(-1)!.summary).not.toContain('13812345678');
  });

  it('the worker of the responsible grid may; a worker of the next grid sees nothing (404)', async () => {
    expect((await reveal(h.as.gridA1, named, '上门核实')).statusCode).toBe(200);
    expect((await reveal(h.as.gridA2, named, '上门核实')).statusCode).toBe(404);
  });

  it('property staff at the place are refused while the grid is responsible (403)', async () => {
    const res = await reveal(h.as.propA1, named, '联系维修');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'demands.reveal_forbidden' });
  });

  it('a reason of at least two characters is required', async () => {
    const res = await reveal(h.as.streetA, named, '回');
    expect(res.statusCode).toBe(400);
    expect((await reveal(h.as.streetA, named)).statusCode).toBe(400);
  });

  it('those without demands.handle get 403; another street 404', async () => {
    expect((await reveal(h.as.committee, named, '查看')).statusCode).toBe(403);
    expect((await reveal(h.as.auditor, named, '查看')).statusCode).toBe(403);
    expect((await reveal(h.as.resident, named, '查看')).statusCode).toBe(403);
    expect((await reveal(h.as.streetB, named, '查看')).statusCode).toBe(404);
  });

  it('an anonymous demand is never revealed, not even to a manager, and nothing is audited', async () => {
    const before = (await reveals()).length;
    const res = await reveal(h.as.district, anonymous, '回访核实');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'demands.anonymous' });
    expect(res.body).not.toContain('1390000');
    expect(await reveals()).toHaveLength(before);
  });
});
