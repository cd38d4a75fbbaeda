import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../iam/index';
import { getScopedPlace } from './party.access';
import * as reports from './party.reports.repository';
import { toMemberView } from './party.views';

// Party members living in a place, to pick a post-holder or a member whose relation is to be
// transferred in. Names and party facts only: ID numbers and phones stay in the people module.

export async function listMembers(opts: {
  db: Kysely<Database>;
  actor: Actor;
  query: { area: string; q?: string | undefined; relation: 'any' | 'elsewhere'; limit: number };
}) {
  const { db, query } = opts;
  const place = await getScopedPlace(db, opts.actor, query.area);
  const rows = await reports.searchMembers(db, {
    scopes: [place.path],
    q: query.q,
    relationElsewhere: query.relation === 'elsewhere',
    limit: query.limit,
  });
  return { items: rows.map(toMemberView) };
}
