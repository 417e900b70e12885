/**
 * Contract §5: register, log in (lockout, timing parity), refresh (rotation, replay), log out — on both adapter sets.
 * Over 300 lines on purpose: one file per resource (architecture §3), and each case is a short table row or flow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import {
  ADAPTERS,
  auditEntries,
  bearer,
  CHALLENGE,
  decodeJwt,
  INVALID_TOKEN_CHALLENGE,
  login,
  loginRequest,
  me,
  NO_LIMITS,
  outboxEvents,
  PASSWORD,
  REFRESH_TOKEN,
  register,
  TIMESTAMP,
  uniqueIdentity,
  USER_SELF_KEYS,
} from './helpers/identity.js';
import { expectJson, expectProblem, UUID_V7 } from './helpers/problem.js';

type Errors = { field: string; message: string }[];
const fieldsOf = (body: Record<string, unknown>) => (body.errors as Errors).map((e) => e.field).sort();

describe.each(ADAPTERS)('identity flows on $name adapters', ({ opts }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ ...opts, env: NO_LIMITS });
  });
  afterAll(() => t.close());

  const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const registerRaw = (payload: unknown) => post('/api/v1/auth/register', payload);
  const refresh = (token: string) => post('/api/v1/auth/refresh', { refresh_token: token });

  describe('POST /auth/register', () => {
    it('201 with Location and an AuthResponse; the access token is an EdDSA at+jwt with exactly the contract claims', async () => {
      const identity = uniqueIdentity();
      const res = await registerRaw({ ...identity, password: PASSWORD });
      const body = expectJson(res, 201) as Record<string, unknown>;
      const user = body.user as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type', 'user']);
      expect(Object.keys(user).sort()).toEqual(USER_SELF_KEYS);
      expect(res.headers.location).toBe(`/api/v1/users/${user.id as string}`);
      expect(user).toMatchObject({ email: identity.email, username: identity.username, display_name: identity.username, bio: '', role: 'user', status: 'active' });
      expect(user.id).toMatch(UUID_V7);
      expect(user.created_at).toMatch(TIMESTAMP);
      expect(user.updated_at).toMatch(TIMESTAMP);
      expect(body.token_type).toBe('Bearer');
      expect(body.expires_in).toBe(900);
      expect(body.refresh_token).toMatch(REFRESH_TOKEN);

      const { header, payload } = decodeJwt(body.access_token as string);
      expect(header).toMatchObject({ typ: 'at+jwt', alg: 'EdDSA' });
      expect(typeof header.kid).toBe('string');
      expect((header.kid as string).length).toBeGreaterThan(0);
      expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'iss', 'jti', 'role', 'sid', 'sub']);
      expect(payload).toMatchObject({ iss: 'tessera', sub: user.id, role: 'user' });
      expect(payload.jti).toMatch(UUID_V7);
      expect(payload.sid).toMatch(UUID_V7);
      expect((payload.exp as number) - (payload.iat as number)).toBe(900);

      // Registration signs the user in.
      expect(expectJson(await me(t.app, body.access_token as string))).toEqual(user);
    });

    it('stores the email trimmed and lowercased, the username as typed, and an explicit display name', async () => {
      const { username, email } = uniqueIdentity('Case');
      const res = await registerRaw({ email: `  ${email.toUpperCase()} `, username: ` ${username} `, password: PASSWORD, display_name: '  Ada Lovelace ' });
      const user = (expectJson(res, 201) as { user: Record<string, unknown> }).user;
      expect(user).toMatchObject({ email, username, display_name: 'Ada Lovelace' });
    });

    it('reports every failing field at once', async () => {
      const body = expectProblem(await registerRaw({ email: 'nope', username: 'ab', password: 'short', display_name: '' }), { status: 400, slug: 'validation-error' });
      expect(fieldsOf(body)).toEqual(['body.display_name', 'body.email', 'body.password', 'body.username']);
    });

    it('an empty body names the three required fields', async () => {
      const body = expectProblem(await registerRaw({}), { status: 400, slug: 'validation-error' });
      expect(body.errors).toEqual([
        { field: 'body.email', message: 'is required' },
        { field: 'body.username', message: 'is required' },
        { field: 'body.password', message: 'is required' },
      ]);
    });

    const long = (n: number) => 'a'.repeat(n);
    it.each([
      ['an email over 255 characters', { email: `${long(244)}@example.com` }, 'body.email'],
      ['an email without a domain', { email: 'ada@localhost' }, 'body.email'],
      ['an email with a space inside', { email: 'a da@example.com' }, 'body.email'],
      ['a disposable domain', { email: 'ada@mailinator.com' }, 'body.email'],
      ['a disposable domain in capitals', { email: 'ada@MAILINATOR.com' }, 'body.email'],
      ['a subdomain of a disposable domain', { email: 'ada@eu.mailinator.com' }, 'body.email'],
      ['a username of 2 characters', { username: 'ab' }, 'body.username'],
      ['a username of 33 characters', { username: long(33) }, 'body.username'],
      ['a username with a hyphen', { username: 'ada-l' }, 'body.username'],
      ['a username with a non-ASCII letter', { username: 'adà_l' }, 'body.username'],
      ['a reserved username in other case', { username: 'Admin' }, 'body.username'],
      ['another reserved username', { username: 'TESSERA' }, 'body.username'],
      ['a password of 11 characters', { password: 'abcdefghijk' }, 'body.password'],
      ['a password of 129 characters', { password: `x${long(128)}` }, 'body.password'],
      ['a common password', { password: '1qaz2wsx3edc' }, 'body.password'],
      ['a common password in other case', { password: '1QAZ2WSX3EDC' }, 'body.password'],
      ['a password with a control character', { password: 'lantern\u0007orbit-pebble' }, 'body.password'],
      ['an empty display name', { display_name: '   ' }, 'body.display_name'],
      ['a display name of 101 characters', { display_name: long(101) }, 'body.display_name'],
      ['a display name with a line break', { display_name: 'Ada\nLovelace' }, 'body.display_name'],
      ['a display name with a C1 control character', { display_name: 'Ada\u0085' }, 'body.display_name'],
      ['a number for an email', { email: 5 }, 'body.email'],
      ['null for a username', { username: null }, 'body.username'],
    ])('%s → 400 naming that field alone', async (_name, override, field) => {
      const body = expectProblem(await registerRaw({ ...uniqueIdentity(), password: PASSWORD, ...override }), { status: 400, slug: 'validation-error' });
      expect(fieldsOf(body)).toEqual([field]);
    });

    it('a password equal to the username (any case) or to the email → 400 body.password', async () => {
      const a = uniqueIdentity('samepw');
      const sameAsUsername = expectProblem(await registerRaw({ ...a, password: a.username.toUpperCase() }), { status: 400, slug: 'validation-error' });
      expect(sameAsUsername.errors).toEqual([{ field: 'body.password', message: 'must not be the same as the username' }]);
      const sameAsEmail = expectProblem(await registerRaw({ ...a, password: a.email.toUpperCase() }), { status: 400, slug: 'validation-error' });
      expect(sameAsEmail.errors).toEqual([{ field: 'body.password', message: 'must not be the same as the email' }]);
    });

    it('a domain that merely ends like a disposable one is accepted', async () => {
      await register(t.app, { email: `${uniqueIdentity().username}@notmailinator.com` });
    });

    it('an unknown key → 400 `unknown field`, together with the field errors', async () => {
      const unknown = expectProblem(await registerRaw({ ...uniqueIdentity(), password: PASSWORD, role: 'admin' }), { status: 400, slug: 'validation-error' });
      expect(unknown.errors).toEqual([{ field: 'body.role', message: 'unknown field' }]);
    });

    it('409 on a taken email (any case), naming body.email only', async () => {
      const first = await register(t.app);
      const res = await registerRaw({ email: first.email.toUpperCase(), username: uniqueIdentity().username, password: PASSWORD });
      const body = expectProblem(res, { status: 409, slug: 'conflict' });
      expect((body.errors as Errors).map((e) => e.field)).toEqual(['body.email']);
    });

    it('409 on a username differing only in case, naming body.username only', async () => {
      const first = await register(t.app, { username: `Mixed_${uniqueIdentity().username}`.slice(0, 32) });
      const res = await registerRaw({ email: uniqueIdentity().email, username: first.username.toLowerCase(), password: PASSWORD });
      const body = expectProblem(res, { status: 409, slug: 'conflict' });
      expect((body.errors as Errors).map((e) => e.field)).toEqual(['body.username']);
    });

    it('409 naming both fields when both are taken', async () => {
      const first = await register(t.app);
      const body = expectProblem(await registerRaw({ email: first.email, username: first.username, password: PASSWORD }), { status: 409, slug: 'conflict' });
      expect(fieldsOf(body)).toEqual(['body.email', 'body.username']);
    });

    it('two concurrent registrations of one email: one 201, one 409 body.email (the unique index decides)', async () => {
      const { email } = uniqueIdentity('race');
      const [a, b] = await Promise.all([
        registerRaw({ email, username: uniqueIdentity('racea').username, password: PASSWORD }),
        registerRaw({ email, username: uniqueIdentity('raceb').username, password: PASSWORD }),
      ]);
      const statuses = [a.statusCode, b.statusCode].sort();
      expect(statuses).toEqual([201, 409]);
      const loser = a.statusCode === 409 ? a : b;
      const body = expectProblem(loser, { status: 409, slug: 'conflict' });
      expect((body.errors as Errors).map((e) => e.field)).toEqual(['body.email']);
    });

    it('writes a user.registered outbox row without secrets', async () => {
      const account = await register(t.app);
      const events = await outboxEvents(t, 'user.registered', account.id);
      expect(events).toHaveLength(1);
      expect(events[0]?.payload).toEqual({ user_id: account.id, username: account.username, email: account.email });
      expect(events[0]?.actor_id).toBe(account.id);
      const text = JSON.stringify(events);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('argon2');
      expect(text).not.toContain(account.refresh);
    });
  });

  describe('POST /auth/login', () => {
    it('200 AuthResponse with a new session', async () => {
      const account = await register(t.app);
      const res = await loginRequest(t.app, account.email, account.password);
      const body = expectJson(res) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type', 'user']);
      expect(Object.keys(body.user as object).sort()).toEqual(USER_SELF_KEYS);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 900, user: { id: account.id, email: account.email } });
      expect(body.refresh_token).toMatch(REFRESH_TOKEN);
      expect(decodeJwt(body.access_token as string).payload.sid).not.toBe(decodeJwt(account.access).payload.sid);
      expectJson(await me(t.app, body.access_token as string));
    });

    it('the email is matched trimmed and case-insensitively', async () => {
      const account = await register(t.app);
      expectJson(await loginRequest(t.app, `  ${account.email.toUpperCase()}  `, account.password));
    });

    it('the password is not trimmed', async () => {
      const account = await register(t.app);
      expectProblem(await loginRequest(t.app, account.email, ` ${account.password}`), { status: 401, slug: 'invalid-credentials' });
    });

    it('a wrong password and an unknown email get the same 401 invalid-credentials', async () => {
      const account = await register(t.app);
      const wrong = await loginRequest(t.app, account.email, 'not-the-password-at-all');
      const unknown = await loginRequest(t.app, uniqueIdentity().email, account.password);
      for (const res of [wrong, unknown]) {
        expectProblem(res, { status: 401, slug: 'invalid-credentials', detail: 'invalid email or password', instance: '/api/v1/auth/login' });
        expect(res.headers['www-authenticate']).toBe(CHALLENGE);
      }
    });

    it('an email no account can have (a NUL, a lone surrogate, 300 characters) → 401, counted and audited', async () => {
      for (const email of ['a\u0000b@example.com', 'ada\ud800@example.com', `${'a'.repeat(300)}@example.com`]) {
        const res = await loginRequest(t.app, email, PASSWORD);
        expectProblem(res, { status: 401, slug: 'invalid-credentials', detail: 'invalid email or password' });
      }
      const audited = (await auditEntries(t, 'auth.login_failed')).map((e) => e.details.email);
      expect(audited).toEqual(expect.arrayContaining(['a\ufffdb@example.com', 'ada\ufffd@example.com']));
    });

    it('a banned account: 403 account-banned only after the right password; a wrong one is a plain 401', async () => {
      const account = await register(t.app);
      await t.container.sql.db.updateTable('users').set({ status: 'banned' }).where('id', '=', account.id).execute();
      expectProblem(await loginRequest(t.app, account.email, 'wrong-password-b'), { status: 401, slug: 'invalid-credentials' });
      const banned = expectProblem(await loginRequest(t.app, account.email, account.password), { status: 403, slug: 'account-banned' });
      expect(banned).toHaveProperty('banned_until');
      expect(banned).toHaveProperty('ban_reason');
    });

    it('missing fields → 400 naming them', async () => {
      const body = expectProblem(await post('/api/v1/auth/login', {}), { status: 400, slug: 'validation-error' });
      expect(fieldsOf(body)).toEqual(['body.email', 'body.password']);
    });

    it('5 wrong passwords lock the email: the 6th attempt, even correct, is 429 account-locked with Retry-After', async () => {
      const account = await register(t.app);
      for (let i = 0; i < 5; i++) expectProblem(await loginRequest(t.app, account.email, `wrong-password-${i}`), { status: 401, slug: 'invalid-credentials' });
      const locked = await loginRequest(t.app, account.email, account.password);
      expectProblem(locked, { status: 429, slug: 'account-locked' });
      const retryAfter = Number(locked.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(890);
      expect(retryAfter).toBeLessThanOrEqual(900);
      // The lock is on the normalised email.
      expectProblem(await loginRequest(t.app, ` ${account.email.toUpperCase()}`, account.password), { status: 429, slug: 'account-locked' });

      const failures = (await auditEntries(t, 'auth.login_failed')).filter((e) => e.details.email === account.email);
      expect(failures).toHaveLength(5);
      expect(failures[0]).toMatchObject({ actor_id: null, target_type: 'user', target_id: account.id });
      const locks = (await auditEntries(t, 'auth.account_locked')).filter((e) => e.details.email === account.email);
      expect(locks).toHaveLength(1);
      expect(locks[0]?.details.locked_until).toMatch(TIMESTAMP);
    });

    it('unknown emails are counted and locked alike', async () => {
      const { email } = uniqueIdentity('ghost');
      for (let i = 0; i < 5; i++) expectProblem(await loginRequest(t.app, email, PASSWORD), { status: 401, slug: 'invalid-credentials' });
      const locked = await loginRequest(t.app, email, PASSWORD);
      expectProblem(locked, { status: 429, slug: 'account-locked' });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      const failures = (await auditEntries(t, 'auth.login_failed')).filter((e) => e.details.email === email);
      expect(failures).toHaveLength(5);
      expect(failures[0]).toMatchObject({ target_type: null, target_id: null });
    });

    it('a successful login resets the failure counter', async () => {
      const account = await register(t.app);
      for (let i = 0; i < 4; i++) expectProblem(await loginRequest(t.app, account.email, 'wrong-password-x'), { status: 401, slug: 'invalid-credentials' });
      expectJson(await loginRequest(t.app, account.email, account.password));
      for (let i = 0; i < 4; i++) expectProblem(await loginRequest(t.app, account.email, 'wrong-password-y'), { status: 401, slug: 'invalid-credentials' });
      expectJson(await loginRequest(t.app, account.email, account.password));
    });
  });

  describe('POST /auth/refresh', () => {
    it('200 TokenResponse with a rotated refresh token, for the same session; rotating twice works', async () => {
      const account = await register(t.app);
      const first = expectJson(await refresh(account.refresh)) as Record<string, unknown>;
      expect(Object.keys(first).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);
      expect(first).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
      expect(first.refresh_token).toMatch(REFRESH_TOKEN);
      expect(first.refresh_token).not.toBe(account.refresh);
      expect(decodeJwt(first.access_token as string).payload.sid).toBe(decodeJwt(account.access).payload.sid);
      expectJson(await me(t.app, first.access_token as string));

      const second = expectJson(await refresh(first.refresh_token as string)) as Record<string, unknown>;
      expect(second.refresh_token).not.toBe(first.refresh_token);
      expectJson(await me(t.app, second.access_token as string));
    });

    it('replaying a rotated token → 401 token-reused; the session, its access tokens and its newest refresh token die', async () => {
      const account = await register(t.app);
      const other = await login(t.app, account);
      const r2 = (expectJson(await refresh(account.refresh)) as { refresh_token: string; access_token: string });
      const r3 = (expectJson(await refresh(r2.refresh_token)) as { refresh_token: string; access_token: string });

      const replay = await refresh(account.refresh);
      expectProblem(replay, { status: 401, slug: 'token-reused' });
      expect(replay.headers['www-authenticate']).toBe(CHALLENGE);

      for (const token of [account.access, r3.access_token]) {
        const res = await me(t.app, token);
        expectProblem(res, { status: 401, slug: 'unauthorized' });
        expect(res.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
      }
      expectProblem(await refresh(r3.refresh_token), { status: 401, slug: 'unauthorized' });

      const sid = decodeJwt(account.access).payload.sid;
      const audit = (await auditEntries(t, 'auth.token_reused')).filter((e) => e.target_id === sid);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ target_type: 'session', details: { session_id: sid } });

      // Another session of the same user is untouched.
      expectJson(await me(t.app, other.access));
      expectJson(await refresh(other.refresh));
    });

    it('two concurrent refreshes with one token: one rotates, the other is a replay that revokes the session', async () => {
      const account = await register(t.app);
      const [a, b] = await Promise.all([refresh(account.refresh), refresh(account.refresh)]);
      const winner = a.statusCode === 200 ? a : b;
      const loser = a.statusCode === 200 ? b : a;
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 401]);
      expectProblem(loser, { status: 401, slug: 'token-reused' });
      const rotated = winner.json<{ access_token: string; refresh_token: string }>();
      expectProblem(await me(t.app, rotated.access_token), { status: 401, slug: 'unauthorized' });
      expectProblem(await refresh(rotated.refresh_token), { status: 401, slug: 'unauthorized' });
    });

    it.each([
      ['garbage', 'not a token'],
      ['an unknown token of the right shape', 'A'.repeat(43)],
      ['an empty string', ''],
      ['padding', `${'A'.repeat(42)}=`],
    ])('%s → 401 unauthorized with the plain challenge', async (_name, token) => {
      const res = await refresh(token);
      expectProblem(res, { status: 401, slug: 'unauthorized' });
      expect(res.headers['www-authenticate']).toBe(CHALLENGE);
    });

    it('a missing or non-string refresh_token → 400 body.refresh_token', async () => {
      for (const payload of [{}, { refresh_token: 42 }, { refresh_token: null }]) {
        const body = expectProblem(await post('/api/v1/auth/refresh', payload), { status: 400, slug: 'validation-error' });
        expect(fieldsOf(body)).toEqual(['body.refresh_token']);
      }
    });
  });

  describe('POST /auth/logout', () => {
    it('204; the access token and the refresh token of that session stop working; other sessions stay', async () => {
      const account = await register(t.app);
      const other = await login(t.app, account);
      const res = await post('/api/v1/auth/logout', { logout_all: false }, bearer(account.access));
      expect(res.statusCode, res.body).toBe(204);
      expect(res.body).toBe('');
      const after = await me(t.app, account.access);
      expectProblem(after, { status: 401, slug: 'unauthorized' });
      expect(after.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
      expectProblem(await refresh(account.refresh), { status: 401, slug: 'unauthorized' });
      expectJson(await me(t.app, other.access));
    });

    it('an empty body is allowed, with or without a JSON content type', async () => {
      const account = await register(t.app);
      const second = await login(t.app, account);
      expect((await post('/api/v1/auth/logout', undefined, bearer(account.access))).statusCode).toBe(204);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...bearer(second.access), 'content-type': 'application/json' }, payload: '' });
      expect(res.statusCode, res.body).toBe(204);
      expectProblem(await me(t.app, second.access), { status: 401, slug: 'unauthorized' });
    });

    it('logout_all revokes every session of the user', async () => {
      const account = await register(t.app);
      const second = await login(t.app, account);
      const res = await post('/api/v1/auth/logout', { logout_all: true }, bearer(account.access));
      expect(res.statusCode, res.body).toBe(204);
      for (const s of [account, second]) {
        expectProblem(await me(t.app, s.access), { status: 401, slug: 'unauthorized' });
        expectProblem(await refresh(s.refresh), { status: 401, slug: 'unauthorized' });
      }
      const audit = (await auditEntries(t, 'auth.logout_all')).filter((e) => e.target_id === account.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]?.details).toEqual({ sessions_revoked: 2 });
      // Logging in again still works.
      expectJson(await loginRequest(t.app, account.email, account.password));
    });

    it('no token → 401 with the plain challenge; a bad body → 400', async () => {
      const res = await post('/api/v1/auth/logout', {});
      expectProblem(res, { status: 401, slug: 'unauthorized' });
      expect(res.headers['www-authenticate']).toBe(CHALLENGE);
      const account = await register(t.app);
      const body = expectProblem(await post('/api/v1/auth/logout', { logout_all: 'yes', extra: 1 }, bearer(account.access)), { status: 400, slug: 'validation-error' });
      expect(fieldsOf(body)).toEqual(['body.extra', 'body.logout_all']);
    });
  });
});

describe('login timing parity (unknown email vs wrong password)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { ...NO_LIMITS, LOCKOUT_THRESHOLD: '1000' } });
  });
  afterAll(() => t.close());

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] as number;
  };

  it('median times are within a generous tolerance', async () => {
    const account = await register(t.app);
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await loginRequest(t.app, email, 'definitely-not-it-42');
      const ms = performance.now() - started;
      expect(res.statusCode).toBe(401);
      return ms;
    };
    // Warm both paths (the dummy hash, JIT, the database's plan cache) before measuring.
    for (let i = 0; i < 3; i++) {
      await timed(account.email);
      await timed(uniqueIdentity('warm').email);
    }
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 15; i++) {
      known.push(await timed(account.email));
      unknown.push(await timed(uniqueIdentity('nobody').email));
    }
    const ratio = median(unknown) / median(known);
    console.info(`login timing: median unknown email ${median(unknown).toFixed(1)} ms, wrong password ${median(known).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });
});

describe('expiry (REFRESH_TOKEN_TTL_S=1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { ...NO_LIMITS, REFRESH_TOKEN_TTL_S: '1' } });
  });
  afterAll(() => t.close());

  it('an expired refresh token → 401 unauthorized, and its session (hence its access token) has ended too', async () => {
    const account = await register(t.app);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: account.refresh } });
    expectProblem(res, { status: 401, slug: 'unauthorized' });
    const after = await me(t.app, account.access);
    expectProblem(after, { status: 401, slug: 'unauthorized' });
    expect(after.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
  });
});
