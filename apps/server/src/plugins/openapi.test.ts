import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { renderOpenApiDocument } from './openapi.js';

/**
 * The committed apps/server/openapi.json is what clients and reviewers read; it must be exactly what
 * the routes generate. When a route or a contract changes, regenerate it: `npm run openapi`.
 */
const COMMITTED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../openapi.json');
const REGENERATE = 'Run `npm run openapi` and commit apps/server/openapi.json.';

type Paths = Record<string, Record<string, unknown>>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** `METHOD /path` of every operation, with what differs between the two documents. */
function operationDiff(committed: Paths, generated: Paths) {
  const list = (paths: Paths) =>
    new Map(
      Object.entries(paths).flatMap(([p, ops]) =>
        Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${p}`, JSON.stringify(op)] as const),
      ),
    );
  const before = list(committed);
  const after = list(generated);
  return {
    added: [...after.keys()].filter((k) => !before.has(k)),
    removed: [...before.keys()].filter((k) => !after.has(k)),
    changed: [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)),
  };
}

describe('apps/server/openapi.json', () => {
  it('matches what the routes generate', () => {
    expect(existsSync(COMMITTED), `apps/server/openapi.json is missing. ${REGENERATE}`).toBe(true);
    const committed = readFileSync(COMMITTED, 'utf8');
    const generated = renderOpenApiDocument(t.app);
    if (committed === generated) return;
    const diff = operationDiff(JSON.parse(committed).paths, JSON.parse(generated).paths);
    const lines = [
      `apps/server/openapi.json is out of date. ${REGENERATE}`,
      ...diff.added.map((o) => `  added:   ${o}`),
      ...diff.removed.map((o) => `  removed: ${o}`),
      ...diff.changed.map((o) => `  changed: ${o}`),
    ];
    if (lines.length === 1) lines.push('  (components or document metadata differ)');
    expect.fail(lines.join('\n'));
  });

  it('is OpenAPI 3.1 and documents every API route the app registered', () => {
    const document = JSON.parse(renderOpenApiDocument(t.app));
    expect(document.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(document.paths as Paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const undocumented = t.app.registeredRoutes
      .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD')
      .filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !documented.has(r));
    expect(undocumented).toEqual([]);
  });

  it('is served at /api/openapi.json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(renderOpenApiDocument(t.app)));
  });
});
