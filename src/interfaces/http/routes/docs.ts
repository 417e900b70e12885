/** The generated OpenAPI 3.1 document and the interactive docs, served from local assets (no CDN). */
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';

export const docsRoutes: FastifyPluginAsync = async (app) => {
  // Docs are infrastructure (contract §13: never rate limited, no handler deadline). The UI plugin's own
  // routes (HTML, assets, /json) cannot be given route config, so every route of this scope is marked here.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, infrastructure: true };
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(app.swagger()),
  );
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: false, defaultModelsExpandDepth: 0 },
    // Our onSend hook sets the docs CSP; the plugin's own would add a second, conflicting header.
    staticCSP: false,
  });
};
