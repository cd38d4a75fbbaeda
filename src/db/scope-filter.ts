import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

/**
 * `column` lies in one of the scopes: equal to a scope path or below it. "Below" is the byte
 * range [scope/, scope0) — '/' sorts just before '0' — so the condition uses the path index on
 * both dialects (path columns are collated "C" on PostgreSQL). An empty list matches nothing.
 */
export function inScopes<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  column: string,
  scopes: string[],
): Expression<SqlBool> {
  if (scopes.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = sql.ref(column);
  const parts = scopes.map(
    (s) => sql<SqlBool>`(${ref} = ${s} or (${ref} >= ${`${s}/`} and ${ref} < ${`${s}0`}))`,
  );
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Strictly below `path` (not the node itself), as an index range. */
export function below<DB, TB extends keyof DB>(
  _eb: ExpressionBuilder<DB, TB>,
  column: string,
  path: string,
): Expression<SqlBool> {
  const ref = sql.ref(column);
  return sql<SqlBool>`(${ref} >= ${`${path}/`} and ${ref} < ${`${path}0`})`;
}
