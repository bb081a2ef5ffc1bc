import { Uuid } from '@aeolus/contracts';
import { AppError, type Database } from '@aeolus/core';

export interface OrganisationRef {
  id: string;
  name: string;
  kind: string;
}

/**
 * `--org` takes an organisation's id or its exact name (case-insensitive), because operators know
 * organisations by name. An unknown or ambiguous name fails with the candidates, never a guess.
 */
export async function resolveOrganisation(database: Database, ref: string): Promise<OrganisationRef> {
  const wanted = ref.trim();
  if (Uuid.safeParse(wanted).success) {
    const [row] = await database.query<OrganisationRef>(
      'select id, name, kind from organisations where id = $1',
      [wanted],
    );
    if (!row) throw new AppError('NOT_FOUND', `No organisation has the id ${wanted}`);
    return row;
  }
  const rows = await database.query<OrganisationRef>(
    'select id, name, kind from organisations where lower(name) = lower($1) order by created_at',
    [wanted],
  );
  if (rows.length === 1) return rows[0]!;
  if (rows.length > 1) {
    throw new AppError(
      'CONFLICT',
      `Several organisations are called "${wanted}": give the id of one of ${rows.map((r) => r.id).join(', ')}`,
    );
  }
  const known = await database.query<{ name: string }>(
    'select name from organisations order by name limit 11',
  );
  const names = known.slice(0, 10).map((k) => `"${k.name}"`);
  const list =
    names.length === 0 ? 'there are none yet' : `known: ${names.join(', ')}${known.length > 10 ? ', …' : ''}`;
  throw new AppError('NOT_FOUND', `Unknown organisation "${wanted}" (give its id or exact name; ${list})`);
}
