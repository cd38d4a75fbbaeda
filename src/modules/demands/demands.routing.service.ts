import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import { fieldProblem } from '../../server/errors';
import { type Actor, ROLE_DEFINITIONS } from '../iam/index';
import { activeCommitteeOf } from '../owners/index';
import { getScopedDemand } from './demands.access';
import { findCategoryVersion } from './demands.catalogue.read';
import { demandsErrors } from './demands.errors';
import { chooseResponsible, type PlaceFacts, type ResponsibleChoice } from './demands.routing';
import type { Responsible, ResponsibleOptions } from './demands.schemas';
import type { DemandRow } from './demands.table';

// Who a demand can go to at its place (Binzhou grid regulation art. 11: 流转办理 to the party
// responsible; Beijing art. 13: the work order goes to the responsible unit). The facts are read
// from the area tree (grid, compound, community, street above the demand's place), the handling
// units (the property company serving the compound, departments over the place, co-building units
// of the street) and the owners module (the compound's committee in term); the suggestion is the
// catalogue's default party resolved by demands.routing.ts.

type Q = Kysely<Database> | Transaction<Database>;

/** Every path from the city down to `path` itself: the places a demand at `path` lies in. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

export interface PlaceSurvey {
  facts: PlaceFacts;
  /** Every party found at the place, the suggestion's kind first among equals. */
  options: ResponsibleChoice[];
  streetPath: string | null;
}

/** The areas above a demand and the units serving it. `departmentName` picks the category's department. */
export async function surveyPlace(
  db: Q,
  demand: Pick<DemandRow, 'path' | 'compoundCode'>,
  departmentName: string | null,
): Promise<PlaceSurvey> {
  const paths = ancestorPaths(demand.path);
  const areas = await db
    .selectFrom('areas')
    .select(['code', 'name', 'path', 'level'])
    .where('path', 'in', paths)
    .where('status', '=', 'active')
    .execute();
  const at = (level: string) => areas.find((a) => a.level === level);
  const grid = at('grid');
  const compound = at('compound');
  const community = at('community');
  const street = at('street');
  const facts: PlaceFacts = {};
  const options: ResponsibleChoice[] = [];
  if (grid) {
    facts.grid = { code: grid.code, name: grid.name };
    options.push({ kind: 'grid', ref: grid.code, name: grid.name });
  }
  if (compound) facts.compound = { code: compound.code, name: compound.name };
  if (community) {
    facts.community = { code: community.code, name: community.name };
    options.push({ kind: 'community', ref: community.code, name: community.name });
  }
  if (street) {
    facts.street = { code: street.code, name: street.name };
    options.push({ kind: 'street', ref: street.code, name: street.name });
  }

  const compoundCode = compound?.code ?? demand.compoundCode;
  if (compoundCode) {
    const companies = await db
      .selectFrom('handlingUnitPlaces as p')
      .innerJoin('handlingUnits as u', 'u.id', 'p.unitId')
      .select(['u.id', 'u.name'])
      .where('p.areaCode', '=', compoundCode)
      .where('u.kind', '=', 'property_company')
      .where('u.active', '=', 1)
      .orderBy('u.name')
      .execute();
    if (companies[0]) facts.propertyCompany = { id: companies[0].id, name: companies[0].name };
    for (const c of companies) options.push({ kind: 'property_company', ref: c.id, name: c.name });
    const committee = await activeCommitteeOf(db, compoundCode);
    if (committee) {
      const name = `${compound?.name ?? compoundCode}业主委员会`;
      facts.ownersCommittee = { id: committee.id, name };
      options.push({ kind: 'owners_committee', ref: committee.id, name });
    }
  }

  // Departments working over the place (the district's or the street's), the category's first.
  const departments = await db
    .selectFrom('handlingUnits')
    .select(['id', 'name', 'path'])
    .where('kind', '=', 'department')
    .where('active', '=', 1)
    .where('path', 'in', paths)
    .execute();
  departments.sort((a, b) => b.path.length - a.path.length || a.name.localeCompare(b.name));
  const matched = departmentName ? departments.find((d) => d.name === departmentName) : undefined;
  if (matched) facts.department = { id: matched.id, name: matched.name };
  for (const d of departments) options.push({ kind: 'department', ref: d.id, name: d.name });

  // Co-building units of the street: based there, or paired with a place in it.
  if (street) {
    const units = await db
      .selectFrom('handlingUnits as u')
      .select(['u.id', 'u.name'])
      .where('u.kind', '=', 'cobuild_unit')
      .where('u.active', '=', 1)
      .where((eb) =>
        eb.or([
          inScopes(eb, 'u.path', [street.path]),
          eb.exists(
            eb
              .selectFrom('handlingUnitPlaces as p')
              .select('p.unitId')
              .whereRef('p.unitId', '=', 'u.id')
              .where((eb2) => inScopes(eb2, 'p.path', [street.path])),
          ),
        ]),
      )
      .orderBy('u.name')
      .execute();
    if (units[0]) facts.cobuildUnit = { id: units[0].id, name: units[0].name };
    for (const u of units) options.push({ kind: 'cobuild_unit', ref: u.id, name: u.name });
  }
  return { facts, options, streetPath: street?.path ?? null };
}

