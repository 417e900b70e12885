/**
 * Property: whatever arrives — random methods, paths, content types, bodies and headers — the answer is never
 * 5xx, always carries X-Request-ID and the §14.1 headers, and every 4xx is a well-formed problem document.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { PROBLEM_TYPE, TITLES } from './helpers/problem.js';
import { ROOMY_LIMITS, schemaRoutes } from './helpers/test-routes.js';

const ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    plugins: [schemaRoutes],
    env: { ...ROOMY_LIMITS, JSON_BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: 'https://app.example', METRICS_TOKEN: 'tok' },
  });
});
afterAll(() => t.close());

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const segment = fc.oneof(
  fc.constantFrom('api', 'v1', 'health', 'live', 'ready', 'server-info', 'openapi.json', 'metrics', 'docs', 'test', 'echo', 'things', 'query'),
  fc.constantFrom(ID, ID.toUpperCase(), 'not-a-uuid', '%00', '%zz', '%', '~', 'x'.repeat(250)),
  // No empty or dot segments: inject resolves those like a WHATWG URL before the app sees the path.
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s !== '.' && s !== '..').map(encodeURIComponent),
);

const knownPath = fc.constantFrom(
  '/health/live',
  '/health/ready',
  '/api/v1/health/live',
  '/api/v1/server-info',
  '/api/v1/openapi.json',
  '/api/docs',
  '/metrics',
  '/test/echo',
  '/test/optional',
  '/test/nested',
  '/test/nobody',
  `/test/things/${ID}`,
  '/test/things/bad',
  '/test/query',
  '/test/strict-query',
);

const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom('?limit=5', '?limit=abc', '?limit=5&flag=true&tag=a&tag=b', '?flag=1', '?q=a&x=y', '?%zz=1', '?limit=%E0%A4%A', '?limit[]=1&limit[]=2'),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }).map((d) => `?${new URLSearchParams(d).toString()}`),
);

const path = fc.oneof({ weight: 3, arbitrary: knownPath }, { weight: 2, arbitrary: fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join('/')}`) });

const contentType = fc.oneof(
  fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/merge-patch+json',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/octet-stream',
    'application/*',
    'application/json; charset="',
    ';;;',
    '',
  ),
  printable(40),
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.record({ name: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), extra: fc.option(fc.jsonValue()) }, { requiredKeys: ['name'] }).map((v) =>
    JSON.stringify(v),
  ),
  fc.string({ maxLength: 64 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom('{', '{"name":', '[', 'null', '{"__proto__":{"a":1}}', '\uFEFF{}', '{"name":"\uD800"}', 'x'.repeat(3000)),
);

const request = fc.record({
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
  path,
  query,
  contentType,
  body,
  requestId: fc.option(printable(140)),
  origin: fc.option(fc.constantFrom('https://app.example', 'https://evil.example', 'null')),
  preflight: fc.option(fc.constantFrom('GET', 'POST', 'DELETE', 'garbage')),
  authorization: fc.option(fc.constantFrom('Bearer tok', 'Bearer nope', 'Basic x', '')),
});

it('never answers 5xx; every error is a problem document with the request id', async () => {
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const headers: Record<string, string> = {};
      if (r.contentType !== undefined) headers['content-type'] = r.contentType;
      if (r.requestId !== null) headers['x-request-id'] = r.requestId;
      if (r.origin !== null) headers.origin = r.origin;
      if (r.preflight !== null) headers['access-control-request-method'] = r.preflight;
      if (r.authorization !== null) headers.authorization = r.authorization;
      const options: InjectOptions = { method: r.method, url: r.path + r.query, headers };
      if (r.body !== undefined) options.payload = r.body;
      const res = await t.app.inject(options);

      const id = res.headers['x-request-id'];
      expect(res.statusCode, `${r.method} ${r.path}${r.query} → ${res.body}`).toBeLessThan(500);
      expect(id).toBeTypeOf('string');
      if (r.requestId !== null && /^[A-Za-z0-9._-]{1,128}$/.test(r.requestId)) expect(id).toBe(r.requestId);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      if (res.statusCode < 400 || r.method === 'HEAD') return;
      expect(res.headers['content-type']).toBe(PROBLEM_TYPE);
      const problem = JSON.parse(res.body) as Record<string, unknown>;
      const slug = String(problem.type).replace('/problems/', '');
      expect(problem.type).toBe(`/problems/${slug}`);
      expect(problem.title).toBe(TITLES[slug]);
      expect(problem.status).toBe(res.statusCode);
      expect(problem.detail).toBeTypeOf('string');
      expect(problem.instance).toBe(r.path);
      expect(problem.request_id).toBe(id);
      if (res.statusCode === 405) expect(res.headers.allow).toBeTypeOf('string');
      if (slug === 'validation-error') expect(Array.isArray(problem.errors)).toBe(true);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
  );
});
