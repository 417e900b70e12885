/**
 * The real process in production mode (architecture §6): `node dist/main.js` with DATABASE_URL on the local
 * PostgreSQL 15 and REDIS_URL on the local Redis. Readiness, migrations on boot (once, even when two
 * processes boot together), `migrate`, and the api/worker split.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRedis } from '../../src/infrastructure/persistence/redis/connection.js';
import { createPostgresDatabase, type TestDatabase } from '../support/databases.js';
import { REDIS_URL } from '../support/services.js';
import { builtMigrations, ensureBuilt, isListening, killAll, runToExit, spawnServer, tempDataDir, type LogLine, type ServerProcess } from '../support/spawn-server.js';

const HEARTBEAT_KEY = 'tessera:worker:heartbeat';

describe('production mode: PostgreSQL and Redis', () => {
  const databases: TestDatabase[] = [];
  const dataDirs: string[] = [];

  beforeAll(ensureBuilt, 180_000);
  afterEach(killAll);
  afterAll(async () => {
    await killAll();
    for (const db of databases) await db.destroy();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function freshDatabase(): Promise<TestDatabase> {
    const db = await createPostgresDatabase({ migrated: false });
    databases.push(db);
    return db;
  }

  function envFor(db: TestDatabase, extra: Record<string, string> = {}): Record<string, string> {
    const dataDir = tempDataDir();
    dataDirs.push(dataDir);
    return { DATABASE_URL: db.url!, REDIS_URL, DATA_DIR: dataDir, ...extra };
  }

  it('ROLE=all on a fresh database: migrates it, and readiness shows database, redis and queue up', { timeout: 60_000 }, async () => {
    const db = await freshDatabase();
    const env = envFor(db);
    const server = await spawnServer({ env });
    const ready = await server.waitForReady();
    const rssMib = Math.round(server.rssKib() / 1024);
    console.log(`[e2e] production boot (PostgreSQL + Redis, fresh database): ready in ${ready.ms} ms, RSS ${rssMib} MiB`);
    await server.waitForLog('tessera started');

    const body = await readyWithQueueUp(server);
    expect(body.status).toBe('ok');
    expect(body.checks.database?.status).toBe('up');
    expect(body.checks.redis?.status).toBe('up');
    expect(body.checks.queue?.status).toBe('up');
    expect(body.checks.storage?.status).toBe('up');
    expect(body.checks.scanner).toEqual({ status: 'disabled', latency_ms: null });

    expect(migrationLine(server.logs)).toMatchObject({ applied: versions(), engine: 'postgres' });
    expect(versions()[0]).toBe('0001');
    expect(server.logs.some((l) => /embedded database/.test(l.msg))).toBe(false);
    expect(fs.existsSync(path.join(env.DATA_DIR!, 'db'))).toBe(false); // no PGlite
    expect(await appliedVersions(db)).toEqual(versions());

    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(server.logs.at(-1)?.msg).toBe('stopped');
    expect(server.otherLines).toEqual([]);
    expect(server.stderr).toBe('');
  });

  it('two processes booting together on a fresh database: both ready, exactly one applies 0001', { timeout: 60_000 }, async () => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([spawnServer({ env: envFor(db) }), spawnServer({ env: envFor(db) })]);
    expect(a.port).not.toBe(b.port);
    await Promise.all([a.waitForReady(), b.waitForReady()]);

    const applied = [migrationLine(a.logs)?.applied, migrationLine(b.logs)?.applied];
    // Whichever won the advisory lock applied everything, 0001 included; the other found nothing to do.
    expect(applied).toContainEqual(versions());
    expect(applied).toContainEqual([]);
    expect(await appliedVersions(db)).toEqual(versions());

    const [stopA, stopB] = await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')]);
    expect(stopA.code).toBe(0);
    expect(stopB.code).toBe(0);
  });

  it('`node dist/main.js migrate` applies pending migrations and exits 0; a second run applies none', { timeout: 60_000 }, async () => {
    const db = await freshDatabase();
    const env = envFor(db);
    const firstRun = await runToExit({ env, args: ['migrate'] });
    expect(firstRun.code).toBe(0);
    expect(firstRun.stdout).toContain(`"applied":${JSON.stringify(versions())}`);
    expect(firstRun.stdout).not.toMatch(/tessera started/);
    expect(await appliedVersions(db)).toEqual(versions());

    const secondRun = await runToExit({ env, args: ['migrate'] });
    expect(secondRun.code).toBe(0);
    expect(secondRun.stdout).toMatch(/"applied":\[\]/);
    expect(secondRun.stderr).toBe('');
  });

  it('ROLE=worker starts without listening on HTTP and beats; ROLE=api serves next to it', { timeout: 60_000 }, async () => {
    const db = await freshDatabase();
    const spawnedAt = Date.now();
    const worker = await spawnServer({ env: envFor(db, { ROLE: 'worker' }) });
    expect(await worker.waitForLog('tessera started')).toMatchObject({ role: 'worker' });
    expect(migrationLine(worker.logs)).toMatchObject({ applied: versions() });
    expect(await isListening(worker.port)).toBe(false);
    expect(worker.logs.some((l) => /listening/i.test(l.msg))).toBe(false);
    expect(await heartbeatSince(spawnedAt)).toBeGreaterThanOrEqual(spawnedAt);

    const api = await spawnServer({ env: envFor(db, { ROLE: 'api' }) });
    const ready = await api.waitForReady();
    expect(ready.body.status).toBe('ok');
    expect(ready.body.checks.queue?.status).toBe('up');
    expect(migrationLine(api.logs)).toMatchObject({ applied: [] });
    expect(await api.waitForLog('tessera started')).toMatchObject({ role: 'api' });

    expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await api.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(worker.logs.at(-1)?.msg).toBe('stopped');
  });

  it('an unreachable DATABASE_URL exits 1 with one line and no stack trace', { timeout: 30_000 }, async () => {
    const dataDir = tempDataDir();
    dataDirs.push(dataDir);
    const result = await runToExit({ env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/tessera', REDIS_URL, DATA_DIR: dataDir } });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tessera: could not start: .*database.*unavailable/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

type ReadyBody = { status: string; checks: Record<string, { status: string; latency_ms: number | null }> };

/** The first heartbeat is written just after listen: give it a moment before reading the queue check. */
async function readyWithQueueUp(server: ServerProcess): Promise<ReadyBody> {
  let body: ReadyBody | undefined;
  for (let attempt = 0; attempt < 50; attempt++) {
    body = (await (await fetch(`${server.url}/health/ready`)).json()) as ReadyBody;
    if (body.checks.queue?.status === 'up') return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return body!;
}

async function appliedVersions(db: TestDatabase): Promise<string[]> {
  const rows = await db.sql.withSession((s) => s.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version'));
  return rows.map((r) => r.version);
}

/** Waits until the shared heartbeat key holds a beat at or after `since` (ms); returns it, or the last value seen. */
async function heartbeatSince(since: number): Promise<number> {
  const redis = openRedis(REDIS_URL);
  try {
    await new Promise<void>((resolve, reject) => {
      if (redis.status === 'ready') return resolve();
      const timer = setTimeout(() => reject(new Error(`redis at ${REDIS_URL} not ready`)), 5000);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    let last = 0;
    for (let attempt = 0; attempt < 30 && last < since; attempt++) {
      last = Number(await redis.get(HEARTBEAT_KEY));
      if (last < since) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return last;
  } finally {
    redis.disconnect();
  }
}

function versions(): string[] {
  return builtMigrations().map((name) => name.slice(0, 4));
}

function migrationLine(logs: readonly LogLine[]): LogLine | undefined {
  const lines = logs.filter((l) => Array.isArray(l.applied));
  expect(lines).toHaveLength(1);
  return lines[0];
}
