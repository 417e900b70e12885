/**
 * Identity helpers for the API tests: unique accounts, register / log in through the real routes, bearer
 * headers, JWT decoding, an admin made with `bootstrapAdmin`, and reads of the outbox and audit tables.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { bootstrapAdmin } from '../../../src/application/identity/bootstrap-admin.js';
import type { TestApp, TestAppOptions } from '../../support/build-app.js';

/** Limits off (registration is 5/hour per IP); the lockout stays on. */
export const NO_LIMITS = { RATE_LIMIT_ENABLED: 'false' } as const;

/** The main flows run on both adapter sets: embedded (PGlite + memory) and production (PostgreSQL + Redis). */
export const ADAPTERS: readonly { name: string; opts: TestAppOptions }[] = [
  { name: 'embedded', opts: {} },
  { name: 'postgres+redis', opts: { engine: 'postgres', redis: true } },
];

export const PASSWORD = 'lantern-orbit-pebble-91';
export const USER_SELF_KEYS = ['bio', 'created_at', 'display_name', 'email', 'id', 'role', 'status', 'updated_at', 'username'];
export const USER_PUBLIC_KEYS = ['bio', 'created_at', 'display_name', 'id', 'role', 'username'];
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;

let counter = 0;
/** A fresh, valid username/email pair, unique within the process. */
export function uniqueIdentity(prefix = 'user'): { username: string; email: string } {
  counter += 1;
  const tag = `${prefix}_${process.pid}_${counter}`;
  return { username: tag.slice(0, 32), email: `${tag.toLowerCase()}@example.com` };
}

export interface Account {
  readonly id: string;
  readonly email: string;
  readonly username: string;
  password: string;
  access: string;
  refresh: string;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** Registers through `POST /auth/register` and asserts 201. */
export async function register(
  app: FastifyInstance,
  overrides: { email?: string; username?: string; password?: string; display_name?: string } = {},
  headers: Record<string, string> = {},
): Promise<Account> {
  const identity = uniqueIdentity();
  const payload = { ...identity, password: PASSWORD, ...overrides };
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload, headers });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json<{ user: { id: string; email: string; username: string }; access_token: string; refresh_token: string }>();
  return { id: body.user.id, email: body.user.email, username: body.user.username, password: payload.password, access: body.access_token, refresh: body.refresh_token };
}

export function loginRequest(app: FastifyInstance, email: string, password: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });
}

/** Logs in again (a new session) and returns the account with that session's tokens. */
export async function login(app: FastifyInstance, account: Account, headers: Record<string, string> = {}): Promise<Account> {
  const res = await loginRequest(app, account.email, account.password, headers);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{ access_token: string; refresh_token: string }>();
  return { ...account, access: body.access_token, refresh: body.refresh_token };
}

/** An admin created through the bootstrap use case, then logged in through the API. */
export async function makeAdmin(t: TestApp): Promise<Account> {
  const identity = uniqueIdentity('admin');
  await expect(bootstrapAdmin(t.container.ports, { ...identity, password: PASSWORD })).resolves.toBe('created');
  const res = await loginRequest(t.app, identity.email, PASSWORD);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{ user: { id: string }; access_token: string; refresh_token: string }>();
  return { id: body.user.id, ...identity, password: PASSWORD, access: body.access_token, refresh: body.refresh_token };
}

export function me(app: FastifyInstance, token: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: '/api/v1/users/me', headers: bearer(token) });
}

/** Header and payload of a JWS compact token, unverified. */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  const decode = (part: string | undefined) => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: decode(header), payload: decode(payload) };
}

export async function outboxEvents(t: TestApp, type: string, aggregateId?: string): Promise<{ payload: Record<string, unknown>; actor_id: string | null }[]> {
  let query = t.container.sql.db.selectFrom('outbox').select(['payload', 'actor_id', 'aggregate_id']).where('type', '=', type);
  if (aggregateId) query = query.where('aggregate_id', '=', aggregateId);
  const rows = await query.orderBy('seq').execute();
  return rows.map((r) => ({ payload: r.payload, actor_id: r.actor_id }));
}

export async function auditEntries(t: TestApp, action: string): Promise<{ actor_id: string | null; target_type: string | null; target_id: string | null; details: Record<string, unknown> }[]> {
  const rows = await t.container.sql.db
    .selectFrom('audit_log')
    .select(['actor_id', 'target_type', 'target_id', 'details'])
    .where('action', '=', action)
    .orderBy('occurred_at')
    .execute();
  return rows.map((r) => ({ ...r, details: r.details }));
}

/** The `WWW-Authenticate` challenges of contract §3. */
export const CHALLENGE = 'Bearer realm="tessera"';
export const INVALID_TOKEN_CHALLENGE = 'Bearer realm="tessera", error="invalid_token"';
