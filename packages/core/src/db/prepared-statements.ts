import pg from 'pg';

/**
 * Server-side prepared statements for the statements a process repeats (PostgreSQL only; ADR 0006).
 *
 * node-postgres sends every parameterised statement unnamed: PostgreSQL parses and plans it again on each
 * call. Under single filings, parsing and planning (Parse and Bind in the statement log) took as long as
 * executing: half of the statements' time, the writable CTE that stores a filing spending 1.8 ms per call
 * in Bind alone. This client names a statement once the process has sent the same text a few times; the
 * connection then parses it once, and PostgreSQL may keep a generic plan for it (`plan_cache_mode` auto:
 * only when it is not estimated costlier than planning each call). Drizzle's SQL texts are stable: the
 * values travel as parameters.
 *
 * Bounds: a text is named after `REPEATS` sends, so one-off statements (migrations, seeds, a bulk insert
 * of a size never seen again) are not kept; at most `PER_CONNECTION` statements are prepared on one
 * connection and `NAMES` texts named in the process — beyond them statements go unnamed, as before.
 */
const REPEATS = 3;
const PER_CONNECTION = 200;
const NAMES = 2_000;

const sends = new Map<string, number>();
const names = new Map<string, string>();

/** The name of a statement text the process repeats, or undefined (sent unnamed). */
export function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined) return known;
  const count = (sends.get(text) ?? 0) + 1;
  if (count < REPEATS) {
    if (sends.size >= NAMES * 4) sends.clear();
    sends.set(text, count);
    return undefined;
  }
  sends.delete(text);
  if (names.size >= NAMES) return undefined;
  const name = `aeolus_${names.size.toString(36)}`;
  names.set(text, name);
  return name;
}

type QueryConfig = { text?: unknown; name?: unknown; values?: unknown; submit?: unknown };

export class PreparingClient extends pg.Client {
  #prepared = new Set<string>();

  // biome-ignore lint/suspicious/noExplicitAny: node-postgres' overloads (string | config | submittable)
  override query(config: any, values?: any, callback?: any): any {
    const named = this.#named(config, values);
    return super.query(named ?? config, values, callback);
  }

  /** The config with a statement name, or undefined to send it as given. */
  // biome-ignore lint/suspicious/noExplicitAny: handed to node-postgres' untyped overload above
  #named(config: unknown, values: unknown): any {
    const object = typeof config === 'object' && config !== null ? (config as QueryConfig) : undefined;
    if (object && (typeof object.submit === 'function' || object.name !== undefined)) return undefined;
    const text = typeof config === 'string' ? config : object?.text;
    if (typeof text !== 'string') return undefined;
    const params = Array.isArray(values) ? values : object?.values;
    // Statements without parameters go by the simple protocol (BEGIN, COMMIT, scripts of several).
    if (!Array.isArray(params) || params.length === 0) return undefined;
    const name = statementName(text);
    if (name === undefined) return undefined;
    if (!this.#prepared.has(name)) {
      if (this.#prepared.size >= PER_CONNECTION) return undefined;
      this.#prepared.add(name);
    }
    return object ? { ...object, name } : { text, name };
  }
}
