import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@aeolus/core/testing';
import { SESSION_COOKIE } from '../plugins/auth.js';

/** The real server, `node apps/server/dist/main.js`, as a child process (build first: `ensureBuilt()`). */
export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Everything the process wrote to stderr so far (start-up failures, crash reports). */
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once `/ready` answers 200; rejects (and kills the process) if it exits or takes too long. */
  ready(): Promise<void>;
}

export const SERVER_MAIN = path.join(REPO_ROOT, 'apps/server/dist/main.js');

/**
 * Spawns the server and returns at once, so that the caller can register the process for clean-up
 * before waiting on `ready()` (a test that times out must not leave a server behind).
 */
export function spawnServerProcess(env: Record<string, string>, port: number): ServerProcess {
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  let hasExited = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const ready = async () => {
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline) {
      if (hasExited) throw new Error(`the server exited during start-up: ${stderr}`);
      try {
        const response = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(1000) });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`the server did not become ready: ${stderr}`);
  };
  return { child, pid: child.pid!, baseUrl, stderr: () => stderr, exited, ready };
}

export interface HttpSession {
  /** Sends JSON with the session cookie and the CSRF header, as the web app does. */
  request(method: string, url: string, body?: unknown): Promise<Response>;
}

export async function signInOverHttp(
  baseUrl: string,
  email: string,
  password = 'aeolus-demo',
): Promise<HttpSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';', 1)[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  if (!cookie) throw new Error('sign-in set no session cookie');
  return {
    request: (method, url, body) =>
      fetch(`${baseUrl}${url}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}
