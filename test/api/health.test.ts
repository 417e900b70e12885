import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';

describe('GET /health/ready', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it.each(['/health/ready', '/api/v1/health/ready'])('%s reports every check of the embedded mode', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.checks.database.status).toBe('up');
    expect(body.checks.redis).toEqual({ status: 'disabled', latency_ms: null });
    expect(body.checks.scanner).toEqual({ status: 'disabled', latency_ms: null });
    expect(body.checks.storage.status).toBe('up');
    expect(body.checks.queue.status).toBe('up');
  });
});
