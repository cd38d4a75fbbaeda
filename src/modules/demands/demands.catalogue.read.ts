import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { demandsErrors } from './demands.errors';
import type { CategoryAttribute, CategoryView } from './demands.schemas';
import type { CategoryRow, CategoryVersionRow } from './demands.table';

// Reading the catalogue: a category with the version a demand is filed (or was filed) under.

type Q = Kysely<Database> | Transaction<Database>;

export interface CategoryWithVersion {
  category: CategoryRow;
  version: CategoryVersionRow;
}

/** The category and its current version (or the given one); 404 when unknown. */
export async function findCategoryVersion(
  db: Q,
  code: string,
  version?: number,
): Promise<CategoryWithVersion> {
  const category = await db
    .selectFrom('demandCategories')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!category) throw demandsErrors.categoryNotFound();
  const row = await db
    .selectFrom('demandCategoryVersions')
    .selectAll()
    .where('categoryCode', '=', code)
    .where('version', '=', version ?? category.currentVersion)
    .executeTakeFirst();
  if (!row) throw demandsErrors.categoryNotFound();
  return { category, version: row };
}

/** Every category with its current version, in catalogue order. */
export async function listCategoryViews(db: Q): Promise<CategoryView[]> {
  const rows = await db
    .selectFrom('demandCategories as c')
    .innerJoin('demandCategoryVersions as v', (j) =>
      j.onRef('v.categoryCode', '=', 'c.code').onRef('v.version', '=', 'c.currentVersion'),
    )
    .selectAll('c')
    .select([
      'v.validFrom',
      'v.handleLimit',
      'v.handleUnit',
      'v.firstContactHours',
      'v.defaultParty',
      'v.departmentName',
      'v.attributes',
    ])
    .orderBy('c.sortOrder')
    .orderBy('c.code')
    .execute();
  return rows.map((r) => toCategoryView(r, r));
}

export function toCategoryView(
  c: CategoryRow,
  v: Pick<
    CategoryVersionRow,
    | 'validFrom'
    | 'handleLimit'
    | 'handleUnit'
    | 'firstContactHours'
    | 'defaultParty'
    | 'departmentName'
    | 'attributes'
  > & { version?: number },
): CategoryView {
  return {
    code: c.code,
    parentCode: c.parentCode,
    name: { zh: c.nameZh, en: c.nameEn },
    eventClass: c.eventClass,
    sortOrder: c.sortOrder,
    active: c.active === 1,
    version: v.version ?? c.currentVersion,
    validFrom: v.validFrom,
    handleLimit: v.handleLimit,
    handleUnit: v.handleUnit,
    firstContactHours: v.firstContactHours,
    defaultParty: v.defaultParty,
    departmentName: v.departmentName,
    attributes: JSON.parse(v.attributes) as CategoryAttribute[],
  };
}
