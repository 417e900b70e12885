/**
 * The handler deadline (REQUEST_TIMEOUT_MS, contract §17): a request still unanswered when it passes gets
 * 503 instead of hanging the client. Work still running carries on; its late reply is dropped by Fastify.
 */
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

export function registerRequestDeadline(app: FastifyInstance, defaultMs: number): void {
  const timers = new WeakMap<object, NodeJS.Timeout>();
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.infrastructure) return;
    const ms = request.routeOptions.config?.timeoutMs ?? defaultMs;
    const timer = setTimeout(() => {
      if (reply.sent) return;
      request.log.warn({ deadline_ms: ms }, 'request deadline passed');
      sendProblem(request, reply, {
        slug: 'service-unavailable',
        detail: `the request did not complete within ${ms} ms`,
        retryAfterS: 5,
      });
    }, ms);
    timer.unref();
    timers.set(request, timer);
  });
  app.addHook('onResponse', async (request) => {
    clearTimeout(timers.get(request));
  });
}
