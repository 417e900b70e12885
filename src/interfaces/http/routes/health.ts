/** Liveness and readiness (contract §15), at the root and under /api/v1. */
import type { FastifyPluginAsync } from 'fastify';
import type { Ports } from '../../../application/ports.js';
import { checkReadiness } from '../../../application/system/check-readiness.js';
import { LiveResponse, ReadyResponse } from '../schemas/health.js';

export const healthRoutes: FastifyPluginAsync<{ ports: Pick<Ports, 'healthChecks' | 'logger'> }> = async (app, { ports }) => {
  for (const prefix of ['', '/api/v1']) {
    app.get(
      `${prefix}/health/live`,
      {
        config: { infrastructure: true },
        schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: LiveResponse }, hide: prefix === '' },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      `${prefix}/health/ready`,
      {
        config: { infrastructure: true },
        schema: {
          tags: ['health'],
          summary: 'Readiness: every dependency checked concurrently',
          response: { 200: ReadyResponse, 503: ReadyResponse },
          hide: prefix === '',
        },
      },
      async (_request, reply) => {
        const readiness = await checkReadiness(ports);
        const checks = Object.fromEntries(
          Object.entries(readiness.checks).map(([name, c]) => [name, { status: c.status, latency_ms: c.latencyMs }]),
        );
        return reply.code(readiness.status === 'down' ? 503 : 200).send({ status: readiness.status, checks });
      },
    );
  }
};
