/** The generated OpenAPI 3.1 document and the interactive docs, served from local assets (no CDN). */
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';

export const docsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/v1/openapi.json', { config: { infrastructure: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(app.swagger()),
  );
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: false, defaultModelsExpandDepth: 0 },
    // Our onSend hook sets the docs CSP; the plugin's own would add a second, conflicting header.
    staticCSP: false,
  });
};
