// Demo accounts that belong to places of the generated city: the official of the first community
// of 市中街道 and the grid worker of its first grid, whose scopes exist only once the city does; for
// the demands pages, a resident (jumin, city-wide) and a property company's staff member (wuye) of
// the community's first compound.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DemoLogin } from '../../modules/iam/index';

/** The street whose first community and grid get demo accounts (滨城区 市中街道). */
export const DEMO_STREET_CODE = '371602001';

export interface PlaceLogins {
  logins: DemoLogin[];
  /** The grid whose full-time worker the `wangge` account is. */
  gridCode: string | null;
}

/** The resident who files and follows demands on the mobile pages (居民: demands.create only). */
export const RESIDENT_LOGIN: DemoLogin = {
  username: 'jumin',
  displayName: '居民',
  role: 'resident',
  scopePath: '3716',
};

/**
 * `shequ` and `wangge`, when the demo street has a community and a grid (it has, at any scale ≥ 1);
 * `wuye` when the community has a compound; and `jumin`.
 */
export async function placeLogins(db: Kysely<Database>): Promise<PlaceLogins> {
  const community = await firstChild(db, DEMO_STREET_CODE, 'community');
  if (!community) return { logins: [RESIDENT_LOGIN], gridCode: null };
  const logins: DemoLogin[] = [
    {
      username: 'shequ',
      displayName: `${community.name.replace(/社区$/, '')}社区干部`,
      role: 'community_official',
      scopePath: community.path,
    },
  ];
  const grid = await firstChild(db, community.code, 'grid');
  if (grid)
    logins.push({
      username: 'wangge',
      displayName: `${community.name}${grid.name}网格员`,
      role: 'grid_worker',
      scopePath: grid.path,
    });
  const compound = await firstCompound(db, community.path);
  if (compound)
    logins.push({
      username: 'wuye',
      displayName: `${compound.name}物业服务人员`,
      role: 'property_staff',
      scopePath: compound.path,
    });
  logins.push(RESIDENT_LOGIN);
  return { logins, gridCode: grid?.code ?? null };
}

/**
 * The community's first compound in path order (compounds lie in its grids), a 小区 if it has one:
 * scattered courtyards (散居楼院) have no property company to work for.
 */
async function firstCompound(db: Kysely<Database>, communityPath: string) {
  const compounds = await db
    .selectFrom('areas')
    .select(['code', 'name', 'path', 'kind'])
    .where('path', '>=', `${communityPath}/`)
    .where('path', '<', `${communityPath}0`)
    .where('level', '=', 'compound')
    .where('status', '=', 'active')
    .orderBy('path')
    .execute();
  return compounds.find((c) => c.kind !== '散居楼院') ?? compounds[0];
}

function firstChild(db: Kysely<Database>, parentCode: string, level: 'community' | 'grid') {
  return db
    .selectFrom('areas')
    .select(['code', 'name', 'path'])
    .where('parentCode', '=', parentCode)
    .where('level', '=', level)
    .where('status', '=', 'active')
    .orderBy('sortOrder')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Makes the account the grid's full-time worker (专职网格员), unless that post is held already.
 * Reads the account's id from iam's table: the iam module has no public lookup by username yet.
 */
export async function linkGridWorker(
  db: Kysely<Database>,
  opts: { gridCode: string; username: string },
): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', opts.username)
    .executeTakeFirst();
  if (!user) return false;
  const result = await db
    .updateTable('gridStaff')
    .set({ userId: user.id })
    .where('gridCode', '=', opts.gridCode)
    .where('duty', '=', 'full_time')
    .where('userId', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
