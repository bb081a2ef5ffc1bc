import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import {
  ErrorBody,
  FilingBatchResponse,
  type FilingItem,
  FilingRequest,
  FilingSingleResponse,
  MAX_FILING_BATCH,
  RecordOutcome,
  ScreeningOutcome,
  ScreeningResult,
  ScreeningResultPage,
  ScreeningResultsQuery,
  Uuid,
} from '@aeolus/contracts';
import {
  type Actor,
  AppError,
  type CoreContext,
  type FilingResult,
  fileConsignments,
  getScreeningResult,
  isAppError,
  listScreeningResults,
  parseIdempotencyKey,
  parseNdjsonLine,
  recordScreeningOutcome,
} from '@aeolus/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { ndjsonLines } from '../plugins/ndjson.js';
import { errorResponses, jsonRoutes } from './route-options.js';

const route = jsonRoutes({ tags: ['screening'], errors: errorResponses(400, 401, 403, 404, 409) });
const NDJSON = 'application/x-ndjson';

/** A JSON filing of 10,000 full consignments with many goods items stays well under this. */
const FILING_BODY_LIMIT = 64 * 1024 * 1024;
const NDJSON_MAX_LINE_BYTES = 4 * 1024 * 1024;
/** Lines screened (and committed) together when an NDJSON stream has no idempotency key. */
const NDJSON_CHUNK = 1_000;

/** NDJSON request streams, kept out of `request.body` (the error plugin walks bodies for NUL characters). */
const ndjsonBodies = new WeakMap<FastifyRequest, Readable>();

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function batchBody(result: FilingResult) {
  const accepted = result.items.filter((i) => i.status === 'screened').length;
  return {
    batchId: result.batchId,
    receivedAt: result.receivedAt,
    accepted,
    rejected: result.items.length - accepted,
    items: result.items,
  };
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

/** The items of a JSON body: one consignment, or `{ consignments: [...] }` (and nothing else). */
function itemsOf(body: unknown): { items: unknown[]; format: 'single' | 'json' } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw AppError.validation([
      { path: 'body', message: 'must be one consignment or { "consignments": [ ... ] }' },
    ]);
  }
  if (!('consignments' in body)) return { items: [body], format: 'single' };
  const extra = Object.keys(body).filter((k) => k !== 'consignments');
  const problems = extra.map((k) => ({ path: `body.${k}`, message: 'is not a known field' }));
  const { consignments } = body as { consignments: unknown };
  if (!Array.isArray(consignments)) problems.push({ path: 'body.consignments', message: 'must be an array' });
  if (problems.length > 0) throw AppError.validation(problems);
  return { items: consignments as unknown[], format: 'json' };
}

/**
 * NDJSON: one consignment per line in, one result per line out, in order. With an Idempotency-Key the
 * stream is one batch (at most 10,000 lines, read whole, then answered); without one it is screened and
 * committed 1,000 lines at a time and each line is answered once its chunk has committed. An error after
 * the first chunk ends the response with an `{ "error": ... }` line.
 */
async function fileNdjson(
  ctx: CoreContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { actor: Actor; stream: Readable; key?: string },
) {
  const { actor, stream, key } = input;
  if (key) {
    const hash = createHash('sha256').update('ndjson\n');
    const items: unknown[] = [];
    for await (const text of ndjsonLines(stream, {
      maxLineBytes: NDJSON_MAX_LINE_BYTES,
      maxTotalBytes: FILING_BODY_LIMIT,
      hash,
    })) {
      items.push(parseNdjsonLine(text));
      if (items.length > MAX_FILING_BATCH) {
        throw AppError.validation([
          {
            path: 'body',
            message: `at most ${MAX_FILING_BATCH.toLocaleString('en')} lines per request with an Idempotency-Key (stream without one for more)`,
          },
        ]);
      }
    }
    const result = await fileConsignments(ctx, actor, {
      items,
      format: 'ndjson',
      idempotency: { key, requestHash: hash.digest('hex') },
    });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.type(NDJSON).send(result.items.map(line).join(''));
  }

  const lines = ndjsonLines(stream, { maxLineBytes: NDJSON_MAX_LINE_BYTES })[Symbol.asyncIterator]();
  const nextChunk = async () => {
    const items: unknown[] = [];
    while (items.length < NDJSON_CHUNK) {
      const next = await lines.next();
      if (next.done) break;
      items.push(parseNdjsonLine(next.value));
    }
    return items;
  };
  // The first chunk decides the status: a refusal (no rule set, bad line length...) is an ordinary error.
  let items = await nextChunk();
  if (items.length === 0) return reply.type(NDJSON).send('');
  const first = await fileConsignments(ctx, actor, { items, format: 'ndjson', firstIndex: 0 });
  const out = new PassThrough();
  reply.type(NDJSON).send(out);
  const write = async (batch: FilingItem[]) => {
    for (const item of batch) {
      if (!out.write(line(item))) await new Promise((resolve) => out.once('drain', resolve));
    }
  };
  void (async () => {
    let index = items.length;
    try {
      await write(first.items);
      for (items = await nextChunk(); items.length > 0; items = await nextChunk()) {
        const result = await fileConsignments(ctx, actor, { items, format: 'ndjson', firstIndex: index });
        index += items.length;
        await write(result.items);
      }
    } catch (error) {
      if (!isAppError(error) || error.status >= 500)
        request.log.error({ err: error }, 'NDJSON filing failed');
      const body = isAppError(error)
        ? { code: error.code, message: error.message, details: error.details }
        : { code: 'INTERNAL', message: 'An unexpected error occurred' };
      out.write(line({ error: { ...body, requestId: request.id, processedLines: index } }));
    } finally {
      out.end();
    }
  })();
  return reply;
}

