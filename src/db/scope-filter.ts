import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

/**
 * `column` lies in one of the scopes: equal to a scope path or below it. An empty scope list
 * matches nothing. Area paths are digits and slashes, so LIKE needs no escaping.
 */
export function inScopes<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  scopes: string[],
): Expression<SqlBool> {
  if (scopes.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = sql.ref(column);
  return eb.or(scopes.flatMap((s) => [sql<SqlBool>`${ref} = ${s}`, sql<SqlBool>`${ref} like ${`${s}/%`}`]));
}
