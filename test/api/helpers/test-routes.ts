/**
 * Test-only routes, registered through `buildTestApp({ plugins: [testRoutes] })`, that exercise the HTTP
 * conventions without depending on any resource: body/query/path schemas, PATCH, thrown errors, a slow handler.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '../../../src/domain/shared/errors.js';

const strict = { additionalProperties: false } as const;
export const EchoBody = Type.Object({ name: Type.String({ maxLength: 5 }) }, strict);
const OptionalBody = Type.Object({ name: Type.Optional(Type.String()) }, strict);
const NestedBody = Type.Object(
  {
    n: Type.Optional(Type.Integer()),
    flag: Type.Optional(Type.Boolean()),
    email: Type.Optional(Type.String({ format: 'email' })),
    items: Type.Optional(Type.Array(Type.Object({ n: Type.Integer() }, strict))),
    nested: Type.Optional(Type.Object({ deep: Type.Object({ value: Type.String() }, strict) }, strict)),
  },
  strict,
);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Query = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100 }),
  flag: Type.Optional(Type.Boolean()),
  tag: Type.Optional(Type.Array(Type.String())),
});

/** DomainErrors thrown by `GET /test/domain/:name`, one per mapping rule of problem.ts. */
export const DOMAIN_ERRORS: Readonly<Record<string, () => DomainError>> = {
  validation: () =>
    new ValidationError('test.invalid', [
      { field: 'email', message: 'is already taken' },
      { field: 'image_ids.3', message: 'does not exist' },
    ]),
  'bad-request': () => new DomainError('bad-request', 'test.cursor', 'the cursor is not valid'),
  unauthorized: () => new UnauthorizedError('test.no_token', 'an access token is required'),
  'invalid-token': () => new UnauthorizedError('test.expired', 'the access token has expired', { invalidToken: true }),
  forbidden: () => new ForbiddenError('test.forbidden', 'you may not do this'),
  'not-found': () => new NotFoundError('test.not_found', 'image'),
  conflict: () => new ConflictError('test.conflict', 'email already registered', [{ field: 'email', message: 'is taken' }]),
  banned: () =>
    new DomainError('account-banned', 'test.banned', 'this account is banned', {
      meta: { bannedUntil: new Date('2030-01-02T03:04:05.678Z'), banReason: 'spam' },
    }),
  'banned-forever': () => new DomainError('account-banned', 'test.banned', 'this account is banned', { meta: { bannedUntil: null, banReason: 'abuse' } }),
  'rate-limited': () => new DomainError('rate-limited', 'test.limited', 'slow down', { meta: { retryAfterS: 12.2 } }),
  locked: () => new DomainError('account-locked', 'test.locked', 'too many failed logins', { meta: { retryAfterS: 900 } }),
  unavailable: () =>
    new UnavailableError('test.db_down', 'the database is unavailable', {
      retryAfterS: 5,
      cause: new Error('connect ECONNREFUSED 10.0.0.7:5432 (pg_hba.conf secret)'),
    }),
  'too-large': () => new DomainError('payload-too-large', 'test.too_large', 'the file must be at most 10485760 bytes'),
  malware: () => new DomainError('malware-detected', 'test.malware', 'the file was flagged by the malware scanner'),
};

const hide = { hide: true };

/** Routes that only parse and validate: no request to them may ever answer 5xx. */
export const schemaRoutes: FastifyPluginAsync = async (app) => {
  app.post('/test/echo', { schema: { ...hide, body: EchoBody } }, async (request) => ({ received: request.body }));
  app.post('/test/optional', { schema: { ...hide, body: OptionalBody } }, async (request) => ({ received: request.body }));
  app.post('/test/nested', { schema: { ...hide, body: NestedBody } }, async (request) => ({ received: request.body }));
  app.get('/test/things/:id', { schema: { ...hide, params: IdParams } }, async (request) => ({ params: request.params }));
  app.patch('/test/things/:id', { schema: { ...hide, params: IdParams, body: OptionalBody } }, async (request) => ({
    received: request.body,
  }));
  // No body schema: whatever is sent is ignored.
  app.delete('/test/things/:id', { schema: { ...hide, params: IdParams } }, async (_request, reply) => reply.code(204).send());
  app.post('/test/nobody', { schema: hide }, async (request) => ({ body_seen: request.body !== undefined }));
  app.get('/test/query', { schema: { ...hide, querystring: Query } }, async (request) => {
    const query = request.query as Record<string, unknown>;
    return { query, limit_type: typeof query.limit };
  });
  // A route author may well write a strict query schema; unknown query parameters must still be ignored.
  app.get('/test/strict-query', { schema: { ...hide, querystring: Type.Object({ q: Type.Optional(Type.String()) }, strict) } }, async (request) => ({
    query: request.query,
  }));
};

/** Routes that fail on purpose: a plain Error, a foreign status, a slow handler, every DomainError. */
export const failureRoutes: FastifyPluginAsync = async (app) => {
  app.get('/test/boom', { schema: hide }, async () => {
    throw new Error('secret: SELECT password_hash FROM users WHERE id = 1');
  });
  app.get('/test/boom-status/:code', { schema: hide }, async (request) => {
    const { code } = request.params as { code: string };
    throw Object.assign(new Error('upstream said: internal host db-7.internal'), { statusCode: Number(code) });
  });
  app.get('/test/slow', { schema: hide }, async () => {
    await sleep(400);
    return { late: true };
  });
  app.get('/test/domain/:name', { schema: hide }, async (request) => {
    throw DOMAIN_ERRORS[(request.params as { name: string }).name]!();
  });
  app.get('/test/domain-query', { schema: hide, config: { fieldLocation: 'query' } }, async () => {
    throw new ValidationError('test.invalid', [{ field: 'per_page', message: 'must be at most 100' }]);
  });
};

export const testRoutes: FastifyPluginAsync = async (app) => {
  await app.register(schemaRoutes);
  await app.register(failureRoutes);
};

/**
 * Limiters stay on (their hooks run on every request, as in production) but never refuse: the files that use
 * this make far more than RATE_LIMIT_ANON's 100 requests a minute and test other conventions.
 */
export const ROOMY_LIMITS = { RATE_LIMIT_ANON: '100000/1m', RATE_LIMIT_AUTH: '100000/1m' } as const;
