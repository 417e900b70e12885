/**
 * The only place where errors become HTTP responses: RFC 9457 problem documents (contract §3).
 * Domain errors map by `kind`; Fastify's own errors by code; anything else is a 500 with a fixed detail.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorKind, type FieldError } from '../../domain/shared/errors.js';
import { validationFields } from './validation-fields.js';

export type Slug = ErrorKind | 'method-not-allowed' | 'request-timeout' | 'range-not-satisfiable' | 'internal-error';

const PROBLEMS: Readonly<Record<Slug, { status: number; title: string }>> = {
  'validation-error': { status: 400, title: 'Validation failed' },
  'bad-request': { status: 400, title: 'Bad request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  'invalid-credentials': { status: 401, title: 'Invalid credentials' },
  'token-reused': { status: 401, title: 'Refresh token reused' },
  forbidden: { status: 403, title: 'Forbidden' },
  'account-banned': { status: 403, title: 'Account banned' },
  'account-pending': { status: 403, title: 'Account not verified' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'request-timeout': { status: 408, title: 'Request timeout' },
  conflict: { status: 409, title: 'Conflict' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'range-not-satisfiable': { status: 416, title: 'Range not satisfiable' },
  'malware-detected': { status: 422, title: 'Malware detected' },
  'dimensions-exceeded': { status: 422, title: 'Image dimensions exceeded' },
  unprocessable: { status: 422, title: 'Unprocessable content' },
  'account-locked': { status: 429, title: 'Account temporarily locked' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'internal-error': { status: 500, title: 'Internal server error' },
  'service-unavailable': { status: 503, title: 'Service unavailable' },
};

const STATUS_SLUGS: Readonly<Record<number, Slug>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  416: 'range-not-satisfiable',
  429: 'rate-limited',
  503: 'service-unavailable',
};

export const INTERNAL_DETAIL = 'An unexpected error occurred.';
const REALM = 'Bearer realm="tessera"';

export interface ProblemInput {
  readonly slug: Slug;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly retryAfterS?: number;
  readonly invalidToken?: boolean;
  readonly bannedUntil?: Date | null;
  readonly banReason?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The members every problem document has (contract §3); also used where no Fastify reply exists. */
export function problemMembers(slug: Slug, detail: string, instance: string, requestId: string) {
  const { status, title } = PROBLEMS[slug];
  return { type: `/problems/${slug}`, title, status, detail, instance, request_id: requestId };
}

/** Sends one problem document; `errors` fields must already carry their location prefix. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ProblemInput): FastifyReply {
  const body: Record<string, unknown> = problemMembers(problem.slug, problem.detail, request.url.split('?')[0] ?? '/', request.id);
  const status = body.status as number;
  if (problem.errors) body.errors = problem.errors;
  if (problem.slug === 'account-banned') {
    body.banned_until = problem.bannedUntil ? problem.bannedUntil.toISOString() : null;
    body.ban_reason = problem.banReason ?? '';
  }
  if (status === 401) reply.header('WWW-Authenticate', problem.invalidToken ? `${REALM}, error="invalid_token"` : REALM);
  if (problem.retryAfterS !== undefined) reply.header('Retry-After', String(Math.max(1, Math.ceil(problem.retryAfterS))));
  // After a refused or stalled body the rest of the stream is unread: do not reuse the connection.
  if (status === 408 || status === 413) reply.header('Connection', 'close');
  for (const [name, value] of Object.entries(problem.headers ?? {})) reply.header(name, value);
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send(JSON.stringify(body));
}

/** Fastify error handler: maps whatever was thrown to a problem document. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof DomainError) {
    const location = request.routeOptions.config?.fieldLocation ?? 'body';
    if (PROBLEMS[error.kind].status >= 500) request.log.warn({ err: error, code: error.code }, 'dependency unavailable');
    const errors = error.fields?.map((f) => ({ field: `${location}.${f.field}`, message: f.message }));
    const first = errors?.[0];
    return sendProblem(request, reply, {
      slug: error.kind,
      // Validation details name the field as the client sent it (`body.email`), like schema errors do.
      detail: error.kind === 'validation-error' && first ? `${first.field} ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : error.detail,
      ...(errors ? { errors } : {}),
      ...(error.meta.retryAfterS === undefined ? {} : { retryAfterS: error.meta.retryAfterS }),
      ...(error.meta.invalidToken ? { invalidToken: true } : {}),
      ...(error.kind === 'account-banned' ? { bannedUntil: error.meta.bannedUntil ?? null, banReason: error.meta.banReason ?? '' } : {}),
    });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const errors = validationFields(fastifyError.validation, fastifyError.validationContext);
    const first = errors[0];
    return sendProblem(request, reply, {
      slug: 'validation-error',
      detail: first ? `${first.field} ${first.message}` : 'the request is not valid',
      errors,
    });
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    request.log.info({ err: error }, 'client error');
    return sendProblem(request, reply, { slug: STATUS_SLUGS[status] ?? 'bad-request', detail: clientDetail(fastifyError) });
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(request, reply, { slug: 'internal-error', detail: INTERNAL_DETAIL });
}

// Fastify's own client errors (`FST_*`) and our body reader's (`TESSERA_*`) have messages written for clients,
// though a few are stated more plainly here. Any other error that merely carries a 4xx `statusCode` (a
// library's) keeps its status but not its message, which may name hosts, files or queries.
function clientDetail(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'this Content-Type is not supported here; send application/json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the request body is too large';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'the Content-Length header does not match the body';
  }
  const ours = typeof error.code === 'string' && /^(FST|TESSERA)_/.test(error.code);
  if (!ours) return 'the request could not be processed';
  return error.message.replace(/^FST_\w+:\s*/, '') || 'the request could not be understood';
}

export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(request, reply, { slug: 'not-found', detail: `no route matches ${request.url.split('?')[0]}` });
}

export function methodNotAllowed(request: FastifyRequest, reply: FastifyReply, allowed: readonly string[]): FastifyReply {
  return sendProblem(request, reply, {
    slug: 'method-not-allowed',
    detail: `${request.method} is not allowed here; use ${allowed.join(', ')}`,
    headers: { Allow: allowed.join(', ') },
  });
}
