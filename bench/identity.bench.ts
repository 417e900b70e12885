/** HTTP overhead and identity: health, JWT-authenticated reads, Argon2id logins, refresh rotation, login flood. */
import { hash, verify } from '@node-rs/argon2';
import { httpLoad } from './lib/http-load.js';
import { runLoad } from './lib/load.js';
import { createDatabase, postgresReachable } from './lib/postgres.js';
import { startProcess, type Running } from './lib/processes.js';
import { startRedis } from './lib/redis.js';
import { section, type Table } from './lib/table.js';
import { json, PASSWORD, signUp, startTessera } from './lib/tessera.js';

const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/**
 * The same reads and logins with the production adapters (PostgreSQL, Redis): the embedded figures above carry
 * PGlite, which runs its queries on the server's own event loop.
 */
async function productionIdentity(table: Table, durationS: number, bareReqPerS: number, rawLoginsPerS: number): Promise<void> {
  if (!(await postgresReachable())) return;
  const redis = await startRedis();
  const db = await createDatabase('identity');
  try {
    section('Identity on PostgreSQL + Redis');
    const tessera = await startTessera({ RATE_LIMIT_ENABLED: 'false', LOCKOUT_THRESHOLD: '1000000', DATABASE_URL: db.url, ...(redis ? { REDIS_URL: redis.url } : {}) });
    try {
      const auth = await signUp(tessera, 'bench_pg_user');
      const me = await httpLoad({ url: `${tessera.url}/api/v1/users/me`, connections: 20, durationS, headers: auth });
      table.record('GET /users/me, PostgreSQL + Redis', me.reqPerS, 'req/s', 'bare Fastify', bareReqPerS);
      const body = JSON.stringify({ email: 'bench_pg_user@example.com', password: PASSWORD });
      const login = await httpLoad({ url: `${tessera.url}/api/v1/auth/login`, connections: 4, durationS, method: 'POST', headers: { 'content-type': 'application/json' }, body });
      table.record('POST /auth/login, PostgreSQL + Redis', login.reqPerS, 'logins/s', 'raw argon2 verify', rawLoginsPerS, { min: 0.85 });
    } finally {
      await tessera.stop();
    }
  } finally {
    await db.drop();
    await redis?.stop();
  }
}

async function hashCount(server: Running): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('tessera_password_hashes_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

export async function identityBench(table: Table, durationS: number): Promise<void> {
  const bare = await startProcess(['bench/reference/bare-fastify.mjs'], {}, '/health/live');
  try {
    const tessera = await startTessera({ RATE_LIMIT_ENABLED: 'false', LOCKOUT_THRESHOLD: '1000000' });
    try {
      section('HTTP overhead');
      const bareLive = await httpLoad({ url: `${bare.url}/health/live`, connections: 20, durationS });
      const live = await httpLoad({ url: `${tessera.url}/health/live`, connections: 20, durationS });
      table.record('GET /health/live', live.reqPerS, 'req/s', 'bare Fastify', bareLive.reqPerS);

      const auth = await signUp(tessera, 'bench_user');
      const me = await httpLoad({ url: `${tessera.url}/api/v1/users/me`, connections: 20, durationS, headers: auth });
      table.record('GET /users/me (JWT + session + SQL)', me.reqPerS, 'req/s', 'bare Fastify', bareLive.reqPerS);

      section('Login (Argon2id m=19456 t=2 p=1)');
      const storedHash = await hash(PASSWORD, ARGON2);
      const concurrency = 4;
      const raw = await runLoad(concurrency, durationS * 1000, async () => verify(storedHash, PASSWORD));
      const loginBody = JSON.stringify({ email: 'bench_user@example.com', password: PASSWORD });
      const login = await httpLoad({ url: `${tessera.url}/api/v1/auth/login`, connections: concurrency, durationS, method: 'POST', headers: { 'content-type': 'application/json' }, body: loginBody });
      table.record('POST /auth/login', login.reqPerS, 'logins/s', 'raw argon2 verify', raw.opsPerS);

      section('Refresh rotation');
      const tokens: string[] = [];
      for (let i = 0; i < 8; i++) tokens.push(String((await json(`${tessera.url}/api/v1/auth/login`, { email: 'bench_user@example.com', password: PASSWORD })).body.refresh_token));
      const refresh = await runLoad(8, durationS * 1000, async (w) => {
        const res = await json(`${tessera.url}/api/v1/auth/refresh`, { refresh_token: tokens[w] });
        if (res.status !== 200) return false;
        tokens[w] = String(res.body.refresh_token);
        return true;
      });
      const echo = await runLoad(8, durationS * 1000, async () => (await json(`${bare.url}/echo`, { refresh_token: tokens[0] })).status === 200);
      table.record('POST /auth/refresh (rotation)', refresh.opsPerS, 'req/s', 'bare Fastify JSON POST', echo.opsPerS);
      await productionIdentity(table, durationS, bareLive.reqPerS, raw.opsPerS).catch((err: unknown) => table.failed('identity on PostgreSQL + Redis', err));
    } finally {
      await tessera.stop();
    }

    section('Login flood beyond the per-IP limit');
    const limited = await startTessera({ RATE_LIMIT_LOGIN: '5/1m', RATE_LIMIT_ANON: '100000/1m' });
    try {
      const before = await hashCount(limited);
      const statuses = new Map<number, number>();
      for (let i = 0; i < 200; i++) {
        const { status } = await json(`${limited.url}/api/v1/auth/login`, { email: 'nobody@example.com', password: 'wrong password 123' });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      const hashes = (await hashCount(limited)) - before;
      table.add({
        name: 'login flood: 200 attempts, limit 5/min',
        value: `${hashes} hashes, ${statuses.get(429) ?? 0}× 429`,
        reference: 'limit: 5 hashes',
        ratio: hashes <= 5 ? 'flat' : 'NOT FLAT',
      });
    } finally {
      await limited.stop();
    }
  } finally {
    await bare.stop();
  }
}
