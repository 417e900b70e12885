/**
 * Authentication as an onRequest hook, driven by each route's `config.access` (contract §1 access levels):
 * `none` ignores any token; `opt` verifies one if sent; `user` requires one. Sets `request.actor`.
 *
 * A refused request is held as anonymous until the rate limiter has counted it by IP (contract §13: every
 * request counts, and every response of a limited route carries `RateLimit-*`); the limiter then throws the
 * held failure. A preParsing hook throws it too, so no path to a handler exists without a verified caller.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ports } from '../../application/ports.js';
import { authenticate } from '../../application/identity/authenticate.js';
import { ANONYMOUS, type Actor } from '../../domain/identity/actor.js';
import { UnauthorizedError } from '../../domain/shared/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Why authentication refused this request, until that is answered (see the file comment). */
    authFailure: Error | null;
  }
}

const BEARER = /^Bearer ([^\s]+)$/i;

export function registerAuthentication(app: FastifyInstance, ports: Parameters<typeof authenticate>[0]): void {
  // Declared up front (null) so every request object keeps one shape; the hook sets the real value.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('authFailure', null);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    request.authFailure = null;
    try {
      request.actor = await identify(request, ports);
    } catch (err) {
      request.authFailure = err instanceof Error ? err : new Error('authentication failed', { cause: err });
    }
  });
  app.addHook('preParsing', async (request) => {
    throwAuthFailure(request);
  });
}

/** Throws the held authentication failure of this request, if any (once). */
export function throwAuthFailure(request: FastifyRequest): void {
  const failure = request.authFailure;
  if (!failure) return;
  request.authFailure = null;
  throw failure;
}

async function identify(request: FastifyRequest, ports: Parameters<typeof authenticate>[0]): Promise<Actor> {
  const access = request.routeOptions.config?.access ?? 'none';
  if (access === 'none') return ANONYMOUS;
  const header = request.headers.authorization;
  if (header === undefined) {
    if (access === 'user') throw new UnauthorizedError('auth.required', 'an access token is required');
    return ANONYMOUS;
  }
  const match = BEARER.exec(header);
  if (!match) throw new UnauthorizedError('auth.malformed_header', 'the Authorization header must be "Bearer <token>"');
  return authenticate(ports, match[1] as string);
}

/** The facts of this request that use cases record (events, audit, sessions). */
export function requestContext(request: FastifyRequest): { ip: string; userAgent: string; requestId: string } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '', requestId: request.id };
}

export type AuthPorts = Pick<Ports, 'tokenSigner' | 'sessionStore' | 'sessions' | 'users' | 'clock' | 'logger'>;
