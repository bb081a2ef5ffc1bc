import { createHash } from 'node:crypto';
import {
  CompilationProgramme,
  CompilationProgrammeList,
  CompilationQuery,
  CompilationStats,
  CuratedProgramme,
  CuratedProgrammeFilter,
  CuratedProgrammeInput,
  CuratedProgrammeList,
  MraNetwork,
  ReviewDecision,
} from '@aeolus/contracts';
import {
  compilationStats,
  createCuratedProgramme,
  filterProgrammes,
  getCuratedProgramme,
  getPublicProgramme,
  listCuratedProgrammes,
  listPublicProgrammes,
  loadPublicCompilation,
  mraNetwork,
  programmesToCsv,
  programmesToXlsx,
  publishCuratedProgramme,
  rejectCuratedProgramme,
  submitCuratedProgramme,
  updateCuratedProgramme,
} from '@aeolus/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, jsonRoutes } from './route-options.js';

const publicRoute = jsonRoutes({ tags: ['public'], errors: errorResponses(400, 404, 429) });
const route = jsonRoutes({ tags: ['compilation'], errors: errorResponses(400, 401, 403, 404, 409) });
const params = z.object({ id: z.string().regex(/^[a-z0-9-]{3,80}$/, 'must be a programme id') });
const exportQuery = CompilationQuery.omit({ limit: true, offset: true });
const file = z.any().describe('file');

/**
 * Answers with a strong ETag over the body and `no-cache`: a phone revalidates every time and gets a 304
 * with no body when nothing changed, yet a new grant on the platform shows at once (live AEO counts).
 */
function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string | Buffer,
  headers: Record<string, string>,
) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', 'public, no-cache').header('vary', 'accept-encoding');
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  const wanted = request.headers['if-none-match'];
  if (wanted?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return reply.status(304).send();
  }
  return reply.send(body);
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The online AEO compilation (issue 5 §9): a public directory of AEO programmes and MRAs with no account
 * (the global per-address rate limit applies), and the signed-in curation with its review step.
 */
