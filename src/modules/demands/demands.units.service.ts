import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { type FieldProblem, fieldProblem } from '../../server/errors';
import { type Actor, appendAudit, authorize, can, listScopes, scopeCovers } from '../iam/index';
import { demandScopes } from './demands.access';
import { demandsErrors } from './demands.errors';
import type { HandlingUnitRow } from './demands.table';
import { findAreas, findUnit, findUnits, replaceUnitPlaces, toUnitViews } from './demands.units.repository';
import type {
  CreateUnitBody,
  PatchUnitBody,
  UnitListQuery,
  UnitPlacesBody,
  UnitView,
} from './demands.units.schemas';

// Handling units (承办单位): property companies, departments, co-building units. Anyone who reads
// demands sees the units of their area and those above it that serve it (a street official sees the
// district's departments to summon them: 街乡吹哨、部门报到, Beijing art. 16); an official who manages
// demands over an area adds and edits the units working in it and the compounds they serve.

type Db = Kysely<Database>;

/** Areas a unit can work in: not a grid or below (those are served, not worked from). */
const UNIT_LEVELS = new Set(['city', 'district', 'street', 'community']);

export async function listUnits(opts: { db: Db; actor: Actor; query: UnitListQuery }): Promise<{
  items: UnitView[];
}> {
  const { db, actor, query } = opts;
  const scopes = await demandScopes(db, actor, query.areaCode);
  const units = await findUnits(db, scopes, {
    kind: query.kind,
    active: query.active === undefined ? undefined : query.active === 'true',
  });
  return { items: await toUnitViews(db, units, listScopes(actor, 'demands.read')) };
}

/** A unit the actor may manage; 403 without demands.manage anywhere, 404 when not theirs. */
async function manageableUnit(db: Db, actor: Actor, id: string): Promise<HandlingUnitRow> {
  authorize(actor, 'demands.manage');
  const unit = await findUnit(db, id);
  if (!unit || !can(actor, 'demands.manage', unit.path)) throw demandsErrors.unitNotFound();
  return unit;
}

async function viewOf(db: Db, actor: Actor, unit: HandlingUnitRow): Promise<UnitView> {
  const [view] = await toUnitViews(db, [unit], listScopes(actor, 'demands.manage'));
  return view!;
}

/** A new unit working in an area the actor manages demands over. */
export async function createUnit(opts: {
  db: Db;
  actor: Actor;
  body: CreateUnitBody;
  now?: Date;
}): Promise<UnitView> {
  const { db, actor, body } = opts;
  authorize(actor, 'demands.manage');
  const area = (await findAreas(db, [body.areaCode])).get(body.areaCode);
  if (area?.status !== 'active' || !can(actor, 'demands.manage', area.path))
    throw demandsErrors.areaNotFound();
  if (!UNIT_LEVELS.has(area.level))
    throw demandsErrors.invalidUnit([
      fieldProblem('areaCode', 'level', {
        zh: '承办单位须设在市、区县、街道或社区一级',
        en: 'A unit works in a city, district, street or community',
      }),
    ]);
  const now = (opts.now ?? new Date()).toISOString();
  const unit: HandlingUnitRow = {
    id: newId(),
    kind: body.kind,
    name: body.name,
    path: area.path,
    contactPhone: body.contactPhone ?? null,
    active: body.active ? 1 : 0,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('handlingUnits').values(unit).execute();
    await appendAudit(trx, {
      actor,
      action: 'demands.unit.create',
      targetType: 'handling_unit',
      targetId: unit.id,
      scopePath: unit.path,
      summary: { kind: unit.kind, name: unit.name },
    });
  });
  return viewOf(db, actor, unit);
}

/** Name, contact phone, active. */
export async function patchUnit(opts: {
  db: Db;
  actor: Actor;
  id: string;
  body: PatchUnitBody;
  now?: Date;
}): Promise<UnitView> {
  const { db, actor, id, body } = opts;
  const unit = await manageableUnit(db, actor, id);
  const patch = {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.contactPhone !== undefined ? { contactPhone: body.contactPhone } : {}),
    ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
    updatedAt: (opts.now ?? new Date()).toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('handlingUnits').set(patch).where('id', '=', id).execute();
    await appendAudit(trx, {
      actor,
      action: 'demands.unit.update',
      targetType: 'handling_unit',
      targetId: id,
      scopePath: unit.path,
      summary: { ...body },
    });
  });
  return viewOf(db, actor, { ...unit, ...patch });
}

const placeProblem = (i: number, reason: string, zh: string, en: string): FieldProblem =>
  fieldProblem(`areaCodes.${i}`, reason, { zh, en });

/**
 * The compounds a unit serves, replacing the list: each an active compound inside the unit's area
 * and the actor's scope. All or nothing; every bad code is named.
 */
export async function setUnitPlaces(opts: {
  db: Db;
  actor: Actor;
  id: string;
  body: UnitPlacesBody;
  now?: Date;
}): Promise<UnitView> {
  const { db, actor, id } = opts;
  const unit = await manageableUnit(db, actor, id);
  const codes = opts.body.areaCodes;
  const areas = await findAreas(db, [...new Set(codes)]);
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    const area = areas.get(code);
    if (area?.status !== 'active' || !can(actor, 'demands.manage', area.path))
      problems.push(
        placeProblem(
          i,
          'not_found',
          `小区 ${code} 不存在或不在管辖范围内`,
          `No compound ${code} in your scope`,
        ),
      );
    else if (area.level !== 'compound')
      problems.push(placeProblem(i, 'not_compound', `${code} 不是小区`, `${code} is not a compound`));
    else if (!scopeCovers(unit.path, area.path))
      problems.push(
        placeProblem(
          i,
          'outside_unit',
          `小区 ${code} 不在该单位的服务区域内`,
          `${code} lies outside the unit's area`,
        ),
      );
    else if (seen.has(code))
      problems.push(placeProblem(i, 'duplicate', `小区 ${code} 重复`, `${code} is listed twice`));
    seen.add(code);
  });
  if (problems.length > 0) throw demandsErrors.invalidUnit(problems);
  const now = (opts.now ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('handlingUnitPlaces')
      .select('areaCode')
      .where('unitId', '=', id)
      .execute();
    await replaceUnitPlaces(
      trx,
      id,
      codes.map((code) => ({ areaCode: code, path: areas.get(code)!.path })),
    );
    await trx.updateTable('handlingUnits').set({ updatedAt: now }).where('id', '=', id).execute();
    await appendAudit(trx, {
      actor,
      action: 'demands.unit.places',
      targetType: 'handling_unit',
      targetId: id,
      scopePath: unit.path,
      summary: { before: before.map((b) => b.areaCode), after: codes },
    });
  });
  return viewOf(db, actor, { ...unit, updatedAt: now });
}
