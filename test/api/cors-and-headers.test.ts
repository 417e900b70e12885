/** Contract §14.1 (headers on every response) and §14.2 (CORS). */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { ROOMY_LIMITS, testRoutes } from './helpers/test-routes.js';

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const REQUEST_HEADERS = 'Authorization, Content-Type, X-Request-ID, If-None-Match, If-Range, Range';
const EXPOSED =
  'X-Request-ID, Location, ETag, Content-Range, Content-Disposition, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, WWW-Authenticate';
const PREFLIGHT_VARY = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';
const ALLOWED = 'https://app.example';

type Req = { method: 'GET' | 'POST' | 'OPTIONS' | 'HEAD' | 'DELETE'; url: string; headers?: Record<string, string>; payload?: string };

// One request of every kind of answer: JSON, problem, 405, 500, preflight, text, HEAD, bad URL.
const EVERY_KIND: readonly [string, Req, number][] = [
  ['JSON 200', { method: 'GET', url: '/api/v1/server-info' }, 200],
  ['health', { method: 'GET', url: '/health/live' }, 200],
  ['HEAD', { method: 'HEAD', url: '/api/v1/server-info' }, 200],
  ['metrics text', { method: 'GET', url: '/metrics' }, 200],
  ['openapi.json', { method: 'GET', url: '/api/v1/openapi.json' }, 200],
  ['404', { method: 'GET', url: '/api/v1/nope' }, 404],
  ['405', { method: 'DELETE', url: '/api/v1/server-info' }, 405],
  ['400 body', { method: 'POST', url: '/test/echo', headers: { 'content-type': 'application/json' }, payload: '{' }, 400],
  ['500', { method: 'GET', url: '/test/boom' }, 500],
  ['204 preflight', { method: 'OPTIONS', url: '/api/v1/server-info', headers: { origin: ALLOWED, 'access-control-request-method': 'GET' } }, 204],
  ['bad URL', { method: 'GET', url: '/api/v1/%zz' }, 400],
];

function expectBaseHeaders(res: LightMyRequestResponse, csp = API_CSP): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(res.headers['content-security-policy']).toBe(csp);
  expect(res.headers['x-request-id']).toBeTypeOf('string');
  expect(res.headers.server).toBeUndefined();
  expect(res.headers['x-powered-by']).toBeUndefined();
  expect(res.headers['access-control-allow-credentials']).toBeUndefined();
}

describe('§14.1 with the default configuration (no CORS origins, no proxy trust)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ plugins: [testRoutes], env: ROOMY_LIMITS });
  });
  afterAll(() => t.close());

  it.each(EVERY_KIND)('%s carries every security header and no HSTS over http', async (_kind, req, status) => {
    const res = await t.app.inject(req);
    expect(res.statusCode).toBe(status);
    expectBaseHeaders(res);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each(EVERY_KIND)('%s with an Origin header: no CORS headers, request still answered', async (_kind, req, status) => {
    const res = await t.app.inject({ ...req, headers: { ...req.headers, origin: ALLOWED } });
    expect(res.statusCode).toBe(status);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-expose-headers']).toBeUndefined();
  });

  it('every JSON response is Cache-Control: no-store', async () => {
    for (const url of ['/api/v1/server-info', '/health/live', '/health/ready', '/api/v1/openapi.json', '/api/v1/nope']) {
      expect((await t.app.inject({ method: 'GET', url })).headers['cache-control']).toBe('no-store');
    }
  });

  it('does not trust X-Forwarded-Proto without TRUST_PROXY', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/server-info', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('the docs UI gets its own CSP, without inline scripts; JSON under /api/docs keeps the strict one', async () => {
    for (const url of ['/api/docs', '/api/docs/', '/api/docs/static/swagger-initializer.js']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expectBaseHeaders(res, DOCS_CSP);
      expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)[^>]*>/i);
    }
    for (const url of ['/api/docs/json', '/api/docs/nope', '/api/docsx', '/api/v1/openapi.json']) {
      expect((await t.app.inject({ method: 'GET', url })).headers['content-security-policy'], url).toBe(API_CSP);
    }
  });

  it('a preflight is answered 204 with no CORS grant when no origin is configured', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/server-info',
      headers: { origin: ALLOWED, 'access-control-request-method': 'GET' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
  });
});

