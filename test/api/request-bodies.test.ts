/** Contract §1 "Request bodies": JSON parsing, 415, empty bodies, ignored bodies, 413 and the 408 of a stalled body. */
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { expectJson, expectProblem } from './helpers/problem.js';
import { chunk, rawExchange } from './helpers/raw-http.js';
import { ROOMY_LIMITS, testRoutes } from './helpers/test-routes.js';

const ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';
const LIMIT = 1024;

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await buildTestApp({ plugins: [testRoutes], bodyIdleTimeoutMs: 300, env: { ...ROOMY_LIMITS, JSON_BODY_LIMIT_BYTES: String(LIMIT) } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

const post = (url: string, payload: string | undefined, contentType?: string, method: 'POST' | 'PATCH' = 'POST') =>
  t.app.inject({ method, url, ...(payload === undefined ? {} : { payload }), headers: contentType ? { 'content-type': contentType } : {} });

describe('JSON parsing', () => {
  it.each(['{"name":', "{'name':'a'}", '{"name":"a",}', 'NaN', '{"name":"a"} trailing', '\u0000'])('malformed JSON %j → 400 bad-request', async (payload) => {
    const body = expectProblem(await post('/test/echo', payload, 'application/json'), { status: 400, slug: 'bad-request', instance: '/test/echo' });
    expect(body.errors).toBeUndefined();
  });

  it('refuses prototype-pollution keys', async () => {
    for (const payload of ['{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}']) {
      expect((await post('/test/optional', payload, 'application/json')).statusCode).toBe(400);
    }
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8'])(
    'accepts Content-Type %s',
    async (type) => {
      expect(expectJson(await post('/test/echo', '{"name":"ab"}', type))).toEqual({ received: { name: 'ab' } });
    },
  );

  it.each(['[]', '"name"', '5', 'null', 'true'])('a JSON body that is not an object (%s) → 400 validation-error on `body`', async (payload) => {
    const body = expectProblem(await post('/test/echo', payload, 'application/json'), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([{ field: 'body', message: 'must be object' }]);
  });
});

describe('Content-Type', () => {
  it.each(['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json-patch+json', 'application/xml', 'application/jsonx'])(
    'a non-empty %s body on a body route → 415',
    async (type) => {
      const body = expectProblem(await post('/test/echo', '{"name":"a"}', type), { status: 415, slug: 'unsupported-media-type' });
      expect(body.detail).toContain('application/json');
    },
  );

  it('a non-empty body without Content-Type → 415', async () => {
    const head = 'POST /test/optional HTTP/1.1\r\nHost: t\r\nContent-Length: 12\r\nConnection: close\r\n\r\n';
    const [res] = await rawExchange(port, [head, '{"name":"a"}']);
    expectProblem(res!, { status: 415, slug: 'unsupported-media-type', instance: '/test/optional' });
  });

  it('application/merge-patch+json is accepted on PATCH', async () => {
    const res = await post(`/test/things/${ID}`, '{"name":"ab"}', 'application/merge-patch+json', 'PATCH');
    expect(expectJson(res)).toEqual({ received: { name: 'ab' } });
    expect(expectJson(await post(`/test/things/${ID}`, '{"name":"ab"}', 'application/json', 'PATCH'))).toEqual({ received: { name: 'ab' } });
  });

  it('application/merge-patch+json on POST → 415', async () => {
    expectProblem(await post('/test/echo', '{"name":"ab"}', 'application/merge-patch+json'), { status: 415, slug: 'unsupported-media-type' });
  });

  it('malformed merge-patch JSON → 400 bad-request', async () => {
    expectProblem(await post(`/test/things/${ID}`, '{', 'application/merge-patch+json', 'PATCH'), { status: 400, slug: 'bad-request' });
  });
});

describe('empty and ignored bodies', () => {
  it.each([
    ['no Content-Type', undefined, undefined],
    ['application/json', '', 'application/json'],
    ['whitespace JSON', '  \n ', 'application/json'],
    ['text/plain', '', 'text/plain'],
  ])('an empty body (%s) counts as {}', async (_what, payload, type) => {
    expect(expectJson(await post('/test/optional', payload, type))).toEqual({ received: {} });
  });

  it('an empty body is validated as {} (missing required fields)', async () => {
    const body = expectProblem(await post('/test/echo', undefined), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([{ field: 'body.name', message: 'is required' }]);
  });

  it('an empty PATCH body counts as {}', async () => {
    expect(expectJson(await post(`/test/things/${ID}`, undefined, undefined, 'PATCH'))).toEqual({ received: {} });
  });

  it.each([
    ['malformed JSON', '{"oops', 'application/json'],
    ['text', 'hello', 'text/plain'],
    ['binary', '\u0000\u0001', 'application/octet-stream'],
  ])('a route without a body schema ignores a %s body', async (_what, payload, type) => {
    expect(expectJson(await post('/test/nobody', payload, type))).toEqual({ body_seen: false });
    const del = await t.app.inject({ method: 'DELETE', url: `/test/things/${ID}`, payload, headers: { 'content-type': type } });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    const get = await t.app.inject({ method: 'GET', url: '/api/v1/server-info', payload, headers: { 'content-type': type } });
    expect(get.statusCode).toBe(200);
  });
});

describe('size limit (JSON_BODY_LIMIT_BYTES)', () => {
  const big = JSON.stringify({ name: 'x'.repeat(LIMIT) });

  it('a body exactly at the limit is read', async () => {
    const exact = JSON.stringify({ name: 'x'.repeat(LIMIT - 11) });
    expect(Buffer.byteLength(exact)).toBe(LIMIT);
    const body = expectProblem(await post('/test/echo', exact, 'application/json'), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([{ field: 'body.name', message: 'must be at most 5 characters' }]);
  });

  it('a declared Content-Length over the limit → 413', async () => {
    const body = expectProblem(await post('/test/echo', big, 'application/json'), { status: 413, slug: 'payload-too-large', instance: '/test/echo' });
    expect(body.detail).toContain(String(LIMIT));
  });

  it('merge-patch over the limit → 413', async () => {
    expectProblem(await post(`/test/things/${ID}`, big, 'application/merge-patch+json', 'PATCH'), { status: 413, slug: 'payload-too-large' });
  });

  it('a streamed body without Content-Length over the limit → 413 (inject)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: Readable.from([Buffer.from('{"name":"'), Buffer.from('x'.repeat(2 * LIMIT)), Buffer.from('"}')]),
    });
    expectProblem(res, { status: 413, slug: 'payload-too-large' });
  });

  it('a chunked body over the limit → 413 by actual bytes on a real connection', async () => {
    const head = 'POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Request-ID: big-1\r\n\r\n';
    const pieces = [head, chunk('{"name":"'), ...Array.from({ length: 8 }, () => chunk('x'.repeat(256))), chunk('"}'), '0\r\n\r\n'];
    const [res, ...more] = await rawExchange(port, pieces);
    expect(more).toEqual([]);
    const body = expectProblem(res!, { status: 413, slug: 'payload-too-large', instance: '/test/echo' });
    expect(body.request_id).toBe('big-1');
    expect(res!.headers.connection).toBe('close');
    expect(res!.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a chunked body under the limit is read normally', async () => {
    const head = 'POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n';
    const [res] = await rawExchange(port, [head, chunk('{"name":'), { pauseMs: 50 }, chunk('"ab"}'), '0\r\n\r\n']);
    expect(res!.statusCode).toBe(200);
    expect(JSON.parse(res!.body)).toEqual({ received: { name: 'ab' } });
  });
});

describe('a stalled body (idle timeout shortened to 300 ms)', () => {
  it.each([
    ['after part of the body', '{"name":'],
    ['before any byte of the body', ''],
  ])('→ 408 request-timeout %s', async (_when, partial) => {
    const head = `POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\nX-Request-ID: stall-1\r\n\r\n`;
    const started = Date.now();
    const [res, ...more] = await rawExchange(port, [head, partial], 3000);
    expect(more).toEqual([]);
    const body = expectProblem(res!, { status: 408, slug: 'request-timeout', instance: '/test/echo' });
    expect(body.request_id).toBe('stall-1');
    expect(res!.headers.connection).toBe('close');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('a slow but steady body is not cut off', async () => {
    const head = 'POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 13\r\nConnection: close\r\n\r\n';
    const slow = [head, '{"na', { pauseMs: 200 }, 'me":', { pauseMs: 200 }, '"ab', { pauseMs: 200 }, '"}'];
    const [res] = await rawExchange(port, slow);
    expect(res!.statusCode).toBe(200);
  });
});