/** The roles that hold demands.handle: who may be a demand's handler. */
export const HANDLE_ROLES = Object.entries(ROLE_DEFINITIONS)
  .filter(([, def]) => def.permissions.includes('demands.handle'))
  .map(([role]) => role);

/** Active users holding demands.handle over `path` (a role whose scope covers it): id, name and role. */
export async function handlersAt(
  db: Q,
  path: string,
  userId?: string,
): Promise<{ id: string; displayName: string; role: string }[]> {
  let q = db
    .selectFrom('userRoles as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .select(['u.id', 'u.displayName', 'r.role', 'r.scopePath'])
    .where('u.status', '=', 'active')
    .where('r.role', 'in', HANDLE_ROLES)
    .where('r.scopePath', 'in', ancestorPaths(path));
  if (userId) q = q.where('u.id', '=', userId);
  const rows = await q.orderBy('u.displayName').orderBy('u.id').execute();
  // The most local assignment names a user's role in the picker.
  rows.sort((a, b) => b.scopePath.length - a.scopePath.length);
  const seen = new Map<string, { id: string; displayName: string; role: string }>();
  for (const r of rows)
    if (!seen.has(r.id)) seen.set(r.id, { id: r.id, displayName: r.displayName, role: r.role });
  return [...seen.values()].sort(
    (a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id),
  );
}

/** The options and the suggestion for one demand. */
export async function optionsForDemand(db: Q, demand: DemandRow): Promise<ResponsibleOptions & PlaceSurvey> {
  const { version } = await findCategoryVersion(db, demand.categoryCode, demand.categoryVersion);
  const survey = await surveyPlace(db, demand, version.departmentName);
  return {
    ...survey,
    suggested: chooseResponsible(version.defaultParty, survey.facts),
    handlers: await handlersAt(db, demand.path),
  };
}

/** GET /api/v1/demands/:id/responsible-options — for the dispatch and reassign dialogs. */
export async function responsibleOptions(opts: {
  db: Q;
  actor: Actor;
  id: string;
}): Promise<ResponsibleOptions> {
  const demand = await getScopedDemand(opts.db, opts.actor, opts.id, 'demands.manage');
  const { suggested, options, handlers } = await optionsForDemand(opts.db, demand);
  return { suggested, options, handlers };
}

/** The party a dispatch names, checked against the options at the demand's place. */
export async function checkResponsible(
  db: Q,
  demand: DemandRow,
  responsible: Responsible | null | undefined,
): Promise<ResponsibleChoice> {
  if (!responsible)
    throw demandsErrors.invalidAction([
      fieldProblem('responsible', 'required', { zh: '请选择责任方', en: 'Choose who is responsible' }),
    ]);
  const { version } = await findCategoryVersion(db, demand.categoryCode, demand.categoryVersion);
  const { options } = await surveyPlace(db, demand, version.departmentName);
  const found = options.find((o) => o.kind === responsible.kind && o.ref === responsible.ref);
  if (!found)
    throw demandsErrors.invalidAction([
      fieldProblem('responsible', 'not_an_option', {
        zh: '该责任方不在此诉求的可选范围内',
        en: 'That party cannot be made responsible for this demand',
      }),
    ]);
  return found;
}

/** A handler named on a step must hold demands.handle over the demand's place. */
export async function checkHandler(db: Q, demand: Pick<DemandRow, 'path'>, userId: string): Promise<void> {
  const found = await handlersAt(db, demand.path, userId);
  if (found.length === 0)
    throw demandsErrors.invalidAction([
      fieldProblem('handlerUserId', 'not_a_handler', {
        zh: '该用户无权在此处办理诉求',
        en: 'That user may not handle demands at this place',
      }),
    ]);
}
