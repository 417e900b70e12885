/** Contract §15: /metrics, the OpenAPI document, the docs UI and /server-info, with their switches. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { expectJson, expectProblem } from './helpers/problem.js';
import { ROOMY_LIMITS, testRoutes } from './helpers/test-routes.js';

const ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';

describe('defaults: metrics open, docs on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ plugins: [testRoutes], env: ROOMY_LIMITS });
  });
  afterAll(() => t.close());

  it('GET /metrics is Prometheus text with process metrics', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8$/);
    expect(res.body).toContain('# TYPE tessera_http_requests_total counter');
    expect(res.body).toContain('# TYPE tessera_http_request_duration_seconds histogram');
    expect(res.body).toMatch(/^tessera_process_cpu_user_seconds_total /m);
    expect(res.body).toMatch(/^tessera_nodejs_heap_size_used_bytes /m);
  });

  it('labels requests by route template, never the raw path', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/server-info?utm=1' });
    await t.app.inject({ method: 'GET', url: `/test/things/${ID}` });
    await t.app.inject({ method: 'GET', url: '/test/things/not-a-uuid' });
    await t.app.inject({ method: 'GET', url: `/api/v1/unknown/${ID}` });
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/^tessera_http_requests_total\{method="GET",route="\/api\/v1\/server-info",status="200"\} [1-9]/m);
    expect(text).toMatch(/^tessera_http_requests_total\{method="GET",route="\/test\/things\/:id",status="200"\} 1$/m);
    expect(text).toMatch(/^tessera_http_requests_total\{method="GET",route="\/test\/things\/:id",status="400"\} 1$/m);
    expect(text).toMatch(/^tessera_http_request_duration_seconds_count\{method="GET",route="\/test\/things\/:id"\} 2$/m);
    expect(text).not.toContain(ID);
    expect(text).not.toContain('not-a-uuid');
    expect(text).not.toContain('utm');
    expect(text).not.toContain('/api/v1/unknown');
    expect(text).toMatch(/^tessera_http_requests_total\{method="GET",route="unmatched",status="404"\} [1-9]/m);
  });

  it('GET /api/v1/openapi.json is the OpenAPI 3.1.0 document', async () => {
    const doc = expectJson(await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })) as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('0.0.0-test');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/server-info', '/api/v1/health/ready', '/api/v1/health/live']));
    for (const hidden of ['/metrics', '/health/ready', '/api/v1/openapi.json', '/test/echo']) expect(doc.paths[hidden]).toBeUndefined();
  });

  it('GET /api/docs serves the HTML docs from local assets', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      res = await t.app.inject({ method: 'GET', url: new URL(res.headers.location!, 'http://x/api/docs').pathname });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('swagger-ui');
    expect(res.body).not.toMatch(/https?:\/\//);
    const scripts = [...res.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => new URL(m[1]!, 'http://x/api/docs/').pathname);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect((await t.app.inject({ method: 'GET', url: src })).statusCode, src).toBe(200);
  });

  it('GET /api/v1/server-info has the exact shape', async () => {
    expect(expectJson(await t.app.inject({ method: 'GET', url: '/api/v1/server-info' }))).toEqual({
      name: 'tessera',
      version: '0.0.0-test',
      api_version: 'v1',
      limits: {
        max_upload_bytes: 10_485_760,
        max_image_side: 8192,
        max_image_pixels: 100_000_000,
        max_tags_per_image: 20,
        accepted_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'],
      },
    });
  });
});

describe('METRICS_TOKEN set, limits changed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      engine: 'postgres',
      env: { METRICS_TOKEN: 's3cret-token', MAX_UPLOAD_BYTES: '2048', MAX_IMAGE_SIDE: '100', MAX_IMAGE_PIXELS: '5000' },
    });
  });
  afterAll(() => t.close());

  it.each([
    ['no Authorization', undefined],
    ['a wrong token', 'Bearer wrong'],
    ['a longer token', 'Bearer s3cret-token-and-more'],
    ['another scheme', 'Basic czNjcmV0LXRva2Vu'],
    ['the bare token', 's3cret-token'],
  ])('%s → 401 with the realm challenge', async (_what, authorization) => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    expectProblem(res, { status: 401, slug: 'unauthorized', instance: '/metrics' });
    expect(res.headers['www-authenticate']).toBe('Bearer realm="tessera"');
    expect(res.body).not.toContain('tessera_');
  });

  it('the right token → 200', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer s3cret-token' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('tessera_http_requests_total');
  });

  it('server-info reports the configured limits', async () => {
    const body = expectJson(await t.app.inject({ method: 'GET', url: '/api/v1/server-info' })) as { limits: Record<string, unknown> };
    expect(body.limits).toMatchObject({ max_upload_bytes: 2048, max_image_side: 100, max_image_pixels: 5000 });
  });
});

describe('METRICS_ENABLED=false, DOCS_ENABLED=false', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ engine: 'postgres', env: { METRICS_ENABLED: 'false', DOCS_ENABLED: 'false' } });
  });
  afterAll(() => t.close());

  it.each(['/metrics', '/api/v1/openapi.json', '/api/docs', '/api/docs/', '/api/docs/json', '/api/docs/static/index.html'])('%s → 404', async (url) => {
    expectProblem(await t.app.inject({ method: 'GET', url }), { status: 404, slug: 'not-found', instance: url });
  });

  it('the rest still works', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/server-info' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
  });
});
