/**
 * The two clocks of contract §17: REQUEST_TIMEOUT_MS bounds the server's own work (→ 503), a body that stops
 * arriving is the client's fault (→ 408). Time spent waiting for the client's body is not server work.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { expectProblem } from './helpers/problem.js';
import { rawExchange } from './helpers/raw-http.js';
import { ROOMY_LIMITS, testRoutes } from './helpers/test-routes.js';

let t: TestApp;
let port: number;
beforeAll(async () => {
  // The deadline (200 ms) is shorter than the body idle timeout (400 ms) on purpose.
  t = await buildTestApp({ engine: 'postgres', plugins: [testRoutes], bodyIdleTimeoutMs: 400, env: { ...ROOMY_LIMITS, REQUEST_TIMEOUT_MS: '200' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

const head = (length: number) => `POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`;

it('a stalled body → 408, even when the handler deadline is shorter', async () => {
  const [res] = await rawExchange(port, [head(100), '{"name":'], 3000);
  expectProblem(res!, { status: 408, slug: 'request-timeout', instance: '/test/echo' });
});

it('a slow but steady body longer than the deadline is still handled', async () => {
  const [res] = await rawExchange(port, [head(13), '{"na', { pauseMs: 150 }, 'me":', { pauseMs: 150 }, '"ab', { pauseMs: 150 }, '"}']);
  expect(res!.statusCode, res!.body).toBe(200);
  expect(JSON.parse(res!.body)).toEqual({ received: { name: 'ab' } });
});

it('the handler itself is still bounded by the deadline', async () => {
  const [res] = await rawExchange(port, ['GET /test/slow HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n'], 3000);
  expectProblem(res!, { status: 503, slug: 'service-unavailable', instance: '/test/slow' });
});
