import { createHash } from 'node:crypto';
import { MAX_FILING_BATCH, SCREENING_IMPORT_MAX_BYTES, ScreeningImportResult } from '@aeolus/contracts';
import { AppError, importConsignmentsCsv, parseIdempotencyKey } from '@aeolus/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, jsonRoutes } from './route-options.js';

const route = jsonRoutes({ tags: ['screening'], errors: errorResponses(400, 401, 403, 409, 413, 415) });

/**
 * CSV filing of consignments (issue 4 item 2; format in docs/screening-import.md): the web upload and any
 * client that holds a spreadsheet rather than JSON. Same permission, filer and screening as
 * `POST /api/screening/consignments`; the answer names every bad row and column and every consignment's
 * lane, and a bad row never refuses the other consignments.
 */
export async function screeningImportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: SCREENING_IMPORT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/screening/imports',
    {
      ...route(
        'screening:file',
        {
          summary: 'File consignments for risk screening from a CSV file (one row per goods item)',
          description:
            'Send the CSV as the body with `Content-Type: text/csv` (UTF-8; comma, semicolon or tab; at most ' +
            `${SCREENING_IMPORT_MAX_BYTES / 1024 / 1024} MB and ${MAX_FILING_BATCH.toLocaleString('en')} consignments). ` +
            'Rows are grouped into consignments by transport document. The answer lists every problem by row ' +
            '(the header is row 1) and column, and every consignment: `screened` with its lane and referrals, ' +
            '`skipped` when this organisation already filed it unchanged (its earlier result), or `rejected` ' +
            'when one of its rows has a problem. A file with an unknown, repeated or missing column is refused ' +
            'whole (400). `Idempotency-Key`: the same key with the same file returns the stored answer ' +
            '(`Idempotent-Replayed: true`); with another file, 409.',
          consumes: ['text/csv'],
          headers: z.object({ 'idempotency-key': z.string().optional() }),
          body: z.string().describe('The CSV file'),
          response: { 200: ScreeningImportResult },
        },
        { bodyLimit: SCREENING_IMPORT_MAX_BYTES },
      ),
      // A JSON body is parsed by the default parser; say what this route takes rather than "not a string".
      preValidation: async (request) => {
        if (!/^text\/csv\b/i.test(request.headers['content-type'] ?? '')) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the CSV file with Content-Type: text/csv (JSON goes to POST /api/screening/consignments)',
          );
        }
      },
    },
    async (request, reply) => {
      const key = parseIdempotencyKey(request.headers['idempotency-key']);
      const text = request.body;
      const idempotency = key
        ? { key, requestHash: createHash('sha256').update(`csv\n${text}`).digest('hex') }
        : undefined;
      const { result, replayed } = await importConsignmentsCsv(ctx, actorOf(request), {
        text,
        idempotency,
        maxConsignments: MAX_FILING_BATCH,
      });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return result;
    },
  );
}
