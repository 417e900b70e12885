/** Headers on every response (contract §14.1) and CORS (§14.2), set in one onSend hook. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

export const CORS_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
export const CORS_REQUEST_HEADERS = 'Authorization, Content-Type, X-Request-ID, If-None-Match, If-Range, Range';
const CORS_EXPOSED =
  'X-Request-ID, Location, ETag, Content-Range, Content-Disposition, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, WWW-Authenticate';

export interface ResponseHeaderOptions {
  readonly corsOrigins: readonly string[] | '*';
}

export function registerResponseHeaders(app: FastifyInstance, options: ResponseHeaderOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    // Set first so that every answer, including errors raised by later hooks, carries it.
    reply.header('X-Request-ID', request.id);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Request-ID', request.id);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', isDocs(request) ? DOCS_CSP : API_CSP);
    if (!reply.hasHeader('Cross-Origin-Resource-Policy')) reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    const type = String(reply.getHeader('Content-Type') ?? '');
    if (type.startsWith('application/json') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    applyCors(request, reply, options.corsOrigins);
    return payload;
  });
}

/** The `Access-Control-Allow-Origin` value for this request, or `null` when the origin is not allowed. */
export function allowedOrigin(request: FastifyRequest, corsOrigins: readonly string[] | '*'): string | null {
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  if (corsOrigins === '*') return '*';
  return corsOrigins.includes(origin) ? origin : null;
}

function applyCors(request: FastifyRequest, reply: FastifyReply, corsOrigins: readonly string[] | '*'): void {
  if (reply.hasHeader('Access-Control-Allow-Origin')) return;
  const allowed = allowedOrigin(request, corsOrigins);
  if (corsOrigins !== '*' && corsOrigins.length > 0) reply.header('Vary', 'Origin');
  if (allowed === null) return;
  reply.header('Access-Control-Allow-Origin', allowed);
  reply.header('Access-Control-Expose-Headers', CORS_EXPOSED);
}

function isDocs(request: FastifyRequest): boolean {
  return request.url === '/api/docs' || request.url.startsWith('/api/docs/') || request.url.startsWith('/api/docs?');
}
