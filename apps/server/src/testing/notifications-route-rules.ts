import { randomUUID } from 'node:crypto';
import type { RouteRule } from './route-rules.js';
import type { TestClient } from './test-app.js';

/**
 * Route-matrix rules for the notification routes (see route-rules.ts). Most demo identities have no
 * notification of their own: marking one read then answers 404, which still proves that access was
 * granted and the service ran. The `foreign` rule gives Acme a real notification (its AEO draft is
 * withdrawn: every status change notifies the operator) and proves Globex cannot touch it.
 */

async function firstNotification(person: TestClient): Promise<string | undefined> {
  const res = await person.request('GET', '/api/notifications?limit=1');
  return res.statusCode === 200 ? (res.json().items[0]?.id as string | undefined) : undefined;
}

/** One of Acme's notifications, made by withdrawing Acme's live AEO application (or a new draft). */
async function acmeNotification(owner: TestClient): Promise<Record<string, string>> {
  const existing = await firstNotification(owner);
  if (existing) return { id: existing };
  const programme = (await owner.request('GET', '/api/aeo/programme')).json();
  const created = await owner.request('POST', '/api/aeo/applications', {
    programmeId: programme.id,
    category: 'F',
  });
  const list = (await owner.request('GET', '/api/aeo/applications')).json().items as {
    id: string;
    status: string;
  }[];
  const id =
    created.statusCode === 201
      ? (created.json().id as string)
      : list.find((i) => !['withdrawn', 'refused', 'revoked'].includes(i.status))?.id;
  if (!id) throw new Error(`could not find or start an Acme application: ${created.body}`);
  const withdrawn = await owner.request('POST', `/api/aeo/applications/${id}/operator-actions`, {
    type: 'withdraw',
    reason: 'Route matrix: a status change that notifies the operator.',
  });
  if (withdrawn.statusCode !== 200) throw new Error(`could not withdraw: ${withdrawn.body}`);
  const made = await firstNotification(owner);
  if (!made) throw new Error('withdrawing the application made no notification');
  return { id: made };
}

async function readBack(owner: TestClient, params: Record<string, string>) {
  const items = (await owner.request('GET', '/api/notifications?limit=100')).json().items as {
    id: string;
  }[];
  return items.find((n) => n.id === params.id);
}

export const NOTIFICATION_ROUTE_RULES: Record<string, RouteRule> = {
  'GET /api/notifications': { sample: () => ({ query: { limit: '5' } }) },
  'GET /api/notifications/unread-count': {},
  'POST /api/notifications/read-all': {},
  'POST /api/notifications/:id/read': {
    sample: async ({ person }) => ({ params: { id: (await firstNotification(person)) ?? randomUUID() } }),
    granted: [200, 404],
    foreign: {
      owner: 'trader@acme-logistics.example',
      intruder: 'trader@globex.example',
      create: acmeNotification,
      snapshot: readBack,
    },
  },
};
