import { inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { organisations } from '../identity/identity.tables.js';

/** An import's operators: organisations found by the trader identifier a row names. */
export interface ImportOperator {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  supervisingAdministrationId: string | null;
  /** The trader identifier it was found by, `SCHEME:value`. */
  key: string;
}

/** Organisations by trader identifier (`SCHEME:value`); usually one, several when the data is dirty. */
export type AeoImportOperators = Map<string, ImportOperator[]>;

/**
 * The organisations holding any of `keys`, in one pass over the organisations (no index can serve a
 * look-up inside the identifiers' JSON; the keys are hashed once, not compared row by row). An import
 * builds it once for its whole file, not once per batch, which would make it quadratic.
 */
export async function indexOperatorsByIdentifier(
  db: Db | Tx,
  keys: readonly string[],
): Promise<AeoImportOperators> {
  const index: AeoImportOperators = new Map();
  if (keys.length === 0) return index;
  const result = await db.execute(sql`
    with held as materialized (
      select o.id, o.name, o.kind, o.country, o.supervising_administration_id, (e->>'scheme') || ':' || (e->>'value') as key
        from ${organisations} o cross join lateral jsonb_array_elements(o.identifiers) e
    )
    select held.id, held.name, held.kind, held.country,
           held.supervising_administration_id as "supervisingAdministrationId", held.key
      from held join jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) wanted(key) on wanted.key = held.key`);
  for (const operator of (result as unknown as { rows: ImportOperator[] }).rows) {
    const list = index.get(operator.key) ?? [];
    if (!list.some((o) => o.id === operator.id)) list.push(operator);
    index.set(operator.key, list);
  }
  return index;
}

/**
 * A batch's operators from an index built earlier, re-read by id (primary key) so that a change since
 * (another country, another supervising administration) is seen. Organisations registered meanwhile
 * by someone else are not: identifiers are not unique in the platform (`createOrganisation` does not
 * check them either), so that race can leave two organisations with one identifier, as it can today.
 */
export async function refreshOperators(
  tx: Tx,
  index: AeoImportOperators,
  keys: readonly string[],
): Promise<AeoImportOperators> {
  const wanted = keys.flatMap((key) => index.get(key) ?? []);
  if (wanted.length === 0) return new Map();
  const current = new Map(
    (
      await tx
        .select({
          id: organisations.id,
          name: organisations.name,
          kind: organisations.kind,
          country: organisations.country,
          supervisingAdministrationId: organisations.supervisingAdministrationId,
        })
        .from(organisations)
        .where(inArray(organisations.id, [...new Set(wanted.map((o) => o.id))]))
    ).map((o) => [o.id, o]),
  );
  const fresh: AeoImportOperators = new Map();
  for (const operator of wanted) {
    const now = current.get(operator.id);
    if (!now) continue;
    fresh.set(operator.key, [...(fresh.get(operator.key) ?? []), { ...now, key: operator.key }]);
  }
  return fresh;
}

export const identifierKey = (i: { scheme: string; value: string }) => `${i.scheme}:${i.value}`;
