import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { RequestsFilter } from './demands.open311.input';
import { demandStatusesOf, type PublicDemandFacts } from './demands.open311.mapping';
import { OPEN311_MAX_REQUESTS } from './demands.open311.schemas';
import type { CategoryRow, CategoryVersionRow } from './demands.table';

// The queries behind Open311: services are the active leaf categories with their current version;
// requests are every demand, read without any reporter column (public by the spec, see
// demands.open311.service.ts).

type Db = Kysely<Database>;

export interface ServiceRow {
  category: Pick<CategoryRow, 'code' | 'nameZh' | 'nameEn' | 'eventClass'>;
  version: Pick<CategoryVersionRow, 'handleLimit' | 'handleUnit' | 'firstContactHours' | 'attributes'>;
  parentName: string | null;
}

function servicesQuery(db: Db) {
  return (
    db
      .selectFrom('demandCategories as c')
      .innerJoin('demandCategoryVersions as v', (j) =>
        j.onRef('v.categoryCode', '=', 'c.code').onRef('v.version', '=', 'c.currentVersion'),
      )
      .leftJoin('demandCategories as p', 'p.code', 'c.parentCode')
      .select([
        'c.code',
        'c.nameZh',
        'c.nameEn',
        'c.eventClass',
        'v.handleLimit',
        'v.handleUnit',
        'v.firstContactHours',
        'v.attributes',
        'p.nameZh as parentName',
      ])
      .where('c.active', '=', 1)
      // A leaf: no active sub-category (a category whose subs were all retired is filed under itself).
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('demandCategories as ch')
              .select('ch.code')
              .whereRef('ch.parentCode', '=', 'c.code')
              .where('ch.active', '=', 1),
          ),
        ),
      )
  );
}

type ServiceQueryRow = Awaited<ReturnType<ReturnType<typeof servicesQuery>['execute']>>[number];
const toServiceRow = (r: ServiceQueryRow): ServiceRow => ({
  category: { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, eventClass: r.eventClass },
  version: {
    handleLimit: r.handleLimit,
    handleUnit: r.handleUnit,
    firstContactHours: r.firstContactHours,
    attributes: r.attributes,
  },
  parentName: r.parentName,
});

/** Every service, in catalogue order. */
export async function listServiceRows(db: Db): Promise<ServiceRow[]> {
  const rows = await servicesQuery(db).orderBy('c.sortOrder').orderBy('c.code').execute();
  return rows.map(toServiceRow);
}

/** One service, or undefined when the code is unknown, retired or has sub-categories. */
export async function findServiceRow(db: Db, code: string): Promise<ServiceRow | undefined> {
  const row = await servicesQuery(db).where('c.code', '=', code).executeTakeFirst();
  return row ? toServiceRow(row) : undefined;
}

/** The latest change of the catalogue (a category edited or a new version), for discovery's changeset. */
export async function catalogueChangedAt(db: Db): Promise<string | null> {
  const c = await db
    .selectFrom('demandCategories')
    .select((eb) => eb.fn.max('updatedAt').as('at'))
    .executeTakeFirst();
  const v = await db
    .selectFrom('demandCategoryVersions')
    .select((eb) => eb.fn.max('validFrom').as('at'))
    .executeTakeFirst();
  const all = [c?.at, v?.at].filter((x): x is string => typeof x === 'string');
  return all.length ? (all.sort().at(-1) ?? null) : null;
}

function publicDemandsQuery(db: Db) {
  return (
    db
      .selectFrom('demands as d')
      .innerJoin('demandCategories as c', 'c.code', 'd.categoryCode')
      .leftJoin('demandCategoryVersions as v', (j) =>
        j.onRef('v.categoryCode', '=', 'd.categoryCode').onRef('v.version', '=', 'd.categoryVersion'),
      )
      .leftJoin('demands as m', 'm.id', 'd.mergedIntoId')
      .select((eb) => [
        eb
          .selectFrom('demandEvents as e')
          .select((e) => e.fn.max('e.at').as('at'))
          .whereRef('e.demandId', '=', 'd.id')
          .as('lastEventAt'),
        eb
          .selectFrom('demandEvents as e')
          .select('e.note')
          .whereRef('e.demandId', '=', 'd.id')
          .where('e.action', '=', 'decline')
          .orderBy('e.seq', 'desc')
          .limit(1)
          .as('declineNote'),
      ])
      // Never a reporter column: these rows are published.
      .select([
        'd.number',
        'd.status',
        'd.categoryCode',
        'c.nameZh as serviceName',
        'd.description',
        'd.responsibleName',
        'd.receivedAt',
        'd.updatedAt',
        'd.dueAt',
        'd.address',
        'd.lat',
        'd.lng',
        'd.attributes',
        'v.handleLimit',
        'v.handleUnit',
        'v.firstContactHours',
        'm.number as mergedIntoNumber',
      ])
  );
}

type PublicQueryRow = Awaited<ReturnType<ReturnType<typeof publicDemandsQuery>['execute']>>[number];
const toFacts = (r: PublicQueryRow): PublicDemandFacts => ({
  ...r,
  lastEventAt: r.lastEventAt ?? null,
  declineNote: r.declineNote ?? null,
  lat: r.lat === null ? null : Number(r.lat),
  lng: r.lng === null ? null : Number(r.lng),
});

/** Demands for GET requests: by number, or within the window, newest first, at most 1000. */
export async function listPublicDemands(db: Db, filter: RequestsFilter): Promise<PublicDemandFacts[]> {
  let q = publicDemandsQuery(db);
  if (filter.kind === 'ids') q = q.where('d.number', 'in', filter.ids);
  else {
    q = q
      .where('d.receivedAt', '>=', filter.from.toISOString())
      .where('d.receivedAt', '<=', filter.to.toISOString());
    if (filter.serviceCodes.length) q = q.where('d.categoryCode', 'in', filter.serviceCodes);
    if (filter.statuses.length === 1)
      q = q.where('d.status', 'in', demandStatusesOf(filter.statuses[0] ?? 'open'));
  }
  const rows = await q
    .orderBy('d.receivedAt', 'desc')
    .orderBy('d.id', 'desc')
    .limit(OPEN311_MAX_REQUESTS)
    .execute();
  return rows.map(toFacts);
}

/** One demand by its number (the service_request_id). */
export async function findPublicDemand(db: Db, number: string): Promise<PublicDemandFacts | undefined> {
  const row = await publicDemandsQuery(db).where('d.number', '=', number).executeTakeFirst();
  return row ? toFacts(row) : undefined;
}

/** The demand an Open311 token was given for. */
export async function findDemandByToken(db: Db, token: string) {
  return db
    .selectFrom('demands')
    .select(['number', 'status', 'open311Token'])
    .where('open311Token', '=', token)
    .executeTakeFirst();
}
