/** Contract §3 while draining: a request that still reaches the server during close gets a 503 problem. */
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { expectProblem } from './helpers/problem.js';
import { rawExchange } from './helpers/raw-http.js';
import { testRoutes } from './helpers/test-routes.js';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await buildTestApp({ engine: 'postgres', plugins: [testRoutes] });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

it('the in-flight request completes; the next one on the same connection gets a 503 problem', async () => {
  // The connection is busy with a slow request when close starts, so it is not reaped as idle.
  const exchange = rawExchange(port, [
    'GET /test/slow HTTP/1.1\r\nHost: t\r\n\r\n',
    { pauseMs: 200 },
    'GET /api/v1/server-info HTTP/1.1\r\nHost: t\r\nX-Request-ID: late-1\r\n\r\n',
  ]);
  await sleep(100);
  const closing = t.app.close();
  const [first, second, ...more] = await exchange;
  await closing;
  expect(more).toEqual([]);
  expect(first!.statusCode).toBe(200);
  const body = expectProblem(second!, { status: 503, slug: 'service-unavailable', instance: '/api/v1/server-info' });
  expect(body.request_id).toBe('late-1');
  expect(second!.headers['retry-after']).toBe('1');
  expect(second!.headers.connection).toBe('close');
  expect(second!.headers['x-content-type-options']).toBe('nosniff');
});
