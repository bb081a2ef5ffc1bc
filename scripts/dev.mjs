#!/usr/bin/env node
// `npm run dev`: TypeScript in watch mode, the API server restarted on change, and Vite's dev server with
// hot reload on http://localhost:5173 (it proxies /api to the API on :3000).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children = [
  spawn('npx', ['tsc', '-b', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: 'inherit' }),
  spawn(
    'node',
    ['--watch-path=apps/server/dist', '--watch-path=packages/core/dist', 'apps/server/dist/main.js'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  ),
  spawn('npm', ['run', 'dev', '-w', '@aeolus/web'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
