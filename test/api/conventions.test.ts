/** Contract §1 "Methods & paths" and "Request ID", §2 "any other path": routing answers and X-Request-ID. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { expectJson, expectProblem, UUID_V7 } from './helpers/problem.js';
import { ROOMY_LIMITS, testRoutes } from './helpers/test-routes.js';

const ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ plugins: [testRoutes], env: ROOMY_LIMITS });
});
afterAll(() => t.close());

describe('unknown paths', () => {
  it.each(['/nope', '/api/v1/nope', '/api/v2/server-info', '/api/v1/test/echo'])('GET %s → 404 not-found', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expectProblem(res, { status: 404, slug: 'not-found', instance: url });
  });

  it('reports the path without its query string', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope?token=secret&x=1' });
    const body = expectProblem(res, { status: 404, slug: 'not-found', instance: '/api/v1/nope' });
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it.each(['/api/v1/server-info/', '/health/live/', '/api/v1/health/ready/', '/metrics/'])('a trailing slash is not normalised: %s → 404', async (url) => {
    expectProblem(await t.app.inject({ method: 'GET', url }), { status: 404, slug: 'not-found', instance: url });
  });

  it.each(['/API/v1/server-info', '/api/v1/Server-Info', '/Health/live'])('paths are case-sensitive: %s → 404', async (url) => {
    expectProblem(await t.app.inject({ method: 'GET', url }), { status: 404, slug: 'not-found' });
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s on an unknown path → 404, never 405', async (method) => {
    const res = await t.app.inject({ method: method as 'POST', url: '/api/v1/nowhere', payload: {} });
    expectProblem(res, { status: 404, slug: 'not-found' });
    expect(res.headers.allow).toBeUndefined();
  });

  it('a malformed URL → 400 bad-request problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/%E0%A4%A' });
    expectProblem(res, { status: 400, slug: 'bad-request' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('wrong method on a known path', () => {
  it.each([
    ['POST', '/api/v1/server-info', 'GET, HEAD'],
    ['DELETE', '/health/live', 'GET, HEAD'],
    ['PUT', '/api/v1/health/ready', 'GET, HEAD'],
    ['GET', '/test/echo', 'POST'],
    ['HEAD', '/test/echo', 'POST'],
    ['POST', `/test/things/${ID}`, 'GET, HEAD, PATCH, DELETE'],
    ['PUT', '/metrics', 'GET, HEAD'],
  ])('%s %s → 405 with Allow: %s', async (method, url, allow) => {
    const res = await t.app.inject({ method: method as 'GET', url });
    if (method === 'HEAD') {
      expect(res.statusCode).toBe(405);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    } else {
      const body = expectProblem(res, { status: 405, slug: 'method-not-allowed', instance: url });
      expect(body.detail).toContain(method);
    }
    expect(res.headers.allow).toBe(allow);
  });

  it('matches parameterised routes even when the parameter would fail validation', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/test/things/not-a-uuid' });
    expectProblem(res, { status: 405, slug: 'method-not-allowed' });
    expect(res.headers.allow).toBe('GET, HEAD, PATCH, DELETE');
  });

  it('matches a parameter as long as the main router accepts (up to 200 characters)', async () => {
    const long = 'x'.repeat(150);
    expectProblem(await t.app.inject({ method: 'GET', url: `/test/things/${long}` }), { status: 400, slug: 'validation-error' });
    const res = await t.app.inject({ method: 'PUT', url: `/test/things/${long}` });
    expectProblem(res, { status: 405, slug: 'method-not-allowed' });
  });

  it('OPTIONS that is not a CORS preflight → 405 on a known path, 404 elsewhere', async () => {
    const known = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/server-info' });
    expectProblem(known, { status: 405, slug: 'method-not-allowed' });
    expect(known.headers.allow).toBe('GET, HEAD');
    expectProblem(await t.app.inject({ method: 'OPTIONS', url: '/api/v1/nope' }), { status: 404, slug: 'not-found' });
  });
});

describe('HEAD is served wherever GET is', () => {
  it.each(['/health/live', '/api/v1/health/live', '/health/ready', '/api/v1/server-info', '/api/v1/openapi.json', '/metrics', `/test/things/${ID}`])(
    'HEAD %s → 200 without a body, same headers as GET',
    async (url) => {
      const get = await t.app.inject({ method: 'GET', url });
      const head = await t.app.inject({ method: 'HEAD', url });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
      expect(head.headers['x-content-type-options']).toBe('nosniff');
      expect(head.headers['x-request-id']).toMatch(UUID_V7);
    },
  );

  it('HEAD on an unknown path → 404 without a body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toBe('');
  });
});

describe('X-Request-ID', () => {
  it.each(['abc', 'A-b_c.9', 'x'.repeat(128), '0190f5c2-7a3b-7c4d-8e5f-0123456789ab'])('adopts a well-formed incoming id (%s)', async (id) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/server-info', headers: { 'x-request-id': id } });
    expect(res.headers['x-request-id']).toBe(id);
  });

  it.each([
    ['too long', 'x'.repeat(129)],
    ['a space', 'abc def'],
    ['a slash', 'a/b'],
    ['a colon', 'a:b'],
    ['non-ASCII', 'ü'],
    ['a quote', 'a"b'],
    ['empty', ''],
  ])('replaces an id with %s by a generated UUID v7', async (_what, id) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'x-request-id': id } });
    const body = expectProblem(res, { status: 404, slug: 'not-found' });
    expect(res.headers['x-request-id']).toMatch(UUID_V7);
    expect(body.request_id).toBe(res.headers['x-request-id']);
  });

  it('generates a fresh id per request when none is sent', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/health/live' });
    const b = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(a.headers['x-request-id']).toMatch(UUID_V7);
    expect(b.headers['x-request-id']).toMatch(UUID_V7);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it.each([
    ['GET', '/health/live', 200],
    ['GET', '/health/ready', 200],
    ['GET', '/api/v1/health/live', 200],
    ['GET', '/api/v1/server-info', 200],
    ['GET', '/metrics', 200],
    ['GET', '/api/v1/openapi.json', 200],
    ['GET', '/api/v1/nope', 404],
    ['POST', '/api/v1/server-info', 405],
    ['GET', '/test/boom', 500],
    ['POST', '/test/echo', 400],
    ['GET', '/api/v1/%E0%A4%A', 400],
  ])('is echoed on %s %s (%i)', async (method, url, status) => {
    const res = await t.app.inject({ method: method as 'GET', url, headers: { 'x-request-id': 'req-42' } });
    expect(res.statusCode).toBe(status);
    expect(res.headers['x-request-id']).toBe('req-42');
    if (status >= 400) expect(res.json().request_id).toBe('req-42');
  });

  it('is echoed on a CORS preflight', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/server-info',
      headers: { origin: 'https://x.example', 'access-control-request-method': 'GET', 'x-request-id': 'pre-1' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['x-request-id']).toBe('pre-1');
  });
});

describe('path parameters', () => {
  it('accepts a well-formed UUID in any hex case', async () => {
    const upper = ID.toUpperCase();
    expect(expectJson(await t.app.inject({ method: 'GET', url: `/test/things/${upper}` }))).toEqual({ params: { id: upper } });
  });

  it.each(['not-a-uuid', `urn:uuid:${ID}`, `{${ID}}`, ID.replace(/-/g, ''), `${ID}0`, ID.slice(1)])('rejects %s with path.id', async (id) => {
    const res = await t.app.inject({ method: 'GET', url: `/test/things/${encodeURIComponent(id)}` });
    const body = expectProblem(res, { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([{ field: 'path.id', message: 'must be a UUID' }]);
  });
});
