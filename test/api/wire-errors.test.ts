/**
 * Contract §3 "every error" on the wire: requests Node's HTTP parser refuses before any route runs still get
 * a problem document with X-Request-ID and the §14.1 headers, and the connection is closed.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { expectProblem, UUID_V7 } from './helpers/problem.js';
import { rawExchange, type RawResponse } from './helpers/raw-http.js';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await buildTestApp({ engine: 'postgres' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

function expectWireProblem(res: RawResponse | undefined, instance: string): void {
  expect(res).toBeDefined();
  expectProblem(res!, { status: 400, slug: 'bad-request', instance });
  expect(res!.headers['x-request-id']).toMatch(UUID_V7);
  expect(res!.headers['x-content-type-options']).toBe('nosniff');
  expect(res!.headers['x-frame-options']).toBe('DENY');
  expect(res!.headers['referrer-policy']).toBe('no-referrer');
  expect(res!.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(res!.headers['content-security-policy']).toContain("default-src 'none'");
  expect(res!.headers.connection).toBe('close');
}

it.each([
  ['a header line without a colon', 'GET /api/v1/server-info?x=1 HTTP/1.1\r\nHost: t\r\nBroken header\r\n\r\n', '/api/v1/server-info'],
  ['both Content-Length and chunked', 'POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}', '/test/echo'],
  ['a bad chunk size', 'POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', '/x'],
  ['garbage instead of a request line', 'HELLO THERE\r\n\r\n', '/'],
])('%s → 400 bad-request problem', async (_what, raw, instance) => {
  const [res, ...more] = await rawExchange(port, [raw]);
  expect(more).toEqual([]);
  expectWireProblem(res, instance);
});

it('headers over the size limit → 400 bad-request problem', async () => {
  const raw = `GET /health/live HTTP/1.1\r\nHost: t\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
  const [res] = await rawExchange(port, [raw]);
  expectWireProblem(res, '/health/live');
  expect(JSON.parse(res!.body).detail).toBe('the request headers are too large');
});

it('the server keeps serving afterwards', async () => {
  const [res] = await rawExchange(port, ['GET /health/live HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n']);
  expect(res!.statusCode).toBe(200);
});
