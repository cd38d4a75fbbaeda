import { apiFetch } from '../../../api/client';
import { fetchAreaGeoJson, fetchPublicGrid } from '../../areas/api';
import type { MapSource } from './mapSource';
import type { PickFeature, PickFeatureCollection } from './pickPointMap';

// What the mobile pages need beyond web/src/features/demands/api.ts.

const enc = encodeURIComponent;

export const mobileKeys = {
  pickMap: (source: MapSource) => ['demands', 'mobile', 'pick-map', source] as const,
};

/** "This is the same matter": the caller follows that demand and hears of its progress. */
export const followDemand = (id: string) =>
  apiFetch<{ id: string; number: string; following: boolean }>(`/api/v1/demands/${enc(id)}/follow`, {
    method: 'POST',
  });

/** The grids the pick-a-point map draws (see mapSource.ts). */
export async function fetchPickFeatures(
  source: MapSource,
  signal?: AbortSignal,
): Promise<PickFeatureCollection> {
  if (source.kind === 'areas') {
    const collection = await fetchAreaGeoJson({ parent: source.parent, level: source.level, signal });
    return {
      type: 'FeatureCollection',
      features: collection.features.map(
        (feature): PickFeature => ({
          type: 'Feature',
          id: feature.properties.code,
          geometry: feature.geometry as PickFeature['geometry'],
          properties: { code: feature.properties.code, name: feature.properties.name },
        }),
      ),
    };
  }
  if (source.kind === 'publicGrid') {
    const grid = await fetchPublicGrid(source.grid, signal);
    return {
      type: 'FeatureCollection',
      features: grid.boundary
        ? [
            {
              type: 'Feature',
              id: grid.code,
              geometry: grid.boundary as PickFeature['geometry'],
              properties: { code: grid.code, name: grid.name },
            },
          ]
        : [],
    };
  }
  return { type: 'FeatureCollection', features: [] };
}
