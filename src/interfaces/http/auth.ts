/**
 * Authentication as an onRequest hook, driven by each route's `config.access` (contract §1 access levels):
 * `none` ignores any token; `opt` verifies one if sent; `user` requires one. Sets `request.actor`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ports } from '../../application/ports.js';
import { authenticate } from '../../application/identity/authenticate.js';
import { ANONYMOUS, type Actor } from '../../domain/identity/actor.js';
import { UnauthorizedError } from '../../domain/shared/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

const BEARER = /^Bearer ([^\s]+)$/i;

export function registerAuthentication(app: FastifyInstance, ports: Parameters<typeof authenticate>[0]): void {
  // Declared up front (null) so every request object keeps one shape; the hook sets the real value.
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    const access = request.routeOptions.config?.access ?? 'none';
    if (access === 'none') return;
    const header = request.headers.authorization;
    if (header === undefined) {
      if (access === 'user') throw new UnauthorizedError('auth.required', 'an access token is required');
      return;
    }
    const match = BEARER.exec(header);
    if (!match) throw new UnauthorizedError('auth.malformed_header', 'the Authorization header must be "Bearer <token>"');
    request.actor = await authenticate(ports, match[1] as string);
  });
}

/** The facts of this request that use cases record (events, audit, sessions). */
export function requestContext(request: FastifyRequest): { ip: string; userAgent: string; requestId: string } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '', requestId: request.id };
}

export type AuthPorts = Pick<Ports, 'tokenSigner' | 'sessionStore' | 'sessions' | 'users' | 'clock' | 'logger'>;
