/** Talking to a Tessera under test: JSON requests and a signed-in bench user. */
import { startProcess, type Running } from './processes.js';

export const PASSWORD = 'correct horse battery staple';

export function startTessera(env: Readonly<Record<string, string>>): Promise<Running> {
  return startProcess(['dist/main.js'], env, '/health/live');
}

export async function json(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/** Registers `name` and returns its Authorization header. */
export async function signUp(server: Running, name: string): Promise<Record<string, string>> {
  const reg = await json(`${server.url}/api/v1/auth/register`, { email: `${name}@example.com`, username: name, password: PASSWORD });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  return { authorization: `Bearer ${String(reg.body.access_token)}` };
}
