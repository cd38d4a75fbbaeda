import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing';
import { buildSmallCity } from '../areas/areas.fixtures';
import { addOrg, SMALL_CITY } from './party.fixtures';

let db: TestDb;

beforeAll(async () => {
  db = await createTestDb();
  await buildSmallCity(db.kysely);
});
afterAll(() => db.cleanup());

describe('the database itself keeps one active organisation of a kind per place', () => {
  it('a second active community organisation on the same community is refused', async () => {
    await addOrg(db.kysely, { kind: 'community_committee', areaCode: SMALL_CITY.communityA });
    await expect(
      addOrg(db.kysely, { kind: 'community_committee', areaCode: SMALL_CITY.communityA }),
    ).rejects.toThrow();
  });

  it('a dissolved organisation does not block a new one on the same place', async () => {
    await addOrg(db.kysely, {
      kind: 'community_committee',
      areaCode: SMALL_CITY.communityB,
      status: 'dissolved',
    });
    await addOrg(db.kysely, {
      kind: 'community_committee',
      areaCode: SMALL_CITY.communityB,
      status: 'dissolved',
    });
    const active = await addOrg(db.kysely, { kind: 'community_committee', areaCode: SMALL_CITY.communityB });
    expect(active.status).toBe('active');
  });
});
