import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { FieldProblem } from '../../server/errors';
import { type Actor, appendAudit } from '../iam/index';
import { actorRef } from './demands.access';
import { CITY_SCOPE, requireCatalogueReader, requireCityManager } from './demands.catalogue.access';
import { findCategoryVersion, listCategoryViews, toCategoryView } from './demands.catalogue.read';
import { categoryCodeProblems, versionProblems, workingHoursPerDay } from './demands.catalogue.rules';
import type {
  CategoryDetail,
  CategoryVersionView,
  CreateCategoryBody,
  PatchCategoryBody,
  VersionTermsBody,
} from './demands.catalogue.schemas';
import { demandsErrors } from './demands.errors';
import type { CategoryAttribute, CategoryView } from './demands.schemas';
import { loadDemandSettings } from './demands.settings';
import type { CategoryVersionRow } from './demands.table';

// The catalogue (诉求分类目录): read by everyone who files or reads demands, changed by city admins.
// Renaming, reordering and switching a category off change the category row only. New limits,
// routing or attributes make a new version valid from now: a demand keeps the categoryVersion it
// was filed under, so its deadline never moves when the catalogue does (Beijing art. 13: the limit
// is the one written on the work order).

type Db = Kysely<Database>;
type Q = Db | Transaction<Database>;

/** The catalogue in order; inactive categories (and those under one) only with `all`. */
export async function listCategories(opts: { db: Db; actor: Actor; all?: boolean }): Promise<{
  items: CategoryView[];
}> {
  requireCatalogueReader(opts.actor);
  const views = await listCategoryViews(opts.db);
  if (opts.all) return { items: views };
  const off = new Set(views.filter((v) => !v.active).map((v) => v.code));
  const offered = (v: CategoryView) => v.active && !(v.parentCode && off.has(v.parentCode));
  return { items: views.filter(offered) };
}

function toVersionView(v: CategoryVersionRow): CategoryVersionView {
  return {
    version: v.version,
    validFrom: v.validFrom,
    handleLimit: v.handleLimit,
    handleUnit: v.handleUnit,
    firstContactHours: v.firstContactHours,
    defaultParty: v.defaultParty,
    departmentName: v.departmentName,
    attributes: JSON.parse(v.attributes) as CategoryAttribute[],
    note: v.note,
  };
}

async function readDetail(db: Q, code: string): Promise<CategoryDetail> {
  const { category, version } = await findCategoryVersion(db, code);
  const versions = await db
    .selectFrom('demandCategoryVersions')
    .selectAll()
    .where('categoryCode', '=', code)
    .orderBy('version', 'desc')
    .execute();
  return { ...toCategoryView(category, version), versions: versions.map(toVersionView) };
}

/** One category with its current terms and its version history, newest first. */
export async function getCategory(opts: { db: Db; actor: Actor; code: string }): Promise<CategoryDetail> {
  requireCatalogueReader(opts.actor);
  return readDetail(opts.db, opts.code);
}

async function checkTerms(db: Q, terms: VersionTermsBody, extra: FieldProblem[] = []): Promise<void> {
  const settings = await loadDemandSettings(db);
  const problems = [...extra, ...versionProblems(terms, workingHoursPerDay(settings.workingHours))];
  if (problems.length > 0) throw demandsErrors.invalidCategory(problems);
}

function versionRow(code: string, version: number, terms: VersionTermsBody, actor: Actor, now: string) {
  return {
    id: newId(),
    categoryCode: code,
    version,
    handleLimit: terms.handleLimit,
    handleUnit: terms.handleUnit,
    firstContactHours: terms.firstContactHours,
    defaultParty: terms.defaultParty,
    departmentName: terms.defaultParty === 'department' ? (terms.departmentName?.trim() ?? null) : null,
    attributes: JSON.stringify(terms.attributes),
    validFrom: now,
    createdBy: actorRef(actor),
    note: terms.note ?? null,
  };
}

