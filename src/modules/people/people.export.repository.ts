import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { inScopes } from '../../db/scope-filter';
import type { ResidentFilter } from './people.repository';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * How many residents match a list filter: the row count an export's audit entry names before the
 * first row is sent. The conditions are listResidents'; the export test compares this count with
 * the rows in the file, so the two cannot drift apart unnoticed.
 */
export async function countResidents(q: Q, f: Omit<ResidentFilter, 'after' | 'limit'>): Promise<number> {
  let query = q
    .selectFrom('residents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => inScopes(eb, 'path', f.scopes));
  if (f.areaPath) query = query.where((eb) => inScopes(eb, 'path', [f.areaPath as string]));
  if (f.name) {
    const escaped = f.name.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where(sql<boolean>`${sql.ref('name')} like ${`%${escaped}%`} escape '\\'`);
  }
  if (f.idNumberHash) query = query.where('idNumberHash', '=', f.idNumberHash);
  if (f.phoneHash) query = query.where('phoneHash', '=', f.phoneHash);
  if (f.residenceType) query = query.where('residenceType', '=', f.residenceType);
  if (f.gender) query = query.where('gender', '=', f.gender);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.bornFrom) query = query.where('birthDate', '>=', f.bornFrom);
  if (f.bornTo) query = query.where('birthDate', '<=', f.bornTo);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}
