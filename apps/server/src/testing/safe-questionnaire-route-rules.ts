import type { RouteRule, SampleContext } from './route-rules.js';
import { createSafeDraft, SAFE_VERSIONS, safeDefinition } from './safe-questionnaire-helpers.js';
import type { TestClient } from './test-app.js';

/**
 * Route-matrix rules for the SAFE monitoring questionnaire versions (see route-rules.ts). Readers open the
 * first version they see (the shipped one); writers act on a draft of their own made for the call. Another
 * tenant: the WCO secretariat's draft tried by the ROCB's analyst, which must hear 404.
 */

// Matrix versions are numbered 50.x.y from the call's unique suffix, so that rows never collide.
const versionOf = (unique: string) => {
  let h = 0;
  for (const c of unique) h = (h * 31 + c.charCodeAt(0)) % 1_000_000;
  return `50.${Math.floor(h / 1000)}.${h % 1000}`;
};

const firstVisible = async ({ person }: SampleContext) => {
  const res = await person.request('GET', SAFE_VERSIONS);
  return { params: { id: (res.json().items as { id: string }[])[0]!.id } };
};

const ownDraft = async ({ person, unique }: SampleContext) => ({
  params: { id: await createSafeDraft(person, safeDefinition(versionOf(unique))) },
});

const foreignDraft: RouteRule['foreign'] = {
  owner: 'secretariat@wco.example',
  intruder: 'analyst@rocb-esa.example',
  create: async (owner: TestClient) => ({
    id: await createSafeDraft(owner, safeDefinition(versionOf(`foreign-${Date.now().toString(36)}`))),
  }),
  snapshot: async (owner, params) => (await owner.request('GET', `${SAFE_VERSIONS}/${params.id}`)).json(),
};

export const SAFE_QUESTIONNAIRE_ROUTE_RULES: Record<string, RouteRule> = {
  [`GET ${SAFE_VERSIONS}`]: {},
  [`POST ${SAFE_VERSIONS}`]: {
    sample: ({ unique }) => ({ body: { definition: safeDefinition(versionOf(unique)) } }),
    granted: 201,
  },
  [`GET ${SAFE_VERSIONS}/:id`]: { sample: firstVisible, foreign: foreignDraft },
  [`GET ${SAFE_VERSIONS}/:id/definition`]: { sample: firstVisible, foreign: foreignDraft },
  [`PUT ${SAFE_VERSIONS}/:id`]: {
    sample: async (ctx) => ({
      ...(await ownDraft(ctx)),
      body: { definition: safeDefinition(versionOf(`${ctx.unique}-edit`)) },
    }),
    foreign: foreignDraft,
  },
  [`DELETE ${SAFE_VERSIONS}/:id`]: { sample: ownDraft, foreign: foreignDraft },
  [`POST ${SAFE_VERSIONS}/:id/publish`]: { sample: ownDraft, foreign: foreignDraft },
  [`POST ${SAFE_VERSIONS}/:id/retire`]: {
    sample: async (ctx) => {
      const draft = await ownDraft(ctx);
      await ctx.person.request('POST', `${SAFE_VERSIONS}/${draft.params.id}/publish`);
      return draft;
    },
    foreign: foreignDraft,
  },
};
