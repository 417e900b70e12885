/**
 * The real process on the embedded default (architecture §6): `node dist/main.js` with no DATABASE_URL and no
 * REDIS_URL — PGlite in DATA_DIR/db, local files, in-process cache and queue, scanning disabled. Boot,
 * readiness, logs, the DATA_DIR lock, graceful shutdown, restart, and the refusals of a bad configuration.
 * The tests of this file run in order and share one DATA_DIR.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/infrastructure/persistence/postgres/connection.js';
import { builtMigrations, ensureBuilt, killAll, runToExit, sleep, spawnServer, tempDataDir, type LogLine, type ServerProcess } from '../support/spawn-server.js';

const STACK_FRAME = /^\s+at /m;

describe('embedded mode: node dist/main.js with nothing configured', () => {
  const dataDir = tempDataDir();
  const lockFile = path.join(dataDir, 'tessera.lock');
  let first: ServerProcess;
  let firstStoppedAt = 0;

  beforeAll(ensureBuilt, 180_000);
  afterAll(async () => {
    await killAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots on a fresh DATA_DIR: ready with database up, redis and scanner disabled', { timeout: 90_000 }, async () => {
    first = await spawnServer({ env: { DATA_DIR: dataDir } });
    const ready = await first.waitForReady();
    const rssMib = Math.round(first.rssKib() / 1024);
    console.log(`[e2e] embedded first boot (creates the PGlite database): ready in ${ready.ms} ms, RSS ${rssMib} MiB`);

    expect(ready.body.status).toBe('ok');
    expect(ready.body.checks.database?.status).toBe('up');
    expect(ready.body.checks.redis).toEqual({ status: 'disabled', latency_ms: null });
    expect(ready.body.checks.scanner).toEqual({ status: 'disabled', latency_ms: null });
    expect(ready.body.checks.storage?.status).toBe('up');
    expect(ready.body.checks.queue?.status).toBe('up');
    expect(fs.existsSync(path.join(dataDir, 'db', 'PG_VERSION'))).toBe(true);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(first.pid));
  });

  it('logs JSON lines only, with the loud scanning-disabled warning and the first migration', async () => {
    const started = await first.waitForLog('tessera started');
    expect(started).toMatchObject({ role: 'all', version: expect.any(String) });
    expect(first.otherLines).toEqual([]);
    expect(first.stderr).toBe('');
    for (const line of first.logs) expect(line).toMatchObject({ level: expect.any(Number), time: expect.any(String), msg: expect.any(String) });

    const warning = first.logs.find((l) => /MALWARE SCANNING IS DISABLED/.test(l.msg));
    expect(warning).toBeDefined();
    expect(warning!.level).toBeGreaterThanOrEqual(40);
    expect(warning!.msg).toMatch(/CLAMAV_URL/);
    // A fresh database gets every migration, 0001 first.
    expect(migrationLine(first.logs)).toMatchObject({ applied: versions(), engine: 'pglite', msg: 'migrations applied' });
    expect(versions()[0]).toBe('0001');
  });

  it('refuses a second process on the same DATA_DIR with one line about the lock', { timeout: 60_000 }, async () => {
    const second = await runToExit({ env: { DATA_DIR: dataDir } });
    expect(second.code).not.toBe(0);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/in use by process \d+/);
    expect(lines[0]).toContain(String(first.pid));
    expect(lines[0]).toMatch(/lock/);
    expect(second.stderr).not.toMatch(STACK_FRAME);
    // The first process is untouched and keeps its lock.
    expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(first.pid));
  });

  it('stops on SIGTERM with exit code 0 and a "stopped" line, releasing the lock', async () => {
    const status = await first.stop('SIGTERM');
    firstStoppedAt = Date.now();
    expect(status).toEqual({ code: 0, signal: null });
    expect(first.logs.some((l) => l.msg.startsWith('shutting down') && l.signal === 'SIGTERM')).toBe(true);
    expect(first.logs.at(-1)?.msg).toBe('stopped');
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  let restarted: ServerProcess;

  it('restarts on the same DATA_DIR without applying any migration', { timeout: 60_000 }, async () => {
    restarted = await spawnServer({ env: { DATA_DIR: dataDir } });
    const ready = await restarted.waitForReady();
    const rssMib = Math.round(restarted.rssKib() / 1024);
    console.log(`[e2e] embedded restart (existing database): ready in ${ready.ms} ms, RSS ${rssMib} MiB`);
    expect(ready.body.status).toBe('ok');
    await restarted.waitForLog('tessera started');
    expect(migrationLine(restarted.logs)).toMatchObject({ applied: [], engine: 'pglite', msg: 'database schema up to date' });
  });

  it('finishes an in-flight request and drops idle keep-alive connections on SIGTERM', { timeout: 30_000 }, async () => {
    // An idle keep-alive connection must not hold the shutdown up.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const live = await get(`${restarted.url}/health/live`, agent);
    expect(live.status).toBe(200);
    expect(live.body).toBe('{"status":"ok"}');

    // A request still sending its body when SIGTERM arrives: its headers are in, its body is not.
    const inFlight = net.createConnection({ host: '127.0.0.1', port: restarted.port });
    await new Promise<void>((resolve, reject) => inFlight.once('connect', resolve).once('error', reject));
    let response = '';
    inFlight.setEncoding('utf8').on('data', (chunk: string) => (response += chunk));
    const closed = new Promise<void>((resolve) => inFlight.once('close', () => resolve()));
    inFlight.write('OPTIONS /health/live HTTP/1.1\r\nHost: e2e\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{');
    await sleep(300);

    const signalledAt = performance.now();
    const exited = restarted.stop('SIGTERM');
    await restarted.waitForLog((l) => l.msg.startsWith('shutting down'), 5000);
    await sleep(200);
    expect(restarted.exitStatus).toBeUndefined(); // still waiting for the in-flight request
    inFlight.end('}');
    await closed;

    expect(response).toMatch(/^HTTP\/1\.1 405 /); // OPTIONS without CORS headers on a GET route: answered, not cut off
    expect(response).toMatch(/\r\nallow: GET, HEAD\r\n/i);
    expect(await exited).toEqual({ code: 0, signal: null });
    const shutdownMs = Math.round(performance.now() - signalledAt);
    console.log(`[e2e] embedded graceful shutdown with one in-flight request: exited 0 after ${shutdownMs} ms`);
    expect(shutdownMs).toBeLessThan(10_000); // main.ts forces an exit 1 after 10 s
    expect(restarted.logs.at(-1)?.msg).toBe('stopped');
    agent.destroy();
  });

  it('takes over the lock of a process that was killed, and recovers the database', { timeout: 90_000 }, async () => {
    const killed = await spawnServer({ env: { DATA_DIR: dataDir } });
    await killed.waitForReady();
    expect(await killed.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(killed.pid)); // left behind

    const next = await spawnServer({ env: { DATA_DIR: dataDir } });
    const ready = await next.waitForReady();
    expect(ready.body.checks.database?.status).toBe('up');
    expect(migrationLine(next.logs)).toMatchObject({ applied: [] });
    expect(await next.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(next.stderr).toBe('');
  });

  it('kept the data: the PGlite folder holds 0001 (and every later migration), applied once, during the first boot', { timeout: 60_000 }, async () => {
    const db = await openPglite({ dataDir: path.join(dataDir, 'db') });
    try {
      const rows = await db.withSession((s) =>
        s.query<{ version: string; name: string; applied_at: Date }>('SELECT version, name, applied_at FROM schema_migrations ORDER BY version'),
      );
      expect(rows.map((r) => `${r.version}_${r.name}`)).toEqual(builtMigrations());
      expect(rows[0]?.version).toBe('0001');
      for (const row of rows) expect(new Date(row.applied_at).getTime()).toBeLessThan(firstStoppedAt);
    } finally {
      await db.close();
    }
  });
});

describe('embedded mode: refusals before anything starts', () => {
  beforeAll(ensureBuilt, 180_000);
  afterAll(killAll);

  it.each([
    ['PORT', 'abc'],
    ['RATE_LIMIT_LOGIN', '5/x'],
    ['STORAGE_DRIVER', 'nope'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://db/tessera'],
    ['URL_SIGNING_SECRET', 'short'],
  ])('%s=%s exits 1 with one stderr line naming the variable', async (variable, value) => {
    const dataDir = path.join(tempDataDir(), 'never-created');
    const result = await runToExit({ env: { DATA_DIR: dataDir, [variable]: value } });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^tessera: invalid configuration: ${variable}: `));
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stdout).toBe('');
    expect(fs.existsSync(dataDir)).toBe(false);
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it.each(['api', 'worker'])('ROLE=%s without REDIS_URL refuses with a clear message', async (role) => {
    const dataDir = path.join(tempDataDir(), 'never-created');
    const result = await runToExit({ env: { DATA_DIR: dataDir, ROLE: role } });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`ROLE=${role} needs REDIS_URL`));
    expect(result.stdout).toBe('');
    expect(fs.existsSync(dataDir)).toBe(false);
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('STORAGE_DRIVER=s3 with an unreachable endpoint exits 1 with one line and releases the DATA_DIR lock', { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir();
    try {
      const result = await runToExit({
        env: { DATA_DIR: dataDir, STORAGE_DRIVER: 's3', S3_BUCKET: 'images', S3_ENDPOINT: 'http://127.0.0.1:1', S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' },
      });
      expect(result.code).toBe(1);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^tessera: could not start: .*storage/i);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(fs.existsSync(path.join(dataDir, 'tessera.lock'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** The one line main.ts writes after migrating ("migrations applied" or "database schema up to date"). */
function migrationLine(logs: readonly LogLine[]): LogLine | undefined {
  const lines = logs.filter((l) => Array.isArray(l.applied));
  expect(lines).toHaveLength(1);
  return lines[0];
}

function versions(): string[] {
  return builtMigrations().map((name) => name.slice(0, 4));
}

function get(url: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}