/**
 * Risk screening of advance cargo data (issue 4): filing by operators and their API keys (scope `filing`),
 * and the results with explanations and outcomes for the administration's risk analysts.
 */
export async function screeningRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;
  app.addContentTypeParser(NDJSON, (request, payload, done) => {
    ndjsonBodies.set(request, payload);
    done(null, undefined);
  });

  const filing = route(
    'screening:file',
    {
      summary: 'File advance cargo data for risk screening: one consignment, a batch, or an NDJSON stream',
      description:
        'Send one consignment (201, its lane) or `{ "consignments": [...] }` of up to 10,000 (200, one item per ' +
        'consignment, in order: `screened` with the lane and referrals, or `rejected` with its field problems; ' +
        'a bad consignment does not refuse the others). With `Content-Type: application/x-ndjson`, send one ' +
        'consignment per line and read one result per line. `Idempotency-Key`: the same key with the same ' +
        'body returns the stored result (`Idempotent-Replayed: true`); with another body, 409. Keys are kept ' +
        'for 24 hours.',
      consumes: ['application/json', NDJSON],
      headers: z.object({ 'idempotency-key': z.string().optional() }),
      body: FilingRequest,
      response: { 200: FilingBatchResponse, 201: FilingSingleResponse, 413: ErrorBody, 415: ErrorBody },
    },
    { bodyLimit: FILING_BODY_LIMIT },
  );
  app.post(
    '/api/screening/consignments',
    {
      ...filing,
      // Each consignment is checked for the NUL character with its other problems (filing.validation.ts).
      config: { ...filing.config, nulCheckedPerItem: true },
      // Consignments are validated one by one by the service, so that one bad item does not refuse the batch;
      // the body schema documents the request.
      validatorCompiler: (part) =>
        part.httpPart === 'body'
          ? (data: unknown) => ({ value: data })
          : validatorCompiler(part as unknown as Parameters<typeof validatorCompiler>[0]),
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const key = parseIdempotencyKey(request.headers['idempotency-key']);
      const stream = ndjsonBodies.get(request);
      if (stream) return fileNdjson(ctx, request, reply, { actor, stream, key });
      const { items, format } = itemsOf(request.body);
      const idempotency = key
        ? { key, requestHash: sha256(`${format}\n${JSON.stringify(request.body)}`) }
        : undefined;
      const result = await fileConsignments(ctx, actor, { items, format, idempotency });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      if (format === 'json') return reply.status(200).send(batchBody(result));
      const item = result.items[0]!;
      if (item.status !== 'screened') throw AppError.validation(item.problems);
      const { index: _index, ...receipt } = item;
      return reply.status(201).send({ ...receipt, batchId: result.batchId, receivedAt: result.receivedAt });
    },
  );

  app.get(
    '/api/screening/results',
    route('screening-results:read', {
      summary:
        'Screening results of the administration, newest first (filters: lane, mode, AEO, rule, dates)',
      querystring: ScreeningResultsQuery,
      response: { 200: ScreeningResultPage },
    }),
    async (request) => listScreeningResults(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/screening/results/:id',
    route('screening-results:read', {
      summary:
        'One screening result: the consignment, every fired rule with its evidence, every selectivity step',
      params: z.object({ id: Uuid }),
      response: { 200: ScreeningResult },
    }),
    async (request) => getScreeningResult(ctx, actorOf(request), request.params),
  );

  app.post(
    '/api/screening/results/:id/outcome',
    route('screening-outcomes:record', {
      summary: 'Record what the examination found (no finding, discrepancy, seizure)',
      params: z.object({ id: Uuid }),
      body: RecordOutcome,
      response: { 201: ScreeningOutcome },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordScreeningOutcome(ctx, actorOf(request), { ...request.params, ...request.body })),
  );
}
