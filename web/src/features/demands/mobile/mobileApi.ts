import type { PlaceGrids, PlaceStreets } from '../../../../../src/modules/demands/demands.places.schemas';
import { apiFetch } from '../../../api/client';
import { fetchAreaGeoJson } from '../../areas/api';
import type { MapSource } from './mapSource';
import type { PickFeature, PickFeatureCollection } from './pickPointMap';

// What the mobile pages need beyond web/src/features/demands/api.ts.

const enc = encodeURIComponent;

export type { PlaceStreets };

export const mobileKeys = {
  pickMap: (source: MapSource) => ['demands', 'mobile', 'pick-map', source] as const,
  placeStreets: ['demands', 'mobile', 'place-streets'] as const,
};

/** "This is the same matter": the caller follows that demand and hears of its progress. */
export const followDemand = (id: string) =>
  apiFetch<{ id: string; number: string; following: boolean }>(`/api/v1/demands/${enc(id)}/follow`, {
    method: 'POST',
  });

/** The streets of the city and their communities, to choose the public grid map. */
export const fetchPlaceStreets = (signal?: AbortSignal) =>
  apiFetch<PlaceStreets>('/api/v1/demands/places/streets', { signal });

/** The public grid map (grid regulation art. 6): around a point or under a street or community. */
export const fetchPlaceGrids = (
  where: { point: [number, number] } | { areaCode: string },
  signal?: AbortSignal,
) =>
  apiFetch<PlaceGrids>('/api/v1/demands/places/grids', {
    query: 'point' in where ? { lng: where.point[0], lat: where.point[1] } : { areaCode: where.areaCode },
    signal,
  });

/** Only what the map needs: the grid's code and name, and its boundary. */
function toPickFeature(feature: {
  geometry: unknown;
  properties: { code: string; name: string };
}): PickFeature {
  return {
    type: 'Feature',
    id: feature.properties.code,
    geometry: feature.geometry as PickFeature['geometry'],
    properties: { code: feature.properties.code, name: feature.properties.name },
  };
}

/** The grids the pick-a-point map draws (see mapSource.ts). */
export async function fetchPickFeatures(
  source: MapSource,
  signal?: AbortSignal,
): Promise<PickFeatureCollection> {
  if (source.kind === 'areas') {
    const collection = await fetchAreaGeoJson({ parent: source.parent, level: source.level, signal });
    return { type: 'FeatureCollection', features: collection.features.map(toPickFeature) };
  }
  if (source.kind === 'near' || source.kind === 'under') {
    const collection = await fetchPlaceGrids(
      source.kind === 'near' ? { point: source.point } : { areaCode: source.areaCode },
      signal,
    );
    return { type: 'FeatureCollection', features: collection.features.map(toPickFeature) };
  }
  return { type: 'FeatureCollection', features: [] };
}
