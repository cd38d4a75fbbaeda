import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';

// Rows of this module carry the area path of their compound (or household): when the area tree
// moves a place, they move with it in the same transaction.

const TABLES = [
  'ownerUnits',
  'owners',
  'ownerCommittees',
  'committeeFormations',
  'ownerVotes',
  'committeeDisclosures',
] as const;

export async function rewritePaths(
  trx: Transaction<Database>,
  change: { oldPath: string; newPath: string },
): Promise<void> {
  const { oldPath, newPath } = change;
  for (const table of TABLES)
    await trx
      .updateTable(table)
      .set({ path: sql<string>`${newPath} || substr(${sql.ref('path')}, ${oldPath.length + 1})` })
      .where((eb) => inScopes(eb, 'path', [oldPath]))
      .execute();
}
