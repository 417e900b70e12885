/**
 * Knows which methods each path accepts, so an unmatched request can be told apart: a known path with the
 * wrong method is 405 with `Allow`, anything else 404. Fastify's own router only answers "no match".
 */
import type { FastifyInstance } from 'fastify';
import Router from 'find-my-way';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface AllowedMethods {
  /** Methods that have a route for `path`; empty when the path is unknown. */
  for(path: string): string[];
}

/** `routerOptions` must be the main router's: a looser or stricter twin would disagree on what a path is. */
export function trackAllowedMethods(
  app: FastifyInstance,
  routerOptions: { ignoreTrailingSlash: boolean; caseSensitive: boolean; maxParamLength: number },
): AllowedMethods {
  const router = Router(routerOptions);
  const noop = () => undefined;
  app.addHook('onRoute', (route) => {
    if (route.url === '*' || route.url === '/*') return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (!(METHODS as readonly string[]).includes(method)) continue;
      if (router.hasRoute(method as (typeof METHODS)[number], route.url)) continue;
      router.on(method as (typeof METHODS)[number], route.url, noop);
    }
  });
  return {
    for(path) {
      return METHODS.filter((method) => router.find(method, path) !== null);
    },
  };
}
