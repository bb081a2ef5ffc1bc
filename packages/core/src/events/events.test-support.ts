import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database, Db } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { type Actor, systemActor } from '../identity/actor.js';
import { recordChange } from '../shared/record-change.js';
import type { EventLogger } from './event-logger.js';

/** Helpers shared by the event tests (not part of the module's public surface). */

export async function organisationIdByName(database: Database, name: string): Promise<string> {
  const [row] = await database.query<{ id: string }>('select id from organisations where name = $1', [name]);
  if (!row) throw new Error(`no organisation named ${name}`);
  return row.id;
}

/** Commits a state change's audit entry and event, as every service does. */
export async function commitEvent(
  db: Db,
  event: { organisationId: string; type: string; payload?: Record<string, unknown> },
): Promise<void> {
  await inTransaction(db, (tx) =>
    recordChange(tx, systemActor('event-test'), {
      action: event.type,
      subjectType: 'test',
      subjectId: null,
      organisationId: event.organisationId,
      event: event.payload ?? {},
    }),
  );
}

/** An administrator of the organisation (the authorization layer looks only at role and tenant). */
export function adminOf(organisationId: string): Actor {
  return {
    kind: 'user',
    userId: randomUUID(),
    label: 'test administrator',
    organisationId,
    organisationKind: 'customs_administration',
    roles: ['admin'],
  };
}

export interface CapturedLog {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

export function captureLogger(): EventLogger & { lines: CapturedLog[] } {
  const lines: CapturedLog[] = [];
  const at = (level: CapturedLog['level']) => (obj: object, msg?: string) => lines.push({ level, obj, msg });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 15_000,
  intervalMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** A real HTTP webhook receiver on 127.0.0.1 and an ephemeral port. */
export async function startReceiver(
  respond: (request: ReceivedRequest, response: ServerResponse) => void,
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      requests.push(received);
      respond(received, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens: a port we bound and released. */
export async function closedPortUrl(): Promise<string> {
  const receiver = await startReceiver((_r, res) => res.end());
  await receiver.close();
  return receiver.url;
}
