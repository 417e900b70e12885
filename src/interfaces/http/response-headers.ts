/** Headers on every response (contract §14.1) and CORS (§14.2), set in one onSend hook. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

export const CORS_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
export const CORS_REQUEST_HEADERS = 'Authorization, Content-Type, X-Request-ID, If-None-Match, If-Range, Range';
const CORS_EXPOSED =
  'X-Request-ID, Location, ETag, Content-Range, Content-Disposition, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, WWW-Authenticate';

export type CorsOrigins = readonly string[] | '*';

export interface ResponseHeaderOptions {
  readonly corsOrigins: CorsOrigins;
}

export function registerResponseHeaders(app: FastifyInstance, options: ResponseHeaderOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    // Set first so that every answer, including errors raised by later hooks, carries it.
    reply.header('X-Request-ID', request.id);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    applyResponseHeaders(request, reply, options.corsOrigins);
    return payload;
  });
}

/**
 * Every §14.1 header plus CORS. Exported for Fastify's `frameworkErrors` (a malformed URL), whose replies are
 * sent before any route context exists and so never pass through the onSend hook.
 */
export function applyResponseHeaders(request: FastifyRequest, reply: FastifyReply, corsOrigins: CorsOrigins): void {
  reply.header('X-Request-ID', request.id);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Referrer-Policy', 'no-referrer');
  if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', cspFor(request, reply));
  if (!reply.hasHeader('Cross-Origin-Resource-Policy')) reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if (isJson(reply) && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  applyCors(request, reply, corsOrigins);
}

/** The `Access-Control-Allow-Origin` value for this request, or `null` when the origin is not allowed. */
export function allowedOrigin(request: FastifyRequest, corsOrigins: CorsOrigins): string | null {
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  if (corsOrigins === '*') return '*';
  return corsOrigins.includes(origin) ? origin : null;
}

/** Adds `names` to `Vary` without dropping what a route (or the preflight) already put there. */
export function addVary(reply: FastifyReply, ...names: string[]): void {
  const current = String(reply.getHeader('Vary') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = new Set(current.map((s) => s.toLowerCase()));
  const merged = [...current, ...names.filter((n) => !known.has(n.toLowerCase()))];
  if (merged.length > 0) reply.header('Vary', merged.join(', '));
}

function applyCors(request: FastifyRequest, reply: FastifyReply, corsOrigins: CorsOrigins): void {
  // With a list, the answer depends on Origin even when it is absent or refused: caches must know.
  if (corsOrigins !== '*' && corsOrigins.length > 0) addVary(reply, 'Origin');
  // Set by the preflight route or a byte route that grants `*` itself.
  if (reply.hasHeader('Access-Control-Allow-Origin')) return;
  const allowed = allowedOrigin(request, corsOrigins);
  if (allowed === null) return;
  reply.header('Access-Control-Allow-Origin', allowed);
  reply.header('Access-Control-Expose-Headers', CORS_EXPOSED);
}

function isJson(reply: FastifyReply): boolean {
  const type = String(reply.getHeader('Content-Type') ?? '').toLowerCase();
  return type.startsWith('application/json') || type.startsWith('application/problem+json');
}

/** The docs UI needs its own assets; anything JSON (problems, the spec) keeps the strict API policy. */
function cspFor(request: FastifyRequest, reply: FastifyReply): string {
  const path = request.url.split('?')[0] ?? '';
  const isDocs = path === '/api/docs' || path.startsWith('/api/docs/');
  return isDocs && !isJson(reply) ? DOCS_CSP : API_CSP;
}
