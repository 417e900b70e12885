/**
 * Contract §13 and §5.5 on the identity routes: the login, register and anonymous limiters (before any password
 * work), their headers; and §5.2 "never fail open": a session store that cannot be reached answers 503.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { authenticate } from '../../src/application/identity/authenticate.js';
import type { SessionStore } from '../../src/domain/identity/session-store.js';
import { UnavailableError } from '../../src/domain/shared/errors.js';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { ADAPTERS, bearer, CHALLENGE, decodeJwt, INVALID_TOKEN_CHALLENGE, loginRequest, me, NO_LIMITS, PASSWORD, register, uniqueIdentity } from './helpers/identity.js';
import { expectJson, expectProblem } from './helpers/problem.js';

const LIMITS = { RATE_LIMIT_LOGIN: '3/1m', RATE_LIMIT_REGISTER: '2/1h', RATE_LIMIT_ANON: '5/1m' };
let ipCounter = 0;
/** Each test speaks from an address of its own, so the per-IP limiters never leak between tests. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

function expectRateHeaders(res: { headers: Record<string, unknown> }, limit: number) {
  expect(res.headers['ratelimit-limit']).toBe(String(limit));
  expect(Number(res.headers['ratelimit-remaining'])).toBeGreaterThanOrEqual(0);
  expect(Number.isInteger(Number(res.headers['ratelimit-reset']))).toBe(true);
}

describe.each(ADAPTERS)('identity rate limits on $name adapters', ({ opts }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ ...opts, env: LIMITS });
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const registerFrom = (ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/register', remoteAddress: ip, payload: { ...uniqueIdentity(), password: PASSWORD } });
  /** An account registered from an address of its own, so setup never spends a test's register budget. */
  const registered = async () => {
    const res = await registerFrom(freshIp());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ user: { id: string; email: string }; access_token: string }>();
    return { id: body.user.id, email: body.user.email, password: PASSWORD, access: body.access_token };
  };

  it('the 4th login from one IP within the window → 429 rate-limited before any password work', async () => {
    const account = await registered();
    const ip = freshIp();
    const hasher = t.container.ports.passwordHasher;
    const verify = vi.spyOn(hasher, 'verify');
    const verifyDummy = vi.spyOn(hasher, 'verifyDummy');
    const send = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email, password } });

    const first = await send(account.email, 'wrong-password-3');
    expectProblem(first, { status: 401, slug: 'invalid-credentials' });
    expectRateHeaders(first, 3);
    expect(first.headers['ratelimit-remaining']).toBe('2');
    expectProblem(await send(uniqueIdentity().email, 'whatever-password'), { status: 401, slug: 'invalid-credentials' });
    expectJson(await send(account.email, account.password));
    expect(verify.mock.calls.length + verifyDummy.mock.calls.length).toBe(3);

    const limited = await send(account.email, account.password);
    expectProblem(limited, { status: 429, slug: 'rate-limited' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    // Two-bucket approximation, and the refused hit counts too: capacity may take up to two windows to free.
    expect(retryAfter).toBeLessThanOrEqual(120);
    expectRateHeaders(limited, 3);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(verify.mock.calls.length + verifyDummy.mock.calls.length).toBe(3);
    // Another address is not affected.
    expectJson(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: freshIp(), payload: { email: account.email, password: account.password } }));
  });

  it('registration is limited per IP; the limited attempt does not hash', async () => {
    const ip = freshIp();
    const hash = vi.spyOn(t.container.ports.passwordHasher, 'hash');
    const first = await registerFrom(ip);
    expect(first.statusCode, first.body).toBe(201);
    expectRateHeaders(first, 2);
    expect(first.headers['ratelimit-remaining']).toBe('1');
    expect((await registerFrom(ip)).statusCode).toBe(201);
    expect(hash).toHaveBeenCalledTimes(2);
    const limited = await registerFrom(ip);
    expectProblem(limited, { status: 429, slug: 'rate-limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60);
    expect(hash).toHaveBeenCalledTimes(2);
  });

  it('the global anonymous limiter: the 6th anonymous request from one IP → 429; a signed-in caller is keyed by user', async () => {
    const ip = freshIp();
    const account = await registered();
    const url = `/api/v1/users/${account.id}`;
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'GET', url, remoteAddress: ip });
      expectJson(res);
      expectRateHeaders(res, 5);
      expect(res.headers['ratelimit-remaining']).toBe(String(4 - i));
    }
    const limited = await t.app.inject({ method: 'GET', url, remoteAddress: ip });
    expectProblem(limited, { status: 429, slug: 'rate-limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const signedIn = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', remoteAddress: ip, headers: bearer(account.access) });
    expectJson(signedIn);
    expectRateHeaders(signedIn, 300);
  });

  it('refused tokens count against the anonymous limiter, and their 401s carry the RateLimit headers', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/users/me', remoteAddress: ip, headers: i % 2 === 0 ? bearer('abc.def.ghi') : {} });
      expectProblem(res, { status: 401, slug: 'unauthorized' });
      expect(res.headers['www-authenticate']).toBe(i % 2 === 0 ? INVALID_TOKEN_CHALLENGE : CHALLENGE);
      expectRateHeaders(res, 5);
      expect(res.headers['ratelimit-remaining']).toBe(String(4 - i));
    }
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/users/me', remoteAddress: ip, headers: bearer('abc.def.ghi') }), { status: 429, slug: 'rate-limited' });
  });

  it('health is never limited', async () => {
    const ip = freshIp();
    for (let i = 0; i < 8; i++) expect((await t.app.inject({ method: 'GET', url: '/health/live', remoteAddress: ip })).statusCode).toBe(200);
  });
});

