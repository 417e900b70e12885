/** Contract §15: liveness and readiness, at the root and under /api/v1, in embedded and Redis modes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import type { Engine } from '../support/databases.js';
import { expectJson } from './helpers/problem.js';

const CHECKS = ['database', 'queue', 'redis', 'scanner', 'storage'];
const READY = ['/health/ready', '/api/v1/health/ready'];

interface Check {
  status: string;
  latency_ms: number | null;
}
interface Ready {
  status: string;
  checks: Record<string, Check>;
}

function expectReadyShape(body: Ready): void {
  expect(Object.keys(body).sort()).toEqual(['checks', 'status']);
  expect(Object.keys(body.checks).sort()).toEqual(CHECKS);
  for (const check of Object.values(body.checks)) {
    expect(Object.keys(check).sort()).toEqual(['latency_ms', 'status']);
    expect(['up', 'down', 'disabled']).toContain(check.status);
    if (check.status === 'disabled') expect(check.latency_ms).toBeNull();
    else expect(check.latency_ms).toBeTypeOf('number');
  }
}

describe('embedded mode (PGlite, in-process adapters)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it.each(['/health/live', '/api/v1/health/live'])('%s → 200 {"status":"ok"}', async (url) => {
    expect(expectJson(await t.app.inject({ method: 'GET', url }))).toEqual({ status: 'ok' });
  });

  it.each(READY)('%s reports every check of the embedded mode', async (url) => {
    const body = expectJson(await t.app.inject({ method: 'GET', url })) as Ready;
    expectReadyShape(body);
    expect(body.status).toBe('ok');
    expect(body.checks.database!.status).toBe('up');
    expect(body.checks.redis).toEqual({ status: 'disabled', latency_ms: null });
    expect(body.checks.scanner).toEqual({ status: 'disabled', latency_ms: null });
    expect(body.checks.storage!.status).toBe('up');
    expect(body.checks.queue!.status).toBe('up');
  });

  it('health ignores credentials and bodies it does not need', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/live', headers: { authorization: 'Bearer nonsense' } });
    expect(res.statusCode).toBe(200);
  });
});

describe.each<Engine>(['pglite', 'postgres'])('database down (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ engine });
    await t.container.sql.close();
  });
  afterAll(() => t.close());

  it.each(READY)('%s → 503 down, with no error text', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    const body = expectJson(res, 503) as Ready;
    expectReadyShape(body);
    expect(body.status).toBe('down');
    expect(body.checks.database!.status).toBe('down');
    expect(body.checks.storage!.status).toBe('up');
    expect(res.body).not.toMatch(/error|closed|ECONN|pglite|pool/i);
  });

  it('liveness stays 200', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });
});

describe('with Redis', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ engine: 'postgres', redis: true });
  });
  afterAll(() => t.close());

  it.each(READY)('%s: without a worker heartbeat the queue is down and the service degraded (200)', async (url) => {
    const body = expectJson(await t.app.inject({ method: 'GET', url })) as Ready;
    expectReadyShape(body);
    expect(body.checks.redis!.status).toBe('up');
    expect(body.checks.database!.status).toBe('up');
    expect(body.checks.queue!.status).toBe('down');
    expect(body.status).toBe('degraded');
  });

  it('a stale heartbeat (over 60 s old) still counts as down', async () => {
    await t.container.heartbeat.beat(new Date(Date.now() - 61_000));
    const body = expectJson(await t.app.inject({ method: 'GET', url: '/health/ready' })) as Ready;
    expect(body.checks.queue!.status).toBe('down');
    expect(body.status).toBe('degraded');
  });

  it('after a fresh worker heartbeat the queue is up and the service ok', async () => {
    await t.container.heartbeat.beat(new Date());
    for (const url of READY) {
      const body = expectJson(await t.app.inject({ method: 'GET', url })) as Ready;
      expect(body.checks.queue!.status).toBe('up');
      expect(body.status).toBe('ok');
    }
  });
});