export async function compilationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { ctx } = app.services;

  app.get(
    '/api/public/compilation/programmes',
    publicRoute(
      { public: true },
      {
        summary: 'The directory of AEO programmes (published and live), filtered and paged',
        description:
          'Filters: `q` (name, administration or country, accent-insensitive), `country`, `region`, ' +
          '`status`, `type` (each may list several values, comma-separated). Paging: `limit` (1–500, ' +
          'default 100) and `offset`; `total` counts every match. Answers carry an ETag.',
        querystring: CompilationQuery,
        response: { 200: CompilationProgrammeList },
      },
    ),
    async (request, reply) =>
      sendCached(
        request,
        reply,
        JSON.stringify(await listPublicProgrammes(ctx.db, request.query)),
        JSON_TYPE,
      ),
  );

  const exported = async (query: z.infer<typeof exportQuery>) =>
    filterProgrammes((await loadPublicCompilation(ctx.db)).programmes, query);

  app.get(
    '/api/public/compilation/programmes.csv',
    publicRoute(
      { public: true },
      {
        summary: 'The directory as CSV (same filters, every match, no paging)',
        querystring: exportQuery,
        response: { 200: file },
      },
    ),
    async (request, reply) =>
      sendCached(request, reply, programmesToCsv(await exported(request.query)), {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="aeo-compilation.csv"',
      }),
  );

  app.get(
    '/api/public/compilation/programmes.xlsx',
    publicRoute(
      { public: true },
      {
        summary: 'The directory as an Excel workbook (same filters, every match)',
        querystring: exportQuery,
        response: { 200: file },
      },
    ),
    async (request, reply) =>
      sendCached(request, reply, await programmesToXlsx(await exported(request.query)), {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': 'attachment; filename="aeo-compilation.xlsx"',
      }),
  );

  app.get(
    '/api/public/compilation/programmes.json',
    publicRoute(
      { public: true },
      {
        summary: 'The directory as a JSON file to download (same filters, every match)',
        querystring: exportQuery,
        response: { 200: file },
      },
    ),
    async (request, reply) => {
      const items = await exported(request.query);
      return sendCached(request, reply, JSON.stringify({ items, total: items.length }, null, 2), {
        ...JSON_TYPE,
        'content-disposition': 'attachment; filename="aeo-compilation.json"',
      });
    },
  );

  app.get(
    '/api/public/compilation/programmes/:id',
    publicRoute(
      { public: true },
      { summary: 'One programme of the directory', params, response: { 200: CompilationProgramme } },
    ),
    async (request, reply) =>
      sendCached(
        request,
        reply,
        JSON.stringify(await getPublicProgramme(ctx.db, request.params.id)),
        JSON_TYPE,
      ),
  );

  app.get(
    '/api/public/compilation/stats',
    publicRoute(
      { public: true },
      {
        summary: 'Counts of programmes and MRAs by status, type, region and year',
        response: { 200: CompilationStats },
      },
    ),
    async (request, reply) =>
      sendCached(
        request,
        reply,
        JSON.stringify(compilationStats(await loadPublicCompilation(ctx.db))),
        JSON_TYPE,
      ),
  );

  app.get(
    '/api/public/compilation/network',
    publicRoute(
      { public: true },
      {
        summary: 'The MRA network: nodes are jurisdictions with their programme, edges are MRAs by status',
        response: { 200: MraNetwork },
      },
    ),
    async (request, reply) =>
      sendCached(request, reply, JSON.stringify(mraNetwork(await loadPublicCompilation(ctx.db))), JSON_TYPE),
  );

  // Curation (signed in) -------------------------------------------------------------------------------

  app.get(
    '/api/compilation/entries',
    route('compilation:curate', {
      summary: 'Compilation entries one curates (administrations: own country; secretariat: all)',
      querystring: CuratedProgrammeFilter,
      response: { 200: CuratedProgrammeList },
    }),
    async (request) => ({ items: await listCuratedProgrammes(ctx, actorOf(request), request.query) }),
  );

  app.post(
    '/api/compilation/entries',
    route('compilation:curate', {
      summary: 'Create a draft entry (unknown country, duplicate name or bad year: 4xx naming the field)',
      body: CuratedProgrammeInput,
      response: { 201: CuratedProgramme },
    }),
    async (request, reply) =>
      reply.status(201).send(await createCuratedProgramme(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/compilation/entries/:id',
    route('compilation:curate', {
      summary: 'One curated entry',
      params,
      response: { 200: CuratedProgramme },
    }),
    async (request) => getCuratedProgramme(ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/api/compilation/entries/:id',
    route('compilation:curate', {
      summary: 'Edit an entry (back to draft; an entry under review cannot change)',
      params,
      body: CuratedProgrammeInput,
      response: { 200: CuratedProgramme },
    }),
    async (request) => updateCuratedProgramme(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/compilation/entries/:id/submit',
    route('compilation:curate', {
      summary: 'Submit a draft or rejected entry for the secretariat’s review',
      params,
      response: { 200: CuratedProgramme },
    }),
    async (request) => submitCuratedProgramme(ctx, actorOf(request), request.params.id),
  );

  // The secretariat's decision names the entry in the body: the secretariat sees every entry, so there is
  // no other tenant whose entries a path could point at.
  app.post(
    '/api/compilation/reviews',
    route('compilation:review', {
      summary: 'Publish a submitted entry (it appears in the public directory) or return it with a comment',
      body: ReviewDecision,
      response: { 200: CuratedProgramme },
    }),
    async (request) => {
      const { entryId, decision, comment } = request.body;
      return decision === 'publish'
        ? publishCuratedProgramme(ctx, actorOf(request), entryId, comment)
        : rejectCuratedProgramme(ctx, actorOf(request), entryId, comment ?? '');
    },
  );
}
