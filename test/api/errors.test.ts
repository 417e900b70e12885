/** Contract §3: how failures become problem documents — domain errors, unexpected errors, the deadline. */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { expectJson, expectProblem } from './helpers/problem.js';
import { ROOMY_LIMITS, testRoutes } from './helpers/test-routes.js';

const INTERNAL = 'An unexpected error occurred.';
const REALM = 'Bearer realm="tessera"';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ plugins: [testRoutes], env: { ...ROOMY_LIMITS, REQUEST_TIMEOUT_MS: '100' } });
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('unexpected errors → 500 internal-error', () => {
  it('has the fixed detail and nothing of the error', async () => {
    const res = await get('/test/boom?x=1');
    const body = expectProblem(res, { status: 500, slug: 'internal-error', detail: INTERNAL, instance: '/test/boom' });
    expect(Object.keys(body).sort()).toEqual(['detail', 'instance', 'request_id', 'status', 'title', 'type']);
    for (const leak of ['secret', 'SELECT', 'password', 'stack', 'Error', 'test-routes', '.ts']) expect(res.body).not.toContain(leak);
  });

  it.each([500, 502, 503, 504, 599])('an error carrying statusCode %i is still a plain 500', async (code) => {
    const res = await get(`/test/boom-status/${code}`);
    expectProblem(res, { status: 500, slug: 'internal-error', detail: INTERNAL });
    expect(res.body).not.toContain('db-7.internal');
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it.each([400, 404, 409, 418, 422])('a foreign error carrying statusCode %i never leaks its message', async (code) => {
    const res = await get(`/test/boom-status/${code}`);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.body).not.toContain('db-7.internal');
  });
});

describe('domain errors', () => {
  it.each([
    ['bad-request', 400, 'bad-request', 'the cursor is not valid'],
    ['forbidden', 403, 'forbidden', 'you may not do this'],
    ['not-found', 404, 'not-found', 'image not found'],
    ['too-large', 413, 'payload-too-large', 'the file must be at most 10485760 bytes'],
    ['malware', 422, 'malware-detected', 'the file was flagged by the malware scanner'],
  ])('%s → %i %s with its detail', async (name, status, slug, detail) => {
    const res = await get(`/test/domain/${name}`);
    expectProblem(res, { status, slug, detail, instance: `/test/domain/${name}` });
    expect(res.headers['www-authenticate']).toBeUndefined();
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it('401 challenges with the realm', async () => {
    const res = await get('/test/domain/unauthorized');
    expectProblem(res, { status: 401, slug: 'unauthorized', detail: 'an access token is required' });
    expect(res.headers['www-authenticate']).toBe(REALM);
  });

  it('401 for a bad presented token says invalid_token', async () => {
    const res = await get('/test/domain/invalid-token');
    expectProblem(res, { status: 401, slug: 'unauthorized' });
    expect(res.headers['www-authenticate']).toBe(`${REALM}, error="invalid_token"`);
  });

  it('429 rounds Retry-After up to whole seconds', async () => {
    const res = await get('/test/domain/rate-limited');
    expectProblem(res, { status: 429, slug: 'rate-limited', detail: 'slow down' });
    expect(res.headers['retry-after']).toBe('13');
  });

  it('account-locked is 429 with Retry-After', async () => {
    const res = await get('/test/domain/locked');
    expectProblem(res, { status: 429, slug: 'account-locked' });
    expect(res.headers['retry-after']).toBe('900');
  });

  it('503 keeps the cause out of the body and sets Retry-After', async () => {
    const res = await get('/test/domain/unavailable');
    expectProblem(res, { status: 503, slug: 'service-unavailable', detail: 'the database is unavailable' });
    expect(res.headers['retry-after']).toBe('5');
    for (const leak of ['ECONNREFUSED', '10.0.0.7', 'pg_hba']) expect(res.body).not.toContain(leak);
  });

  it('account-banned carries banned_until and ban_reason', async () => {
    const body = expectProblem(await get('/test/domain/banned'), { status: 403, slug: 'account-banned' });
    expect(body.banned_until).toBe('2030-01-02T03:04:05.678Z');
    expect(body.ban_reason).toBe('spam');
    const forever = expectProblem(await get('/test/domain/banned-forever'), { status: 403, slug: 'account-banned' });
    expect(forever.banned_until).toBeNull();
    expect(forever.ban_reason).toBe('abuse');
  });
});

describe('handler deadline (REQUEST_TIMEOUT_MS=100)', () => {
  it('a handler still running at the deadline → 503 service-unavailable', async () => {
    // A 503 at all proves the deadline won: the handler itself answers 200 after 400 ms.
    const res = await get('/test/slow', { 'x-request-id': 'slow-1' });
    const body = expectProblem(res, { status: 503, slug: 'service-unavailable', instance: '/test/slow' });
    expect(body.request_id).toBe('slow-1');
    expect(body.detail).toContain('100 ms');
    expect(res.headers['retry-after']).toBe('5');
  });

  it('the late answer of the abandoned handler is dropped and the app keeps serving', async () => {
    await get('/test/slow');
    await sleep(450);
    expectJson(await get('/api/v1/server-info'));
  });

  it('health, metrics and docs have no deadline', async () => {
    expect((await get('/health/ready')).statusCode).toBe(200);
    expect((await get('/metrics')).statusCode).toBe(200);
    expect((await get('/api/v1/openapi.json')).statusCode).toBe(200);
  });
});
