import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// apps/server/{src,dist}/plugins -> apps/web/dist
const DEFAULT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves the built React app. Paths outside /api that match no file get index.html, so that the
 * client-side router owns them; /api paths keep their JSON 404.
 */
export async function registerWeb(app: FastifyInstance, options: { enabled?: boolean; distDir?: string }) {
  const root = path.resolve(options.distDir ?? DEFAULT_DIST);
  const hasBuild = existsSync(path.join(root, 'index.html'));
  if (options.enabled === false || !hasBuild) return;
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: false });
  const serveIndex = (
    _request: unknown,
    reply: { sendFile(f: string): unknown; header(k: string, v: string): unknown },
  ) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  app.get('/', { schema: { hide: true } }, serveIndex as never);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/')) return reply.callNotFound();
    const file = path.join(root, path.normalize(url));
    if (file.startsWith(root) && existsSync(file) && !file.endsWith(path.sep)) {
      if (url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile(path.relative(root, file));
    }
    return serveIndex(request, reply);
  });
}
