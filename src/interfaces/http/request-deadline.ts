/**
 * The handler deadline (REQUEST_TIMEOUT_MS, contract §17): a request still unanswered when it passes gets
 * 503 instead of hanging the client. Work still running carries on; its late reply is dropped by Fastify.
 *
 * The clock measures the server's own work only: it pauses while the request body is being read, because a
 * client that sends slowly is governed by the body's idle timeout (408), not by this 503. Otherwise a stalled
 * body would be blamed on the server whenever the deadline is not longer than the idle timeout.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.js';

interface Clock {
  readonly ms: number;
  remainingMs: number;
  startedAt: number;
  timer: NodeJS.Timeout | undefined;
}

export function registerRequestDeadline(app: FastifyInstance, defaultMs: number): void {
  const clocks = new WeakMap<object, Clock>();

  const run = (request: FastifyRequest, reply: FastifyReply, clock: Clock) => {
    clock.startedAt = performance.now();
    clock.timer = setTimeout(() => {
      if (reply.sent) return;
      request.log.warn({ deadline_ms: clock.ms }, 'request deadline passed');
      sendProblem(request, reply, {
        slug: 'service-unavailable',
        detail: `the request did not complete within ${clock.ms} ms`,
        retryAfterS: 5,
      });
    }, Math.max(0, clock.remainingMs));
    clock.timer.unref();
  };
  const pause = (request: FastifyRequest) => {
    const clock = clocks.get(request);
    if (!clock?.timer) return;
    clearTimeout(clock.timer);
    clock.timer = undefined;
    clock.remainingMs -= performance.now() - clock.startedAt;
  };

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.infrastructure) return;
    const ms = request.routeOptions.config?.timeoutMs ?? defaultMs;
    const clock: Clock = { ms, remainingMs: ms, startedAt: 0, timer: undefined };
    clocks.set(request, clock);
    run(request, reply, clock);
  });
  // preParsing runs just before the body is read, preValidation just after it has been.
  app.addHook('preParsing', async (request) => {
    pause(request);
  });
  app.addHook('preValidation', async (request, reply) => {
    const clock = clocks.get(request);
    if (clock && !clock.timer && !reply.sent) run(request, reply, clock);
  });
  app.addHook('onResponse', async (request) => {
    pause(request);
  });
  // A client that hangs up gets no onResponse; without this its timer would fire and log a false deadline.
  app.addHook('onRequestAbort', async (request) => {
    pause(request);
  });
}
