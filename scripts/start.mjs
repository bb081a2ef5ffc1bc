#!/usr/bin/env node
// `npm start`: builds what is missing or out of date, then runs the server (API + web UI) in this process.
// The TypeScript build is incremental (`tsc -b`), so on an up-to-date tree it costs a second or two.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Aeolus could not be built: ${cmd} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
};

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
console.log('Aeolus: checking the build…');
run(tsc, ['-b']);

const webIndex = path.join(root, 'apps/web/dist/index.html');
const webSources = Math.max(
  newest(path.join(root, 'apps/web/src')),
  newest(path.join(root, 'packages/contracts/src')),
  statSync(path.join(root, 'apps/web/index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0,
);
if (!existsSync(webIndex) || statSync(webIndex).mtimeMs < webSources) {
  console.log('Aeolus: building the web UI…');
  run('npm', ['run', 'build', '-w', '@aeolus/web']);
}

await import(path.join(root, 'apps/server/dist/main.js'));
