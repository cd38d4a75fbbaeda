// The owners' figures the report quotes, counted from the tables as the console will count them:
// compounds with a committee in term (77.6% of 1,909 in the report), party members sitting on
// those committees (2,863), and the registers behind them.

import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

export interface OwnersFigures {
  compounds: number;
  /** Compounds with a committee whose term runs today. */
  withCommittee: number;
  /** withCommittee / compounds, in per cent with one decimal. */
  rate: number;
  committeeMembers: number;
  partyMembersOnCommittees: number;
  units: number;
  owners: number;
  formationsInProgress: number;
}

/** Counted under `scopePath` (a street's path, say), or over the whole city. */
export async function countOwnersFigures(
  db: Kysely<Database>,
  opts: { today: string; scopePath?: string },
): Promise<OwnersFigures> {
  const within = (column: string) =>
    opts.scopePath
      ? sql<boolean>`(${sql.ref(column)} >= ${`${opts.scopePath}/`} and ${sql.ref(column)} < ${`${opts.scopePath}0`})`
      : sql<boolean>`true`;
  const count = (n: { n: number | string } | undefined) => Number(n?.n ?? 0);
  const compounds = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('level', '=', 'compound')
    .where('status', '=', 'active')
    .where(within('path'))
    .executeTakeFirst();
  const inTerm = (eb: Kysely<Database>) =>
    eb
      .selectFrom('ownerCommittees as c')
      .where('c.status', '=', 'in_term')
      .where('c.termStart', '<=', opts.today)
      .where('c.termEnd', '>=', opts.today)
      .where(within('c.path'));
  const withCommittee = await inTerm(db)
    .select((eb) => eb.fn.count<number>('c.compoundCode').distinct().as('n'))
    .executeTakeFirst();
  const members = await inTerm(db)
    .innerJoin('committeeMembers as m', 'm.committeeId', 'c.id')
    .where('m.until', 'is', null)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('m.partyMemberId').as('party')])
    .executeTakeFirst();
  const units = await db
    .selectFrom('ownerUnits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(within('path'))
    .executeTakeFirst();
  const owners = await db
    .selectFrom('owners')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(within('path'))
    .executeTakeFirst();
  const formations = await db
    .selectFrom('committeeFormations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'in_progress')
    .where(within('path'))
    .executeTakeFirst();
  const total = count(compounds);
  const formed = count(withCommittee);
  return {
    compounds: total,
    withCommittee: formed,
    rate: total === 0 ? 0 : Math.round((formed / total) * 1000) / 10,
    committeeMembers: count(members),
    partyMembersOnCommittees: Number(members?.party ?? 0),
    units: count(units),
    owners: count(owners),
    formationsInProgress: count(formations),
  };
}
