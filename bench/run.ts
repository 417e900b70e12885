/**
 * `npm run bench`: every figure beside a reference measured in the same run, as a ratio (higher is better
 * for throughput). A benchmark, never a test: nothing here asserts; it prints a table.
 */
import { hash, verify } from '@node-rs/argon2';
import { httpLoad } from './lib/http-load.js';
import { runLoad } from './lib/load.js';
import { startProcess, type Running } from './lib/processes.js';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;
const PASSWORD = 'correct horse battery staple';

interface Row {
  readonly name: string;
  readonly value: string;
  readonly reference: string;
  readonly ratio: string;
}
const rows: Row[] = [];
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
function record(name: string, value: number, unit: string, refName: string, ref: number): void {
  rows.push({ name, value: `${fmt(value)} ${unit}`, reference: `${refName}: ${fmt(ref)} ${unit}`, ratio: `${(value / ref).toFixed(2)}×` });
  process.stderr.write(`  ${name}: ${fmt(value)} ${unit} (reference ${fmt(ref)})\n`);
}

async function json(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

async function hashCount(server: Running): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('tessera_password_hashes_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

async function main(): Promise<void> {
  const bare = await startProcess(['bench/reference/bare-fastify.mjs'], {}, '/health/live');
  const tessera = await startProcess(['dist/main.js'], { RATE_LIMIT_ENABLED: 'false', LOCKOUT_THRESHOLD: '1000000' }, '/health/live');
  try {
    process.stderr.write('HTTP overhead\n');
    const bareLive = await httpLoad({ url: `${bare.url}/health/live`, connections: 20, durationS: DURATION_S });
    const live = await httpLoad({ url: `${tessera.url}/health/live`, connections: 20, durationS: DURATION_S });
    record('GET /health/live', live.reqPerS, 'req/s', 'bare Fastify', bareLive.reqPerS);

    const reg = await json(`${tessera.url}/api/v1/auth/register`, { email: 'bench@example.com', username: 'bench_user', password: PASSWORD });
    if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
    const auth = { authorization: `Bearer ${String(reg.body.access_token)}` };
    const me = await httpLoad({ url: `${tessera.url}/api/v1/users/me`, connections: 20, durationS: DURATION_S, headers: auth });
    record('GET /users/me (JWT + session + SQL)', me.reqPerS, 'req/s', 'bare Fastify', bareLive.reqPerS);

    process.stderr.write('Login (Argon2id m=19456 t=2 p=1)\n');
    const storedHash = await hash(PASSWORD, ARGON2);
    const concurrency = 4;
    const raw = await runLoad(concurrency, DURATION_S * 1000, async () => verify(storedHash, PASSWORD));
    const loginBody = JSON.stringify({ email: 'bench@example.com', password: PASSWORD });
    const login = await httpLoad({ url: `${tessera.url}/api/v1/auth/login`, connections: concurrency, durationS: DURATION_S, method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody });
    record('POST /auth/login', login.reqPerS, 'logins/s', 'raw argon2 verify', raw.opsPerS);

    process.stderr.write('Refresh rotation\n');
    const tokens: string[] = [];
    for (let i = 0; i < 8; i++) tokens.push(String((await json(`${tessera.url}/api/v1/auth/login`, { email: 'bench@example.com', password: PASSWORD })).body.refresh_token));
    const refresh = await runLoad(8, DURATION_S * 1000, async (w) => {
      const res = await json(`${tessera.url}/api/v1/auth/refresh`, { refresh_token: tokens[w] });
      if (res.status !== 200) return false;
      tokens[w] = String(res.body.refresh_token);
      return true;
    });
    const echo = await runLoad(8, DURATION_S * 1000, async () => (await json(`${bare.url}/echo`, { refresh_token: tokens[0] })).status === 200);
    record('POST /auth/refresh (rotation)', refresh.opsPerS, 'req/s', 'bare Fastify JSON POST', echo.opsPerS);
  } finally {
    await tessera.stop();
  }

  process.stderr.write('Login flood beyond the per-IP limit\n');
  const limited = await startProcess(['dist/main.js'], { RATE_LIMIT_LOGIN: '5/1m', RATE_LIMIT_ANON: '100000/1m' }, '/health/live');
  try {
    const before = await hashCount(limited);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const { status } = await json(`${limited.url}/api/v1/auth/login`, { email: 'nobody@example.com', password: 'wrong password 123' });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    const hashes = (await hashCount(limited)) - before;
    rows.push({
      name: 'login flood: 200 attempts, limit 5/min',
      value: `${hashes} hashes, ${statuses.get(429) ?? 0}× 429`,
      reference: 'limit: 5 hashes',
      ratio: hashes <= 5 ? 'flat' : 'NOT FLAT',
    });
  } finally {
    await limited.stop();
    await bare.stop();
  }

  const line = (r: Row) => `| ${r.name} | ${r.value} | ${r.reference} | ${r.ratio} |`;
  process.stdout.write(['', '| benchmark | tessera | reference (same run) | ratio |', '|---|---|---|---|', ...rows.map(line), ''].join('\n'));
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
