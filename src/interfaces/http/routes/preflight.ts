/** OPTIONS for every path (contract §14.2): CORS preflights get 204 before any auth or limit runs. */
import type { FastifyPluginAsync } from 'fastify';
import type { AllowedMethods } from '../allowed-methods.js';
import { methodNotAllowed, notFound } from '../problem.js';
import { CORS_METHODS, CORS_REQUEST_HEADERS, allowedOrigin } from '../response-headers.js';

export const preflightRoutes: FastifyPluginAsync<{ corsOrigins: readonly string[] | '*'; allowed: AllowedMethods }> = async (
  app,
  { corsOrigins, allowed },
) => {
  app.options('*', { config: { infrastructure: true }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPreflight = request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined;
    if (!isPreflight) {
      const methods = allowed.for(path);
      return methods.length > 0 ? methodNotAllowed(request, reply, methods) : notFound(request, reply);
    }
    const origin = allowedOrigin(request, corsOrigins);
    reply.header('Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
    if (origin !== null) {
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Access-Control-Allow-Methods', CORS_METHODS);
      reply.header('Access-Control-Allow-Headers', CORS_REQUEST_HEADERS);
      reply.header('Access-Control-Max-Age', '600');
    }
    return reply.code(204).send();
  });
};
