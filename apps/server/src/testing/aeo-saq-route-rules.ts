import { createDraft, smallSaq } from './aeo-saq-helpers.js';
import type { RouteRule, SampleContext } from './route-rules.js';
import type { TestClient } from './test-app.js';

/**
 * Route-matrix rules for the SAQ version routes (see route-rules.ts). Readers open the first version
 * they see (the shipped default); writers act on a draft of their own made for the call. The KE demo
 * administration has no programme, so publishing there is a 404 and its drafts are never published
 * (retiring one is a 409): both prove that access was granted and the service ran.
 */

const firstVisible = async ({ person }: SampleContext) => {
  const res = await person.request('GET', '/api/aeo/saq-versions');
  return { params: { id: (res.json().items as { id: string }[])[0]!.id } };
};

const ownDraft = async ({ person, unique }: SampleContext) => ({
  params: { id: await createDraft(person, smallSaq(`matrix-${unique}`)) },
});

// The Netherlands administration's draft; the Kenyan admin must hear 404, and it must stay as it was.
const foreignDraft: RouteRule['foreign'] = {
  owner: 'admin@nl.customs.example',
  intruder: 'admin@ke.customs.example',
  create: async (owner: TestClient) => ({
    id: await createDraft(owner, smallSaq(`foreign-${Date.now().toString(36)}`)),
  }),
  snapshot: async (owner, params) =>
    (await owner.request('GET', `/api/aeo/saq-versions/${params.id}`)).json(),
};

export const AEO_SAQ_ROUTE_RULES: Record<string, RouteRule> = {
  'GET /api/aeo/saq-versions': {},
  'POST /api/aeo/saq-versions': {
    sample: ({ unique }) => ({ body: { definition: smallSaq(`matrix-${unique}`) } }),
    granted: 201,
  },
  'GET /api/aeo/saq-versions/:id': { sample: firstVisible, foreign: foreignDraft },
  'GET /api/aeo/saq-versions/:id/definition': { sample: firstVisible, foreign: foreignDraft },
  'PUT /api/aeo/saq-versions/:id': {
    sample: async (ctx) => ({
      ...(await ownDraft(ctx)),
      body: { definition: smallSaq(`matrix-${ctx.unique}`, '2.1.0') },
    }),
    foreign: foreignDraft,
  },
  'DELETE /api/aeo/saq-versions/:id': { sample: ownDraft, foreign: foreignDraft },
  'POST /api/aeo/saq-versions/:id/publish': { sample: ownDraft, granted: [200, 404], foreign: foreignDraft },
  // Retiring needs a published version that is no longer in use: publish two, retire the first.
  'POST /api/aeo/saq-versions/:id/retire': {
    sample: async (ctx) => {
      const first = await ownDraft(ctx);
      await ctx.person.request('POST', `/api/aeo/saq-versions/${first.params.id}/publish`);
      const second = await ownDraft({ ...ctx, unique: `${ctx.unique}-next` });
      await ctx.person.request('POST', `/api/aeo/saq-versions/${second.params.id}/publish`);
      return first;
    },
    granted: [200, 409],
    foreign: foreignDraft,
  },
};