describe('lockout stays on with RATE_LIMIT_ENABLED=false', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { ...NO_LIMITS, LOCKOUT_THRESHOLD: '2', LOCKOUT_DURATION_S: '60' } });
  });
  afterAll(() => t.close());

  it('follows LOCKOUT_THRESHOLD and LOCKOUT_DURATION_S; no RateLimit headers are sent', async () => {
    const account = await register(t.app);
    const first = await loginRequest(t.app, account.email, 'wrong-password-1');
    expect(first.headers['ratelimit-limit']).toBeUndefined();
    await loginRequest(t.app, account.email, 'wrong-password-2');
    const locked = await loginRequest(t.app, account.email, account.password);
    expectProblem(locked, { status: 429, slug: 'account-locked' });
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});

describe.each([
  { name: 'limits off', env: NO_LIMITS },
  { name: 'limits on (the limiter fails open, authentication does not)', env: {} },
])('the session store is unreachable (Redis down), $name', ({ env }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ engine: 'postgres', env: { ...env, REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(() => t.close());

  it('an authenticated request → 503 service-unavailable, never 200 (no fail-open)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await t.container.ports.tokenSigner.sign({
      sub: '0190f5c2-7a3b-7c4d-8e5f-0123456789ab',
      sid: '0190f5c2-7a3b-7c4d-8e5f-0123456789ac',
      role: 'admin',
      jti: '0190f5c2-7a3b-7c4d-8e5f-0123456789ad',
      iat: now,
      exp: now + 900,
    });
    for (const url of ['/api/v1/users/me', '/api/v1/users/0190f5c2-7a3b-7c4d-8e5f-0123456789ab']) {
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(token) });
      expectProblem(res, { status: 503, slug: 'service-unavailable' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('registration still commits (the store is only a cache of new sessions), but the token cannot be checked', async () => {
    const account = await register(t.app);
    expectProblem(await me(t.app, account.access), { status: 503, slug: 'service-unavailable' });
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(account.access) }), { status: 503, slug: 'service-unavailable' });
  });

  it('login answers 503: the lockout state cannot be read', async () => {
    expectProblem(await loginRequest(t.app, uniqueIdentity().email, PASSWORD), { status: 503, slug: 'service-unavailable' });
  });
});

describe('authenticate with a failing session store', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: NO_LIMITS });
  });
  afterAll(() => t.close());

  it('propagates UnavailableError instead of trusting the token', async () => {
    const account = await register(t.app);
    const down = new UnavailableError('redis.unavailable', 'the session and cache store is unavailable');
    const failing: SessionStore = { ...t.container.ports.sessionStore, check: () => Promise.reject(down) };
    await expect(authenticate({ ...t.container.ports, sessionStore: failing }, account.access)).rejects.toBe(down);
    const actor = await authenticate(t.container.ports, account.access);
    expect(actor).toMatchObject({ kind: 'user', userId: account.id, sessionId: decodeJwt(account.access).payload.sid });
  });
});
