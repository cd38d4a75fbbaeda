// What the owners' generator reads from the database as it stands: a grid's compounds down to
// households, its residents with their sealed numbers and party membership, the street's name, and
// the accounts that approve the steps of a formation.

import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { ApproverFor, BuildingSpot, CompoundSpot, FormationStep, ResidentFacts } from './owners.types';

type Db = Kysely<Database>;

export interface AreaFacts {
  code: string;
  parentCode: string | null;
  path: string;
  level: string;
  name: string;
  kind: string | null;
  attrs: string;
}

const number = (attrs: string, key: string) => Number(new RegExp(`"${key}":(\\d+)`).exec(attrs)?.[1] ?? 1);

/** Compounds with their buildings and households, from area rows in path order. */
export function compoundsOf(rows: Iterable<AreaFacts>): CompoundSpot[] {
  const compounds = new Map<string, CompoundSpot>();
  // A household's building is found through its parents: a unit, usually, or the building itself.
  const buildingOf = new Map<string, BuildingSpot>();
  for (const row of rows) {
    const parent = row.parentCode ?? '';
    if (row.level === 'compound') {
      compounds.set(row.code, {
        code: row.code,
        path: row.path,
        name: row.name,
        kind: row.kind,
        buildings: [],
      });
    } else if (row.level === 'building') {
      const compound = compounds.get(parent);
      if (!compound) continue;
      const building = {
        code: row.code,
        path: row.path,
        name: row.name,
        floors: number(row.attrs, 'floors'),
        households: [],
      };
      compound.buildings.push(building);
      buildingOf.set(row.code, building);
    } else if (row.level === 'unit') {
      const building = buildingOf.get(parent);
      if (building) buildingOf.set(row.code, building);
    } else if (row.level === 'household') {
      buildingOf.get(parent)?.households.push({
        code: row.code,
        path: row.path,
        name: row.name,
        floor: number(row.attrs, 'floor'),
        room: number(row.attrs, 'room'),
      });
    }
  }
  return [...compounds.values()];
}

function below(column: string, path: string) {
  return sql<boolean>`${sql.ref(column)} >= ${`${path}/`} and ${sql.ref(column)} < ${`${path}0`}`;
}

export async function readGridCompounds(db: Db, gridPath: string): Promise<CompoundSpot[]> {
  const rows = await db
    .selectFrom('areas')
    .select(['code', 'parentCode', 'path', 'level', 'name', 'kind', 'attrs'])
    .where(below('path', gridPath))
    .where('status', '=', 'active')
    .where('level', 'in', ['compound', 'building', 'unit', 'household'])
    .orderBy('path')
    .execute();
  return compoundsOf(rows);
}

/** The grid's heads of household and spouses (who may own their flat), each with their active party membership if any. */
export async function readGridResidents(db: Db, gridPath: string): Promise<ResidentFacts[]> {
  const rows = await db
    .selectFrom('residents as r')
    .leftJoin('partyMembers as m', (join) =>
      join.onRef('m.residentId', '=', 'r.id').on('m.status', '=', 'active'),
    )
    .select([
      'r.id',
      'r.householdCode',
      'r.name',
      'r.birthDate',
      'r.relationToHead',
      'r.residenceType',
      'r.idNumberEnc',
      'r.idNumberHash',
      'r.idNumberMasked',
      'r.phoneEnc',
      'r.phoneHash',
      'r.phoneMasked',
      'm.id as partyMemberId',
    ])
    .where(below('r.path', gridPath))
    .where('r.status', '=', 'active')
    .where('r.householdCode', 'is not', null)
    .where('r.relationToHead', 'in', ['head', 'spouse'])
    .orderBy('r.path')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, householdCode: r.householdCode!, partyMemberId: r.partyMemberId ?? null }));
}

/** Compounds of the list that have owners' records already (entered by hand, or loaded before): left alone. */
export async function compoundsWithRecords(db: Db, codes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const part = codes.slice(i, i + 500);
    for (const table of ['ownerUnits', 'ownerCommittees', 'committeeFormations'] as const) {
      const rows = await db
        .selectFrom(table)
        .select('compoundCode')
        .distinct()
        .where('compoundCode', 'in', part)
        .execute();
      for (const r of rows) found.add(r.compoundCode);
    }
  }
  return found;
}

export async function streetNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('level', '=', 'street').execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Who approves what: the residents' committee confirms and nominates, the street office runs the rest. */
const APPROVING_ROLES: Record<FormationStep, string[]> = {
  trigger: ['community_official', 'street_official', 'district_official', 'city_admin'],
  preparatory_group: ['street_official', 'community_official', 'district_official', 'city_admin'],
  nomination: ['community_official', 'street_official', 'district_official', 'city_admin'],
  joint_review: ['street_official', 'district_official', 'city_admin'],
  vote: ['street_official', 'community_official', 'district_official', 'city_admin'],
  filing: ['street_official', 'district_official', 'city_admin'],
};

/** The nearest active account whose post covers the compound, by the step's order of roles. */
export async function readApprovers(db: Db): Promise<ApproverFor> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('userRoles as r', 'r.userId', 'u.id')
    .select(['u.id', 'u.displayName', 'u.username', 'r.role', 'r.scopePath'])
    .where('u.status', '=', 'active')
    .execute();
  // Deepest scope first, then by username: the same accounts always give the same approver.
  rows.sort((a, b) => b.scopePath.length - a.scopePath.length || a.username.localeCompare(b.username));
  return (step, path) => {
    for (const role of APPROVING_ROLES[step]) {
      const user = rows.find(
        (r) => r.role === role && (path === r.scopePath || path.startsWith(`${r.scopePath}/`)),
      );
      if (user) return { id: user.id, name: user.displayName };
    }
    return null;
  };
}