// inject's peer is 127.0.0.1: trusted as `true`, as one hop, or by address; `10.0.0.1` is some other proxy.
describe.each([
  ['true', true],
  ['1', true],
  ['127.0.0.1', true],
  ['10.0.0.1', false],
])('§14.1 HSTS with TRUST_PROXY=%s', (trust, trusted) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ engine: 'postgres', env: { TRUST_PROXY: trust } });
  });
  afterAll(() => t.close());

  it.each([
    ['/api/v1/server-info', 200],
    ['/api/v1/nope', 404],
  ])(`%s with X-Forwarded-Proto: https → HSTS only if the proxy is trusted (${String(trusted)})`, async (url, status) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { 'x-forwarded-proto': 'https' } });
    expect(res.statusCode).toBe(status);
    expect(res.headers['strict-transport-security']).toBe(trusted ? 'max-age=31536000; includeSubDomains' : undefined);
  });

  it('plain http → no HSTS', async () => {
    for (const headers of [{ 'x-forwarded-proto': 'http' }, {}]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/server-info', headers });
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });
});

describe('§14.2 CORS with a list of origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ engine: 'postgres', plugins: [testRoutes], env: { ...ROOMY_LIMITS, CORS_ORIGINS: `${ALLOWED}, http://localhost:3000` } });
  });
  afterAll(() => t.close());

  const preflight = (origin: string, url = '/api/v1/server-info', extra: Record<string, string> = {}) =>
    t.app.inject({
      method: 'OPTIONS',
      url,
      headers: { origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, content-type', ...extra },
    });

  it.each([ALLOWED, 'http://localhost:3000'])('a preflight from %s → 204 with the exact grant', async (origin) => {
    const res = await preflight(origin);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    expect(res.headers['access-control-allow-methods']).toBe(METHODS);
    expect(res.headers['access-control-allow-headers']).toBe(REQUEST_HEADERS);
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers.vary).toBe(PREFLIGHT_VARY);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expectBaseHeaders(res);
  });

  it('a preflight is answered before anything else: any path, bad credentials, bad body', async () => {
    for (const url of ['/api/v1/anything/at/all', '/test/things/not-a-uuid', '/test/boom', '/test/slow']) {
      const res = await preflight(ALLOWED, url, { authorization: 'Bearer garbage', 'content-type': 'text/plain' });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    }
  });

  it.each(['https://evil.example', 'https://APP.example', `${ALLOWED}/`, `${ALLOWED}:443`, 'null'])(
    'a preflight from %s → 204 without any grant, Vary intact',
    async (origin) => {
      const res = await preflight(origin);
      expect(res.statusCode).toBe(204);
      for (const name of ['allow-origin', 'allow-methods', 'allow-headers', 'max-age', 'expose-headers', 'allow-credentials']) {
        expect(res.headers[`access-control-${name}`]).toBeUndefined();
      }
      expect(res.headers.vary).toBe(PREFLIGHT_VARY);
    },
  );

  it.each(EVERY_KIND.filter(([kind]) => kind !== '204 preflight'))('%s from an allowed origin → origin echoed and exposed headers', async (_kind, req, status) => {
    const res = await t.app.inject({ ...req, headers: { ...req.headers, origin: ALLOWED } });
    expect(res.statusCode).toBe(status);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-expose-headers']).toBe(EXPOSED);
    expect(String(res.headers.vary).split(/,\s*/)).toContain('Origin');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('a disallowed origin gets no CORS headers but the request still runs', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/test/optional', headers: { origin: 'https://evil.example' }, payload: { name: 'x' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: { name: 'x' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-expose-headers']).toBeUndefined();
    expect(res.headers.vary).toBe('Origin');
  });

  it('answers without Origin still say Vary: Origin (the answer depends on it)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/server-info' });
    expect(res.headers.vary).toBe('Origin');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('§14.2 CORS with CORS_ORIGINS=*', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ engine: 'postgres', env: { CORS_ORIGINS: '*' } });
  });
  afterAll(() => t.close());

  it('a preflight from any origin → 204 with Allow-Origin *', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/server-info',
      headers: { origin: 'https://anyone.example', 'access-control-request-method': 'GET' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe(METHODS);
    expect(res.headers['access-control-allow-headers']).toBe(REQUEST_HEADERS);
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers.vary).toBe(PREFLIGHT_VARY);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it.each(['/api/v1/server-info', '/api/v1/nope'])('%s from any origin → Allow-Origin * and exposed headers', async (url) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { origin: 'https://anyone.example' } });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toBe(EXPOSED);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('a request without Origin gets no CORS headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/server-info' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
