import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../iam/index';
import { getScopedPlace } from './party.access';
import * as reports from './party.reports.repository';
import { placeText, toAreaRef, toRate } from './party.views';

// Households reached by the four-level chain (CAPABILITIES §1.1), counted from the records by the
// rule of party.chain-reach.ts in one SQL statement per request.

type Db = Kysely<Database>;

export async function getReach(opts: { db: Db; actor: Actor; query: { area: string } }) {
  const place = await getScopedPlace(opts.db, opts.actor, opts.query.area);
  const { households, reached } = await reports.countReach(opts.db, place.path);
  return { area: toAreaRef(place), rate: toRate(reached, households), households, reached };
}

/** The households no chain reaches, by path (compound, building, unit), a page at a time. */
export async function listUnreached(opts: {
  db: Db;
  actor: Actor;
  query: { area: string; after?: string | undefined; limit: number };
}) {
  const { db, query } = opts;
  const place = await getScopedPlace(db, opts.actor, query.area);
  const rows = await reports.unreachedHouseholds(db, {
    areaPath: place.path,
    after: query.after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const names = new Map(
    (await reports.findPlaces(db, [...new Set(page.flatMap((h) => h.path.split('/').slice(5, -1)))])).map(
      (p) => [p.code, p.name],
    ),
  );
  return {
    items: page.map((h) => ({ code: h.code, name: h.name, path: h.path, place: placeText(h.path, names) })),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.path ?? null) : null,
  };
}
