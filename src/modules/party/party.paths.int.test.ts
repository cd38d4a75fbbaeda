import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { chinaToday } from '../areas/index';
import { addLifeRecord, addMember, buildChain, SMALL_CITY as C, linkHousehold } from './party.fixtures';

// A place that moves in the area tree takes the party records bound to it along (CAPABILITIES §1.1:
// the chain is bound to the area tree), in the area change's own transaction.

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely, { householdsPerCompound: 3 });
  await t.createUser({ username: 'admin1', assignments: [{ role: 'city_admin', scopePath: '3716' }] });
  admin = await t.login('admin1');
});
afterAll(() => t.close());

const OLD = `3716/371602/371602001/${C.communityA}/${C.gridA2}`;
const NEW = `3716/371602/371602002/${C.communityB}/${C.gridA2}`;

describe('moving a grid to another community', () => {
  it('re-paths its branch, groups, central households, links, life records and transfers', async () => {
    const db = t.db.kysely;
    const chain = await buildChain(db, {
      community: C.communityA,
      grid: C.gridA2,
      building: C.buildingA2,
      centralHousehold: C.household(C.gridA2, 1),
    });
    await linkHousehold(db, chain.central.id, C.household(C.gridA2, 2));
    await addLifeRecord(db, { orgId: chain.branch.id, heldOn: '2026-01-05' });
    const member = await addMember(db, { householdCode: C.household(C.gridA2, 3), relationElsewhere: 'x' });
    const transfer = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/party/transfers',
      body: { memberId: member, fromOrgText: 'x', toOrgId: chain.branch.id },
    });
    expect(transfer.statusCode).toBe(201);

    expect(
      (await t.request(admin, { method: 'GET', url: `/api/v1/party/reach?area=${C.gridA2}` })).json().reached,
    ).toBe(3);
    const move = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/areas/nodes/${C.gridA2}/move`,
      body: { effectiveDate: chinaToday(), newParentCode: C.communityB },
    });
    expect(move.statusCode).toBe(200);
    const reach = async () =>
      (await t.request(admin, { method: 'GET', url: `/api/v1/party/reach?area=${C.gridA2}` })).json().reached;

    const paths = [
      ...(await db.selectFrom('partyOrgs').select('path').where('id', '!=', chain.community.id).execute()),
      ...(await db.selectFrom('centralHouseholdLinks').select('path').execute()),
      ...(await db.selectFrom('orgLifeRecords').select('path').execute()),
      ...(await db.selectFrom('partyTransfers').select('path').execute()),
    ].map((r) => r.path);
    expect(paths).toHaveLength(6);
    expect(paths.every((p) => p === NEW || p.startsWith(`${NEW}/`))).toBe(true);
    expect(paths.some((p) => p.startsWith(OLD))).toBe(false);
    const community = await db
      .selectFrom('partyOrgs')
      .select('path')
      .where('id', '=', chain.community.id)
      .executeTakeFirstOrThrow();
    expect(community.path).toBe(`3716/371602/371602001/${C.communityA}`);
    // The branch still hangs below community A's organisation, whose place no longer contains it:
    // the chain is broken (and reaches nobody) until the branch is put under community B's.
    const detail = await t.request(admin, { method: 'GET', url: `/api/v1/party/orgs/${chain.central.id}` });
    expect(detail.json().chainIntact).toBe(false);
    expect(await reach()).toBe(0);
    const communityB = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/party/orgs',
      body: { kind: 'community_committee', name: '市西社区党委', areaCode: C.communityB },
    });
    const reparent = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/party/orgs/${chain.branch.id}`,
      body: { parentId: communityB.json().id },
    });
    expect(reparent.json().chainIntact).toBe(true);
    expect(await reach()).toBe(3);
  });
});
