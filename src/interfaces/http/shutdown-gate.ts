/**
 * Requests that still arrive while the server drains (on a busy keep-alive connection, or pipelined) get a
 * 503 problem document like every other error (contract §3). Fastify's own `return503OnClosing` answer is a
 * bare JSON body without X-Request-ID or the §14 headers, so it is turned off and this gate answers instead.
 * A response still streaming when the close began leaves a keep-alive connection that only turns idle after
 * `server.close()` swept the idle ones, and it would hold the drain open until the keep-alive timeout: each
 * response that ends while closing sweeps again.
 */
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

export function registerShutdownGate(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    // Fastify already marks the response `Connection: close` while closing; the client retries elsewhere.
    return sendProblem(request, reply, { slug: 'service-unavailable', detail: 'the server is shutting down', retryAfterS: 1 });
  });
  app.addHook('onResponse', async () => {
    // The connection counts as idle only once this turn of the response's 'finish' is over.
    if (closing) setImmediate(() => app.server.closeIdleConnections());
  });
}
