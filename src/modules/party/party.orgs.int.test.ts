import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../server/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { addMember, addOrg, SMALL_CITY as C } from './party.fixtures';

const STREET_A = '3716/371602/371602001';
const STREET_B = '3716/371602/371602002';
let t: TestApp;
let admin: Session;
let streetA: Session;
let streetB: Session;
let auditor: Session;
let worker: Session;

beforeAll(async () => {
  t = await createTestApp();
  await buildSmallCity(t.db.kysely, { householdsPerCompound: 4 });
  const users = [
    ['admin1', 'city_admin', '3716'],
    ['streeta', 'street_official', STREET_A],
    ['streetb', 'street_official', STREET_B],
    ['auditor1', 'auditor', '3716'],
    ['workera', 'grid_worker', `${STREET_A}/${C.communityA}/${C.gridA1}`],
  ] as const;
  for (const [username, role, scopePath] of users)
    await t.createUser({ username, assignments: [{ role, scopePath }] });
  [admin, streetA, streetB, auditor, worker] = (await Promise.all(
    users.map(([u]) => t.login(u)),
  )) as Session[] as [Session, Session, Session, Session, Session];
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const req = (s: Session, method: Method, url: string, body?: unknown) => t.request(s, { method, url, body });
const create = (s: Session, body: object) => req(s, 'POST', '/api/v1/party/orgs', body);

describe('building the chain of street A through the API', () => {
  const ids: Record<string, string> = {};

  it('a street official sets up the community organisation, grid branch, building group and central household', async () => {
    const community = await create(streetA, {
      kind: 'community_committee',
      name: '市中社区党委',
      areaCode: C.communityA,
    });
    expect(community.statusCode).toBe(201);
    ids.community = community.json().id;
    const branch = await create(streetA, {
      kind: 'grid_branch',
      name: '第1网格党支部',
      areaCode: C.gridA1,
      parentId: ids.community,
      meetingPlace: '网格党群服务站',
    });
    expect(branch.statusCode).toBe(201);
    ids.branch = branch.json().id;
    const group = await create(streetA, {
      kind: 'building_group',
      name: '1号楼党小组',
      areaCode: C.buildingA1,
      parentId: ids.branch,
    });
    ids.group = group.json().id;
    const central = await create(streetA, {
      kind: 'central_household',
      name: '张大姐党员中心户',
      areaCode: C.household(C.gridA1, 1),
      parentId: ids.group,
    });
    expect(central.statusCode).toBe(201);
    ids.central = central.json().id;
    expect(central.json()).toMatchObject({
      chainIntact: true,
      ancestors: [{ id: ids.community }, { id: ids.branch }, { id: ids.group }],
    });
  });

  it('refuses a grid branch bound to a community (the level must match the kind)', async () => {
    const res = await create(streetA, {
      kind: 'grid_branch',
      name: 'x',
      areaCode: C.communityA,
      parentId: ids.community,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'party.wrong_area_level',
      expected: 'grid',
      actual: 'community',
    });
  });

  it('refuses a building group hung directly below the community organisation', async () => {
    const res = await create(streetA, {
      kind: 'building_group',
      name: 'x',
      areaCode: C.buildingA2,
      parentId: ids.community,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('party.wrong_parent');
    expect(res.json().errors[0]).toMatchObject({ field: 'parentId', reason: 'parent_wrong_kind' });
  });

  it('refuses a building group whose branch’s grid does not contain its building', async () => {
    const res = await create(streetA, {
      kind: 'building_group',
      name: 'x',
      areaCode: C.buildingA2,
      parentId: ids.branch,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].reason).toBe('parent_outside');
  });

  it('refuses a second active grid branch on the same grid', async () => {
    const res = await create(streetA, {
      kind: 'grid_branch',
      name: 'x',
      areaCode: C.gridA1,
      parentId: ids.community,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'party.duplicate_org', existingId: ids.branch });
  });

  it('shows the tree of the street, nested by parent, with kinds', async () => {
    const res = await req(streetA, 'GET', '/api/v1/party/orgs/tree?root=371602001');
    expect(res.statusCode).toBe(200);
    expect(res.json().truncated).toBe(false);
    const [root] = res.json().roots;
    expect(root).toMatchObject({ kind: 'community_committee', areaName: '市中社区' });
    expect(root.children[0]).toMatchObject({
      kind: 'grid_branch',
      name: '第1网格党支部',
      areaName: '第1网格',
    });
    expect(root.children[0].children[0].children[0].kind).toBe('central_household');
    const shallow = await req(streetA, 'GET', '/api/v1/party/orgs/tree?root=371602001&levels=2');
    expect(shallow.json().roots[0].children[0].children).toEqual([]);
  });

  it('appoints a secretary with background, and the branch detail shows post, member and checklist', async () => {
    const memberId = await addMember(t.db.kysely, {
      householdCode: C.household(C.gridA1, 2),
      name: '李书记',
      orgId: ids.branch,
    });
    const post = await req(streetA, 'POST', `/api/v1/party/orgs/${ids.branch}/posts`, {
      memberId,
      post: 'secretary',
      since: '2025-01-01',
      background: 'retired_cadre',
    });
    expect(post.statusCode).toBe(201);
    expect(post.json()).toMatchObject({ memberName: '李书记', inPost: true, background: 'retired_cadre' });
    const detail = (await req(streetA, 'GET', `/api/v1/party/orgs/${ids.branch}`)).json();
    expect(detail.posts).toHaveLength(1);
    expect(detail.members.map((m: { name: string }) => m.name)).toEqual(['李书记']);
    expect(detail.children.map((c: { id: string }) => c.id)).toEqual([ids.group]);
    const byRule = Object.fromEntries(
      detail.checklist.results.map((r: { rule: string; met: boolean }) => [r.rule, r.met]),
    );
    expect(byRule).toEqual({
      secretary_in_post: true,
      min_members: false,
      org_life_within_days: false,
      meeting_place: true,
    });
    // The member record shows only names and party facts: nothing of the sealed personal numbers.
    expect(JSON.stringify(detail)).not.toMatch(/idNumber|phone/i);

    const ended = await req(streetA, 'PATCH', `/api/v1/party/orgs/${ids.branch}/posts/${post.json().id}`, {
      until: '2024-12-31',
    });
    expect(ended.statusCode).toBe(400);
    expect(ended.json().code).toBe('party.invalid_period');
  });

  it('links households of the central household’s grid, and refuses one of another grid', async () => {
    const ok = await req(streetA, 'POST', `/api/v1/party/orgs/${ids.central}/households`, {
      householdCodes: [C.household(C.gridA1, 2), C.household(C.gridA1, 3)],
    });
    expect(ok.json()).toEqual({ added: 2 });
    const again = await req(streetA, 'POST', `/api/v1/party/orgs/${ids.central}/households`, {
      householdCodes: [C.household(C.gridA1, 2)],
    });
    expect(again.json()).toEqual({ added: 0 });
    const outside = await req(streetA, 'POST', `/api/v1/party/orgs/${ids.central}/households`, {
      householdCodes: [C.household(C.gridA2, 1)],
    });
    expect(outside.statusCode).toBe(409);
    expect(outside.json().code).toBe('party.household_outside_grid');
    const onBranch = await req(streetA, 'POST', `/api/v1/party/orgs/${ids.branch}/households`, {
      householdCodes: [C.household(C.gridA1, 2)],
    });
    expect(onBranch.json().code).toBe('party.wrong_kind');
    const detail = (await req(streetA, 'GET', `/api/v1/party/orgs/${ids.central}`)).json();
    expect(detail.households.map((h: { place: string }) => h.place)).toEqual([
      '市中1号小区 / 1号楼 / 1单元',
      '市中1号小区 / 1号楼 / 1单元',
    ]);
    const unlink = await req(
      streetA,
      'DELETE',
      `/api/v1/party/orgs/${ids.central}/households/${C.household(C.gridA1, 3)}`,
    );
    expect(unlink.statusCode).toBe(204);
  });

  it('will not dissolve a branch with active groups below; dissolves from the bottom up, ending open posts', async () => {
    const blocked = await req(streetA, 'POST', `/api/v1/party/orgs/${ids.branch}/dissolve`, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'party.has_active_children', count: 1 });
    for (const id of [ids.central, ids.group]) {
      const res = await req(streetA, 'POST', `/api/v1/party/orgs/${id}/dissolve`, {});
      expect(res.json().status).toBe('dissolved');
    }
    const branch = await req(streetA, 'POST', `/api/v1/party/orgs/${ids.branch}/dissolve`, {});
    expect(branch.statusCode).toBe(200);
    expect(branch.json().posts[0].inPost).toBe(false);
    const edit = await req(streetA, 'PATCH', `/api/v1/party/orgs/${ids.branch}`, { name: 'x' });
    expect(edit.json().code).toBe('party.org_dissolved');
  });

  it('writes every change to the audit log with the place it concerns', async () => {
    const rows = await t.db.kysely
      .selectFrom('auditLog')
      .select(['action', 'scopePath'])
      .where('action', 'like', 'party.%')
      .where('action', 'not like', 'party.checklist.%')
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'party.org.create')).toHaveLength(4);
    expect(actions).toEqual(
      expect.arrayContaining([
        'party.post.add',
        'party.household.link',
        'party.household.unlink',
        'party.org.dissolve',
      ]),
    );
    expect(rows.every((r) => r.scopePath?.startsWith(STREET_A))).toBe(true);
  });
});

describe('who may read and change the chain', () => {
  let orgB: string;
  beforeAll(async () => {
    orgB = (await addOrg(t.db.kysely, { kind: 'community_committee', areaCode: C.communityB })).id;
  });

  it('another street’s official gets 404 for street B’s organisation, to read or to change', async () => {
    expect((await req(streetA, 'GET', `/api/v1/party/orgs/${orgB}`)).statusCode).toBe(404);
    const edit = await req(streetA, 'PATCH', `/api/v1/party/orgs/${orgB}`, { name: 'x' });
    expect(edit.statusCode).toBe(404);
    expect(edit.json().code).toBe('party.org_not_found');
    const build = await create(streetA, {
      kind: 'grid_branch',
      name: 'x',
      areaCode: C.gridB1,
      parentId: orgB,
    });
    expect(build.statusCode).toBe(404);
    const tree = await req(streetA, 'GET', '/api/v1/party/orgs/tree');
    expect(tree.body).not.toContain(orgB);
  });

  it('the street B official sees it; the auditor reads but may not write (403)', async () => {
    expect((await req(streetB, 'GET', `/api/v1/party/orgs/${orgB}`)).statusCode).toBe(200);
    expect((await req(auditor, 'GET', `/api/v1/party/orgs/${orgB}`)).statusCode).toBe(200);
    const res = await req(auditor, 'PATCH', `/api/v1/party/orgs/${orgB}`, { name: 'x' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'iam.forbidden', permission: 'party.write' });
  });

  it('a grid worker reads the party tree of their grid but may not set up an organisation (403)', async () => {
    expect((await req(worker, 'GET', `/api/v1/party/orgs/tree?root=${C.gridA1}`)).statusCode).toBe(200);
    const res = await create(worker, { kind: 'community_committee', name: 'x', areaCode: C.communityA });
    expect(res.statusCode).toBe(403);
  });

  it('the city admin reads both streets', async () => {
    const tree = (await req(admin, 'GET', '/api/v1/party/orgs/tree?includeDissolved=true')).json();
    expect(tree.roots.map((r: { areaCode: string }) => r.areaCode).sort()).toEqual([
      C.communityA,
      C.communityB,
    ]);
  });
});
