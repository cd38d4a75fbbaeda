import type { z } from 'zod';
import type {
  AreaTreeNode,
  areaLevelSchema,
  areaNodeSchema,
  areaSummarySchema,
  areaVersionSchema,
  featureCollectionSchema,
  gridProfileSchema,
  gridStaffSchema,
  levelCountsSchema,
  polygonalSchema,
  publicGridSchema,
} from '../../../../src/modules/areas/areas.schemas';
import { apiFetch } from '../../api/client';

export type { AreaTreeNode };
export type AreaLevel = z.infer<typeof areaLevelSchema>;
export type AreaSummary = z.infer<typeof areaSummarySchema>;
export type AreaNode = z.infer<typeof areaNodeSchema>;
export type LevelCounts = z.infer<typeof levelCountsSchema>;
export type AreaVersion = z.infer<typeof areaVersionSchema>;
export type AreaFeatureCollection = z.infer<typeof featureCollectionSchema>;
export type AreaFeature = AreaFeatureCollection['features'][number];
export type Polygonal = z.infer<typeof polygonalSchema>;
export type GridProfile = z.infer<typeof gridProfileSchema>;
export type GridStaff = z.infer<typeof gridStaffSchema>;
export type PublicGrid = z.infer<typeof publicGridSchema>;
/** Levels the geojson endpoint draws as children of a parent. */
export type MapLevel = 'district' | 'street' | 'community' | 'grid' | 'compound';

export type AreaChildrenPage = { items: AreaSummary[]; nextCursor: string | null };
export type AreaSearchHit = AreaSummary & { ancestorsText: string };

const BASE = '/api/v1/areas';

export const areaKeys = {
  all: ['areas'] as const,
  tree: (root: string | undefined, depth: number) => ['areas', 'tree', root ?? null, depth] as const,
  node: (code: string) => ['areas', 'node', code] as const,
  children: (code: string, after: string | null) => ['areas', 'children', code, after] as const,
  search: (q: string) => ['areas', 'search', q] as const,
  geojson: (parent: string, level: MapLevel) => ['areas', 'geojson', parent, level] as const,
  history: (code: string) => ['areas', 'history', code] as const,
  gridProfile: (code: string) => ['areas', 'grid-profile', code] as const,
  publicGrid: (code: string) => ['areas', 'public-grid', code] as const,
};

/** The roots of the area tree: `root` and its descendants to `depth`, or the caller's scope roots. */
export async function fetchAreaTree(input: {
  root?: string;
  depth?: number;
  signal?: AbortSignal;
}): Promise<{ roots: AreaTreeNode[] }> {
  return apiFetch(`${BASE}/tree`, {
    query: { root: input.root, depth: input.depth ?? 1 },
    signal: input.signal,
  });
}

export async function fetchAreaNode(code: string, signal?: AbortSignal): Promise<AreaNode> {
  return apiFetch(`${BASE}/nodes/${encodeURIComponent(code)}`, { signal });
}

export async function fetchAreaChildren(input: {
  code: string;
  after?: string | null;
  limit?: number;
  signal?: AbortSignal;
}): Promise<AreaChildrenPage> {
  return apiFetch(`${BASE}/nodes/${encodeURIComponent(input.code)}/children`, {
    query: { after: input.after, limit: input.limit },
    signal: input.signal,
  });
}

export async function searchAreas(input: {
  q: string;
  level?: AreaLevel;
  limit?: number;
  signal?: AbortSignal;
}): Promise<{ items: AreaSearchHit[] }> {
  return apiFetch(`${BASE}/search`, {
    query: { q: input.q, level: input.level, limit: input.limit },
    signal: input.signal,
  });
}

export async function fetchAreaGeoJson(input: {
  parent: string;
  level: MapLevel;
  at?: string;
  signal?: AbortSignal;
}): Promise<AreaFeatureCollection> {
  return apiFetch(`${BASE}/geojson`, {
    query: { parent: input.parent, level: input.level, at: input.at },
    signal: input.signal,
  });
}

export async function fetchAreaHistory(
  code: string,
  signal?: AbortSignal,
): Promise<{ versions: AreaVersion[] }> {
  return apiFetch(`${BASE}/nodes/${encodeURIComponent(code)}/history`, { signal });
}

export async function fetchGridProfile(code: string, signal?: AbortSignal): Promise<GridProfile> {
  return apiFetch(`${BASE}/grids/${encodeURIComponent(code)}/profile`, { signal });
}

/** The public notice of a grid (no sign-in needed). */
export async function fetchPublicGrid(code: string, signal?: AbortSignal): Promise<PublicGrid> {
  return apiFetch(`/api/v1/public/grids/${encodeURIComponent(code)}`, { signal });
}