/** A new category (or sub-category) with version 1 of its terms. */
export async function createCategory(opts: {
  db: Db;
  actor: Actor;
  body: CreateCategoryBody;
  now?: Date;
}): Promise<CategoryDetail> {
  const { db, actor, body } = opts;
  requireCityManager(actor);
  const now = (opts.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const problems = categoryCodeProblems(body.code, body.parentCode);
    if (body.parentCode && problems.length === 0) {
      const parent = await trx
        .selectFrom('demandCategories')
        .select('code')
        .where('code', '=', body.parentCode)
        .executeTakeFirst();
      if (!parent)
        problems.push({
          field: 'parentCode',
          in: 'body',
          reason: 'not_found',
          message: { zh: '上级类别不存在', en: 'No such parent category' },
        });
    }
    await checkTerms(trx, body, problems);
    const taken = await trx
      .selectFrom('demandCategories')
      .select('code')
      .where('code', '=', body.code)
      .executeTakeFirst();
    if (taken)
      throw demandsErrors.conflict('category_exists', {
        zh: `类别编码“${body.code}”已存在`,
        en: `The category code "${body.code}" is taken`,
      });
    const sortOrder = body.sortOrder ?? (await nextSortOrder(trx, body.parentCode ?? null));
    await trx
      .insertInto('demandCategories')
      .values({
        code: body.code,
        parentCode: body.parentCode ?? null,
        nameZh: body.nameZh,
        nameEn: body.nameEn,
        eventClass: body.eventClass ?? null,
        sortOrder,
        active: body.active ? 1 : 0,
        currentVersion: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await trx
      .insertInto('demandCategoryVersions')
      .values(versionRow(body.code, 1, body, actor, now))
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'demands.category.create',
      targetType: 'demand_category',
      targetId: body.code,
      scopePath: CITY_SCOPE,
      summary: { parentCode: body.parentCode ?? null, handleLimit: body.handleLimit, unit: body.handleUnit },
    });
    return readDetail(trx, body.code);
  });
}

/** After the last sibling, in steps of 10. */
async function nextSortOrder(db: Q, parentCode: string | null): Promise<number> {
  const row = await db
    .selectFrom('demandCategories')
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .where('parentCode', parentCode === null ? 'is' : '=', parentCode)
    .executeTakeFirst();
  const max = row?.max === null || row?.max === undefined ? 0 : Number(row.max);
  return max + 10;
}

/** Names, order, event class, active: the category row only, no new version. */
export async function patchCategory(opts: {
  db: Db;
  actor: Actor;
  code: string;
  body: PatchCategoryBody;
  now?: Date;
}): Promise<CategoryDetail> {
  const { db, actor, code, body } = opts;
  requireCityManager(actor);
  const now = (opts.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    await findCategoryVersion(trx, code);
    const patch = {
      ...(body.nameZh !== undefined ? { nameZh: body.nameZh } : {}),
      ...(body.nameEn !== undefined ? { nameEn: body.nameEn } : {}),
      ...(body.eventClass !== undefined ? { eventClass: body.eventClass } : {}),
      ...(body.sortOrder !== undefined ? { sortOrder: body.sortOrder } : {}),
      ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
    };
    await trx
      .updateTable('demandCategories')
      .set({ ...patch, updatedAt: now })
      .where('code', '=', code)
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'demands.category.update',
      targetType: 'demand_category',
      targetId: code,
      scopePath: CITY_SCOPE,
      summary: { ...body },
    });
    return readDetail(trx, code);
  });
}

/** New limits, routing or attributes: version + 1, valid from now; earlier demands keep theirs. */
export async function addCategoryVersion(opts: {
  db: Db;
  actor: Actor;
  code: string;
  body: VersionTermsBody;
  now?: Date;
}): Promise<CategoryDetail> {
  const { db, actor, code, body } = opts;
  requireCityManager(actor);
  const now = (opts.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    const { category, version: before } = await findCategoryVersion(trx, code);
    await checkTerms(trx, body);
    const version = category.currentVersion + 1;
    // Only the version we read is replaced: a concurrent new version makes this one fail, not skip.
    const updated = await trx
      .updateTable('demandCategories')
      .set({ currentVersion: version, updatedAt: now })
      .where('code', '=', code)
      .where('currentVersion', '=', category.currentVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw demandsErrors.conflict('category_changed', {
        zh: '该类别刚被他人修改，请刷新后重试',
        en: 'The category was changed meanwhile; reload and try again',
      });
    await trx
      .insertInto('demandCategoryVersions')
      .values(versionRow(code, version, body, actor, now))
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'demands.category.version',
      targetType: 'demand_category',
      targetId: code,
      scopePath: CITY_SCOPE,
      summary: {
        version,
        from: { limit: before.handleLimit, unit: before.handleUnit, firstContact: before.firstContactHours },
        to: { limit: body.handleLimit, unit: body.handleUnit, firstContact: body.firstContactHours },
        defaultParty: body.defaultParty,
      },
    });
    return readDetail(trx, code);
  });
}
