/**
 * Contract §13/§14.2: health, metrics, docs and CORS preflights are never rate limited and answered before
 * auth; a 429 is a problem document that a permitted browser origin can read (CORS + exposed headers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { expectProblem } from './helpers/problem.js';

const ORIGIN = 'https://app.example';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ engine: 'postgres', env: { RATE_LIMIT_ANON: '2/1m', CORS_ORIGINS: ORIGIN } });
});
afterAll(() => t.close());

describe('never limited', () => {
  it.each(['/health/live', '/health/ready', '/api/v1/health/live', '/api/v1/health/ready', '/metrics', '/api/v1/openapi.json', '/api/docs', '/api/docs/json', '/api/docs/static/swagger-initializer.js'])(
    '%s answers 6 times in a row without RateLimit headers',
    async (url) => {
      for (let i = 0; i < 6; i++) {
        const res = await t.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer not-a-token' } });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['ratelimit-limit']).toBeUndefined();
      }
    },
  );

  it('preflights answer 204 even after the caller exhausted its limit', async () => {
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: '/api/v1/server-info' });
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/server-info',
        headers: { origin: ORIGIN, 'access-control-request-method': 'GET', authorization: 'Bearer not-a-token' },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    }
  });
});

describe('a limited route', () => {
  it('answers 429 rate-limited with Retry-After and RateLimit headers, readable cross-origin', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/v1/server-info', headers: { origin: ORIGIN } });
    for (let i = 0; i < 5 && res.statusCode !== 429; i++) {
      res = await t.app.inject({ method: 'GET', url: '/api/v1/server-info', headers: { origin: ORIGIN } });
    }
    expectProblem(res, { status: 429, slug: 'rate-limited', instance: '/api/v1/server-info' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(res.headers['ratelimit-limit']).toBe('2');
    expect(res.headers['ratelimit-remaining']).toBe('0');
    expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(res.headers['access-control-expose-headers'])).toContain('Retry-After');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
