import type { Selectable } from 'kysely';

export const AREA_LEVELS = [
  'city',
  'district',
  'street',
  'community',
  'grid',
  'compound',
  'building',
  'unit',
  'household',
] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Levels drawn as polygons; the levels below are points. */
export const POLYGON_LEVELS: readonly AreaLevel[] = [
  'city',
  'district',
  'street',
  'community',
  'grid',
  'compound',
];

export interface AreasTable {
  id: string;
  code: string;
  parentCode: string | null;
  /** Materialized path of codes from the city down, e.g. `3716/371602/371602001`. */
  path: string;
  level: AreaLevel;
  /** 区/县/县级市, 街道/镇/乡, 居委会, 小区/散居楼院 … */
  kind: string | null;
  name: string;
  depth: number;
  sortOrder: number;
  /** Representative point: a building's or household's location, a polygon's label point. */
  lng: number | null;
  lat: number | null;
  /** GeoJSON Polygon or MultiPolygon, as text. */
  boundary: string | null;
  minLng: number | null;
  minLat: number | null;
  maxLng: number | null;
  maxLat: number | null;
  /** JSON text with level-specific facts (a grid's supervision phone, a building's floors). */
  attrs: string;
  status: 'active' | 'retired';
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AreaVersionsTable {
  id: string;
  areaCode: string;
  parentCode: string | null;
  path: string;
  level: AreaLevel;
  name: string;
  boundary: string | null;
  validFrom: string;
  validTo: string | null;
  changeId: string | null;
}

export interface AreaChangesTable {
  id: string;
  kind: 'create' | 'move' | 'split' | 'merge' | 'redraw' | 'rename' | 'import';
  effectiveDate: string;
  scopePath: string;
  actorId: string | null;
  actorLabel: string;
  note: string | null;
  summary: string;
  createdAt: string;
}

export interface GridStaffTable {
  id: string;
  gridCode: string;
  path: string;
  name: string;
  /** 专职网格员 full_time, 兼职网格员 part_time, 网格长 leader. */
  duty: 'leader' | 'full_time' | 'part_time';
  workPhone: string;
  userId: string | null;
  sortOrder: number;
  createdAt: string;
}

export interface AreaRevisionTable {
  id: number;
  revision: number;
}

export interface AreasTables {
  areas: AreasTable;
  areaVersions: AreaVersionsTable;
  areaChanges: AreaChangesTable;
  gridStaff: GridStaffTable;
  areaRevision: AreaRevisionTable;
}

export type AreaRow = Selectable<AreasTable>;
export type AreaVersionRow = Selectable<AreaVersionsTable>;
export type GridStaffRow = Selectable<GridStaffTable>;
