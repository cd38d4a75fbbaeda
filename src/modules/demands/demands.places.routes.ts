import { requireActor } from '../../server/plugins/auth';
import { rateLimitRules } from '../../server/plugins/rate-limit';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import { placeGridsQuerySchema, placeGridsSchema, placeStreetsSchema } from './demands.places.schemas';
import { listPlaceGrids, listPlaceStreets } from './demands.places.service';

/** The public grid map of the filing page (grid regulation art. 6), for anyone who may file or read. */
export async function demandsPlacesRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['demands'];

  app.get('/api/v1/demands/places/grids', {
    config: { rateLimit: rateLimitRules.placesRead },
    schema: {
      tags,
      summary: 'Public grid boundaries around a point or under a street or community 网格公示边界',
      querystring: placeGridsQuerySchema,
      response: { 200: placeGridsSchema, ...problemResponses(...AUTHED, 429) },
    },
    handler: async (request) => listPlaceGrids({ db, actor: requireActor(request), query: request.query }),
  });

  app.get('/api/v1/demands/places/streets', {
    config: { rateLimit: rateLimitRules.placesRead },
    schema: {
      tags,
      summary: 'Streets of the city and their communities, to choose a map 街道与社区',
      response: { 200: placeStreetsSchema, ...problemResponses(...AUTHED, 429) },
    },
    handler: async (request) => listPlaceStreets({ db, actor: requireActor(request) }),
  });
}
