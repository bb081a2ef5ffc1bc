import type { DomainEvent } from '@aeolus/contracts';
import {
  connect,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  nanos,
  RetentionPolicy,
  StorageType,
  type StreamInfo,
} from 'nats';
import { type EventLogger, errorMessage, silentLogger } from './event-logger.js';

export const DEFAULT_SUBJECT_PREFIX = 'aeolus.events';

export interface NatsEventsOptions {
  url: string;
  /** JetStream stream name (config.nats.stream). */
  stream: string;
  /** Subjects are `<prefix>.<event type>`; default `aeolus.events`. Tests use their own. */
  subjectPrefix?: string;
  /** How long the stream keeps events (default 7 days): long enough for a follower to catch up. */
  maxAgeMs?: number;
  /** Window in which a re-published event id is dropped as a duplicate (default 15 minutes). */
  duplicateWindowMs?: number;
  logger?: EventLogger;
}

/** `user.created` → `aeolus.events.user.created`; characters NATS treats specially become `_`. */
export function eventSubject(type: string, prefix = DEFAULT_SUBJECT_PREFIX): string {
  const tokens = type.split('.').map((t) => t.replace(/[^A-Za-z0-9_-]/g, '_') || '_');
  return `${prefix}.${tokens.join('.')}`;
}

async function openConnection(options: NatsEventsOptions, name: string): Promise<NatsConnection> {
  try {
    // Reconnect forever: the dispatcher keeps events in the outbox until NATS acknowledges them.
    // noAsyncTraces: no stack trace is captured for every request (each JetStream publish is one), about a
    // tenth of the server's CPU when every screened consignment's event is published; errors still name
    // what failed.
    return await connect({
      servers: options.url,
      name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
      noAsyncTraces: true,
    });
  } catch (error) {
    throw new Error(`Could not connect to NATS at ${options.url}: ${errorMessage(error)}`);
  }
}

/** Creates the durable stream if it does not exist, or adds our subjects to an existing one. */
async function ensureStream(jsm: JetStreamManager, options: NatsEventsOptions): Promise<StreamInfo> {
  const subject = `${options.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX}.>`;
  try {
    const info = await jsm.streams.info(options.stream);
    if (info.config.subjects.includes(subject)) return info;
    return await jsm.streams.update(options.stream, { subjects: [...info.config.subjects, subject] });
  } catch (error) {
    if (!/stream not found/i.test(errorMessage(error))) throw error;
  }
  return jsm.streams.add({
    name: options.stream,
    subjects: [subject],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: nanos(options.maxAgeMs ?? 7 * 24 * 3600 * 1000),
    duplicate_window: nanos(options.duplicateWindowMs ?? 15 * 60 * 1000),
  });
}

/**
 * Publishes dispatched events to NATS JetStream, so that other processes and services share them.
 * Each message carries `Nats-Msg-Id: <event id>`: when the dispatcher re-publishes an event (it crashed
 * after the ack but before stamping the outbox row) the stream drops the copy.
 */
export class NatsEventPublisher {
  readonly #connection: NatsConnection;
  readonly #jetstream: JetStreamClient;
  readonly #options: NatsEventsOptions;

  private constructor(connection: NatsConnection, options: NatsEventsOptions) {
    this.#connection = connection;
    this.#jetstream = connection.jetstream();
    this.#options = options;
  }

  static async connect(options: NatsEventsOptions): Promise<NatsEventPublisher> {
    const connection = await openConnection(options, 'aeolus-publisher');
    try {
      await ensureStream(await connection.jetstreamManager(), options);
    } catch (error) {
      await connection.close();
      throw new Error(`Could not set up the NATS JetStream stream ${options.stream}: ${errorMessage(error)}`);
    }
    return new NatsEventPublisher(connection, options);
  }

  /** Resolves once JetStream has stored the event (or recognised it as a duplicate). */
  async publish(event: DomainEvent): Promise<{ stream: string; seq: number; duplicate: boolean }> {
    const ack = await this.#jetstream.publish(
      eventSubject(event.type, this.#options.subjectPrefix),
      JSON.stringify(event),
      {
        msgID: event.id,
        timeout: 5_000,
      },
    );
    return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
  }

  async close(): Promise<void> {
    if (!this.#connection.isClosed()) await this.#connection.drain();
  }
}

export interface NatsFollower {
  stop(): Promise<void>;
}

/**
 * Follows the events other processes publish, from now on (an ordered, ephemeral consumer that
 * re-creates itself after a reconnect). The server uses it to wake its SSE streams when an event was
 * written by another process; a service outside Aeolus can use it the same way.
 */
export async function followNatsEvents(
  options: NatsEventsOptions,
  onEvent: (event: DomainEvent) => void,
): Promise<NatsFollower> {
  const logger = options.logger ?? silentLogger;
  const connection = await openConnection(options, 'aeolus-follower');
  try {
    await ensureStream(await connection.jetstreamManager(), options);
    const consumer = await connection.jetstream().consumers.get(options.stream, {
      // A single subject, not a list: multi-subject filters need NATS 2.10, and 2.9 servers are common.
      filterSubjects: `${options.subjectPrefix ?? DEFAULT_SUBJECT_PREFIX}.>`,
      deliver_policy: DeliverPolicy.New,
    });
    const messages = await consumer.consume();
    const done = (async () => {
      for await (const message of messages) {
        try {
          onEvent(message.json<DomainEvent>());
        } catch (error) {
          logger.warn(
            { err: error, subject: message.subject },
            `NATS event not handled: ${errorMessage(error)}`,
          );
        }
      }
    })();
    return {
      async stop() {
        messages.stop();
        await done.catch(() => {});
        if (!connection.isClosed()) await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw new Error(`Could not follow NATS stream ${options.stream}: ${errorMessage(error)}`);
  }
}
