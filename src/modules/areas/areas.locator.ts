import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import {
  createPolygonIndex,
  type PolygonalGeometry,
  type PolygonIndex,
  type Position,
} from '../../lib/geo/index';
import * as repo from './areas.repository';
import type { AreaLevel, AreaRow } from './areas.table';

export const LOCATED_LEVELS = ['district', 'street', 'community', 'grid', 'compound'] as const;
export type LocatedLevel = (typeof LOCATED_LEVELS)[number];

type IndexedArea = Pick<
  AreaRow,
  'code' | 'name' | 'level' | 'kind' | 'path' | 'parentCode' | 'status' | 'lng' | 'lat'
> & {
  id: string;
  geometry: PolygonalGeometry;
};

interface Snapshot {
  revision: number;
  indexes: Map<AreaLevel, PolygonIndex<IndexedArea>>;
}

const snapshots = new WeakMap<object, Promise<Snapshot>>();

async function buildSnapshot(db: Kysely<Database>, revision: number): Promise<Snapshot> {
  const rows = await repo.allActivePolygons(db, [...LOCATED_LEVELS]);
  const byLevel = new Map<AreaLevel, IndexedArea[]>();
  for (const r of rows) {
    const item: IndexedArea = {
      ...r,
      id: r.code,
      geometry: JSON.parse(r.boundary as string) as PolygonalGeometry,
    };
    byLevel.set(r.level, [...(byLevel.get(r.level) ?? []), item]);
  }
  return {
    revision,
    indexes: new Map([...byLevel].map(([level, items]) => [level, createPolygonIndex(items)])),
  };
}

/**
 * The point → place index, one per database and process, rebuilt when the area revision in the
 * database moves on (another process may have redrawn a grid): a cheap read per lookup.
 */
export async function areaLocator(db: Kysely<Database>): Promise<Snapshot> {
  const revision = await repo.readRevision(db);
  const current = snapshots.get(db);
  if (current) {
    const snap = await current;
    if (snap.revision === revision) return snap;
  }
  const next = buildSnapshot(db, revision);
  snapshots.set(db, next);
  next.catch(() => snapshots.delete(db));
  return next;
}

/** The place of each level that holds the point (edges and vertices included; ties by smallest code). */
export async function locatePlaces(
  db: Kysely<Database>,
  point: Position,
): Promise<Record<LocatedLevel, IndexedArea | undefined>> {
  const snap = await areaLocator(db);
  return Object.fromEntries(
    LOCATED_LEVELS.map((level) => [level, snap.indexes.get(level)?.locate(point)]),
  ) as Record<LocatedLevel, IndexedArea | undefined>;
}
