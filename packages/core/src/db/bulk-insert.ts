import { getTableColumns, getTableName, type SQL, sql, type Table } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from './client.js';

/**
 * Inserts many rows with one parameter: the rows as a JSON array, which PostgreSQL spreads back into
 * typed columns (`jsonb_to_recordset`). The same statement runs on PostgreSQL and PGlite and costs the
 * same whether it carries one row or a thousand: no query text and no parameter per value to build
 * and bind, which is what makes a multi-row `insert … values` slow for bulk work (an import).
 *
 * `rows` use the table's property names; every row must give the same columns, and the columns left
 * out take their defaults. Values must survive JSON: dates become ISO strings (read back as timestamps
 * or dates by the column type), objects go to `jsonb` columns as they are. Returns `returning`'s columns.
 */
export async function insertRecordset<T extends Table, K extends keyof T['$inferInsert'] & string>(
  tx: Tx,
  table: T,
  rows: readonly Pick<T['$inferInsert'], K>[],
  returning: readonly (keyof T['$inferSelect'] & string)[] = [],
): Promise<Record<string, unknown>[]> {
  const statement = recordsetInsert(table, rows, returning);
  if (!statement) return [];
  const result = await tx.execute(statement);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows;
}

/**
 * The statement `insertRecordset` runs, for a caller that sends it with others (a writable CTE); undefined
 * for no rows.
 */
export function recordsetInsert<T extends Table, K extends keyof T['$inferInsert'] & string>(
  table: T,
  rows: readonly Pick<T['$inferInsert'], K>[],
  returning: readonly (keyof T['$inferSelect'] & string)[] = [],
): SQL | undefined {
  const [first] = rows;
  if (!first) return undefined;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first) as K[];
  const named = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return { key, name: column.name, type: column.getSQLType() };
  });
  const records = rows.map((row) => Object.fromEntries(named.map((c) => [c.name, row[c.key] ?? null])));
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const list = named.map((c) => quoted(c.name)).join(', ');
  const definition = named.map((c) => `${quoted(c.name)} ${c.type}`).join(', ');
  const back = returning.map((key) => `${quoted(columns[key]!.name)} as ${quoted(key)}`).join(', ');
  return sql`insert into ${table} (${sql.raw(list)}) select ${sql.raw(list)} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(${sql.raw(definition)})${sql.raw(back ? ` returning ${back}` : '')}`;
}
