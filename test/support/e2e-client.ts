/**
 * HTTP helpers for the e2e suites, which talk to a spawned `node dist/main.js` over real sockets: JSON calls,
 * registration, multipart uploads as a browser's FormData sends them, byte fetches and polling.
 */
import { expect } from 'vitest';
import { sleep, type ServerProcess } from './spawn-server.js';

export const PASSWORD = 'correct horse battery staple';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field by the suites
export type Body = Record<string, any>;

export async function call(server: ServerProcess, method: string, urlPath: string, body?: unknown, token?: string) {
  const res = await fetch(`${server.url}/api/v1${urlPath}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body, headers: res.headers };
}

/** Registers `<name>@example.com` and returns its access token. */
export async function register(server: ServerProcess, name: string): Promise<string> {
  const res = await call(server, 'POST', '/auth/register', { email: `${name}@example.com`, username: name, password: PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.access_token as string;
}

/** A real multipart request, as a browser's FormData would send it. */
export async function upload(server: ServerProcess, token: string, fields: Record<string, string>, file: Buffer, options: { wait?: boolean } = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([file], { type: 'image/jpeg' }), 'IMG_2041.jpg');
  const started = performance.now();
  const res = await fetch(`${server.url}/api/v1/images${options.wait ? '?wait=true' : ''}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await res.json()) as Body;
  return { status: res.status, body, headers: res.headers, ms: Math.round(performance.now() - started) };
}

export async function getBytes(server: ServerProcess, url: string, options: { token?: string | undefined; redirect?: 'follow' | 'manual' } = {}) {
  const res = await fetch(new URL(url, server.url), { headers: options.token ? { authorization: `Bearer ${options.token}` } : {}, redirect: options.redirect ?? 'follow' });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Calls `fn` every 100 ms until `done` accepts its value; fails naming `what` after `timeoutMs`. */
export async function poll<T>(what: string, fn: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (done(value)) return value;
    if (performance.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await sleep(100);
  }
}

/** The last log lines of a server, for assertion messages. */
export function tail(server: ServerProcess): string {
  return `\n--- stdout ---\n${server.stdout.slice(-4000)}\n--- stderr ---\n${server.stderr.slice(-2000)}`;
}
