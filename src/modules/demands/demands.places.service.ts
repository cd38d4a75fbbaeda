import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { commonErrors, type FieldProblem } from '../../server/errors';
import { type Actor, iamErrors, scopesFor } from '../iam/index';
import { demandsErrors } from './demands.errors';
import { findActiveArea, gridsNear, gridsUnder, streetsWithCommunities } from './demands.places.read';
import type { PlaceGrids, PlaceGridsQuery, PlaceStreets } from './demands.places.schemas';

// The map on the filing page for anyone who may file or read demands, a resident included: grid
// boundaries are public (滨州市社会治理网格化服务管理条例 art. 6), so the answer covers the whole
// city of the caller's scope, not only their own place. Nothing but names and boundaries is given.

type Db = Kysely<Database>;

/** The cities (first code of each scope) where the actor may file or read demands; 403 if none. */
export function placeCities(actor: Actor): string[] {
  const scopes = [...scopesFor(actor, 'demands.create'), ...scopesFor(actor, 'demands.read')];
  if (scopes.length === 0) throw iamErrors.forbidden('demands.create');
  return [...new Set(scopes.map((scope) => scope.split('/')[0] as string))];
}

const queryProblem = (field: string, reason: string, zh: string, en: string): FieldProblem => ({
  field,
  in: 'query',
  reason,
  message: { zh, en },
});

/** Exactly one way of asking: a point (lng and lat together) or an area code. */
export function placeQueryProblems(query: PlaceGridsQuery): FieldProblem[] {
  const hasLng = query.lng !== undefined;
  const hasLat = query.lat !== undefined;
  const hasArea = query.areaCode !== undefined;
  if (hasArea && (hasLng || hasLat))
    return [
      queryProblem(
        'areaCode',
        'exclusive',
        '位置（经纬度）与区域编码只能给出其一',
        'give either lng and lat or areaCode, not both',
      ),
    ];
  if (hasArea) return [];
  if (!hasLng && !hasLat)
    return [
      queryProblem(
        'areaCode',
        'required',
        '请给出位置（经纬度）或街道、社区编码',
        'give lng and lat, or the areaCode of a street or community',
      ),
    ];
  if (!hasLng)
    return [queryProblem('lng', 'required', '给出纬度时须同时给出经度', 'lng is required with lat')];
  if (!hasLat)
    return [queryProblem('lat', 'required', '给出经度时须同时给出纬度', 'lat is required with lng')];
  return [];
}

const GRID_PARENT_LEVELS = new Set(['street', 'community']);

/** The grids around a point, or under a street or community. */
export async function listPlaceGrids(opts: {
  db: Db;
  actor: Actor;
  query: PlaceGridsQuery;
}): Promise<PlaceGrids> {
  const { db, actor, query } = opts;
  const cities = placeCities(actor);
  const problems = placeQueryProblems(query);
  if (problems.length > 0) throw commonErrors.validation(problems);
  if (query.areaCode === undefined) return gridsNear(db, cities, [query.lng as number, query.lat as number]);
  const area = await findActiveArea(db, cities, query.areaCode);
  if (!area) throw commonErrors.notFound({ zh: '区域', en: 'Area' });
  if (!GRID_PARENT_LEVELS.has(area.level))
    throw demandsErrors.placeLevel([
      queryProblem('areaCode', 'level', '须为街道或社区编码', 'must be the code of a street or community'),
    ]);
  return gridsUnder(db, cities, area.path);
}

/** The streets of the caller's city and their communities, for a two-level picker. */
export async function listPlaceStreets(opts: { db: Db; actor: Actor }): Promise<PlaceStreets> {
  return streetsWithCommunities(opts.db, placeCities(opts.actor));
}
