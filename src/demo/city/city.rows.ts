// The shapes of the demo city's rows, built in one place so that every row of a table has the
// same columns in the same order (bulkInsert reuses one INSERT for all of them).

import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { ShapeColumns } from './city.geometry';

export type AreaInsert = Insertable<Database['areas']>;
export type AreaVersionInsert = Insertable<Database['areaVersions']>;
export type GridStaffInsert = Insertable<Database['gridStaff']>;
export type AreaLevel = Database['areas']['level'];

/** Demo rows were all "created" at the demo epoch, so that two loads give identical rows. */
export const DEMO_CREATED_AT = '2021-01-01T00:00:00.000Z';

/** Depth of each level below the city (the city is 0, a household 8). */
export const DEPTH: Record<AreaLevel, number> = {
  city: 0,
  district: 1,
  street: 2,
  community: 3,
  grid: 4,
  compound: 5,
  building: 6,
  unit: 7,
  household: 8,
};

/** Id sequences of the three tables the generator fills. */
export interface DemoIds {
  area: (key: string) => string;
  version: (key: string) => string;
  staff: (key: string) => string;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export interface PlaceFacts {
  code: string;
  parentCode: string | null;
  path: string;
  level: AreaLevel;
  kind: string | null;
  name: string;
  sortOrder: number;
  /** JSON text. */
  attrs: string;
  validFrom: string;
}

export function areaRow(id: string, place: PlaceFacts, shape: ShapeColumns): AreaInsert {
  return {
    id,
    code: place.code,
    parentCode: place.parentCode,
    path: place.path,
    level: place.level,
    kind: place.kind,
    name: place.name,
    depth: DEPTH[place.level],
    sortOrder: place.sortOrder,
    lng: shape.lng,
    lat: shape.lat,
    boundary: shape.boundary,
    minLng: shape.minLng,
    minLat: shape.minLat,
    maxLng: shape.maxLng,
    maxLat: shape.maxLat,
    attrs: place.attrs,
    status: 'active',
    validFrom: place.validFrom,
    validTo: null,
    successorCode: null,
    createdAt: DEMO_CREATED_AT,
    updatedAt: DEMO_CREATED_AT,
  };
}

/** The drawn version of a place in force since `validFrom`, recorded by the import `changeId`. */
export function versionRow(
  id: string,
  area: AreaInsert,
  validFrom: string,
  changeId: string,
): AreaVersionInsert {
  return {
    id,
    areaCode: area.code,
    parentCode: area.parentCode ?? null,
    path: area.path,
    level: area.level,
    name: area.name,
    boundary: area.boundary ?? null,
    validFrom,
    validTo: null,
    changeId,
  };
}

export function staffRow(
  id: string,
  grid: AreaInsert,
  person: { name: string; duty: 'full_time' | 'part_time'; workPhone: string; sortOrder: number },
): GridStaffInsert {
  return {
    id,
    gridCode: grid.code,
    path: grid.path,
    name: person.name,
    duty: person.duty,
    workPhone: person.workPhone,
    userId: null,
    sortOrder: person.sortOrder,
    createdAt: DEMO_CREATED_AT,
  };
}
