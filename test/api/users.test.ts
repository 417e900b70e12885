/**
 * Contract §6: profiles and their views, token handling on `opt` routes, PATCH, password change, deletion, roles.
 * Over 300 lines on purpose: one file per resource (architecture §3), and each case is a short table row or flow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../../src/application/identity/bootstrap-admin.js';
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
  makeAdmin,
  me,
  NO_LIMITS,
  outboxEvents,
  PASSWORD,
  register,
  USER_PUBLIC_KEYS,
  USER_SELF_KEYS,
  type Account,
} from './helpers/identity.js';
import { expectJson, expectProblem } from './helpers/problem.js';

type Errors = { field: string; message: string }[];
const fieldsOf = (body: Record<string, unknown>) => (body.errors as Errors).map((e) => e.field).sort();
const UNKNOWN_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';
const NEW_PASSWORD = 'quartz-meadow-lattice-77';

describe.each(ADAPTERS)('users on $name adapters', ({ opts }) => {
  let t: TestApp;
  let admin: Account;
  beforeAll(async () => {
    t = await buildTestApp({ ...opts, env: NO_LIMITS });
    admin = await makeAdmin(t);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const send = (method: 'PATCH' | 'PUT' | 'DELETE', url: string, token: string | null, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...(token ? bearer(token) : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

  describe('GET /users/me and /users/{id}', () => {
    it('/users/me → 200 UserSelf', async () => {
      const a = await register(t.app);
      const body = expectJson(await me(t.app, a.access)) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(USER_SELF_KEYS);
      expect(body).toMatchObject({ id: a.id, email: a.email, username: a.username, status: 'active', role: 'user' });
    });

    it('others and anonymous callers get UserPublic, without the self-only keys at all', async () => {
      const a = await register(t.app);
      const b = await register(t.app);
      for (const headers of [bearer(b.access), {}]) {
        const body = expectJson(await get(`/api/v1/users/${a.id}`, headers)) as Record<string, unknown>;
        expect(Object.keys(body).sort()).toEqual(USER_PUBLIC_KEYS);
        expect(body).toMatchObject({ id: a.id, username: a.username });
      }
    });

    it('self and admins get UserSelf; `me` and an upper-case id work', async () => {
      const a = await register(t.app);
      for (const [url, token] of [
        [`/api/v1/users/${a.id}`, a.access],
        [`/api/v1/users/${a.id.toUpperCase()}`, a.access],
        [`/api/v1/users/${a.id}`, admin.access],
      ] as const) {
        const body = expectJson(await get(url, bearer(token))) as Record<string, unknown>;
        expect(Object.keys(body).sort()).toEqual(USER_SELF_KEYS);
        expect(body.id).toBe(a.id);
      }
    });

    it('unknown id → 404; malformed id → 400 path.id', async () => {
      expectProblem(await get(`/api/v1/users/${UNKNOWN_ID}`), { status: 404, slug: 'not-found', instance: `/api/v1/users/${UNKNOWN_ID}` });
      const body = expectProblem(await get('/api/v1/users/not-a-uuid'), { status: 400, slug: 'validation-error' });
      expect(fieldsOf(body)).toEqual(['path.id']);
    });

    it('anonymous /users/me → 401 with the plain challenge', async () => {
      const res = await get('/api/v1/users/me');
      expectProblem(res, { status: 401, slug: 'unauthorized' });
      expect(res.headers['www-authenticate']).toBe(CHALLENGE);
    });

    it.each([['Basic dXNlcjpwYXNz'], ['Bearer'], ['Bearer a b'], ['Bearer  two-spaces'], ['token-without-scheme']])(
      'a malformed Authorization header (%s) → 401 with the plain challenge, even on an opt route',
      async (header) => {
        const a = await register(t.app);
        const res = await get(`/api/v1/users/${a.id}`, { authorization: header });
        expectProblem(res, { status: 401, slug: 'unauthorized' });
        expect(res.headers['www-authenticate']).toBe(CHALLENGE);
      },
    );

    it('a bad, forged, expired or `alg: none` token → 401 invalid_token on opt routes; the scheme is case-insensitive', async () => {
      const a = await register(t.app);
      const [h, p] = a.access.split('.') as [string, string, string];
      const claims = decodeJwt(a.access).payload;
      const now = Math.floor(Date.now() / 1000);
      const expired = await t.container.ports.tokenSigner.sign({
        sub: a.id,
        sid: claims.sid as string,
        role: 'user',
        jti: '0190f5c2-7a3b-7c4d-8e5f-000000000001',
        iat: now - 2000,
        exp: now - 1000,
      });
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${p}.`;
      const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${a.access.split('.')[2]}`;
      for (const token of ['abc.def.ghi', 'x'.repeat(5000), expired, none, tampered]) {
        const res = await get(`/api/v1/users/${a.id}`, bearer(token));
        expectProblem(res, { status: 401, slug: 'unauthorized' });
        expect(res.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
      }
      expectJson(await get(`/api/v1/users/${a.id}`, { authorization: `bearer ${a.access}` }));
      expectJson(await get(`/api/v1/users/${a.id}`, { authorization: `BEARER ${a.access}` }));
    });

    it('a revoked token → 401 invalid_token on an opt route too (it is not silently treated as anonymous)', async () => {
      const a = await register(t.app);
      const b = await register(t.app);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(b.access) })).statusCode).toBe(204);
      const res = await get(`/api/v1/users/${a.id}`, bearer(b.access));
      expectProblem(res, { status: 401, slug: 'unauthorized' });
      expect(res.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
    });

    it('routes of access `none` ignore a bad token', async () => {
      expectJson(await get('/api/v1/server-info', bearer('abc.def.ghi')));
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: bearer('abc.def.ghi'), payload: { refresh_token: 'A'.repeat(43) } });
      expectProblem(res, { status: 401, slug: 'unauthorized' });
      expect(res.headers['www-authenticate']).toBe(CHALLENGE);
    });
  });

  describe('PATCH /users/{id}', () => {
    it('self → 200 UserSelf with the changes; a user.profile_updated event names them', async () => {
      const a = await register(t.app);
      const before = expectJson(await me(t.app, a.access)) as Record<string, unknown>;
      const res = await send('PATCH', `/api/v1/users/${a.id}`, a.access, { display_name: '  Ada L. ', bio: 'line one\r\nline two\twith a tab' });
      const body = expectJson(res) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(USER_SELF_KEYS);
      expect(body).toMatchObject({ display_name: 'Ada L.', bio: 'line one\nline two\twith a tab' });
      expect(body.updated_at).not.toBe(before.updated_at);
      expect(expectJson(await me(t.app, a.access))).toEqual(body);
      const events = await outboxEvents(t, 'user.profile_updated', a.id);
      expect(events).toHaveLength(1);
      expect(events[0]?.payload).toEqual({ user_id: a.id, changed: ['display_name', 'bio'] });
      expect(events[0]?.actor_id).toBe(a.id);
    });

    it('`{}`, an empty body and unchanged values return the user unchanged and emit nothing', async () => {
      const a = await register(t.app);
      const before = expectJson(await me(t.app, a.access));
      expect(expectJson(await send('PATCH', '/api/v1/users/me', a.access, {}))).toEqual(before);
      expect(expectJson(await send('PATCH', `/api/v1/users/${a.id}`, a.access))).toEqual(before);
      expect(expectJson(await send('PATCH', `/api/v1/users/${a.id}`, a.access, { display_name: a.username, bio: '' }))).toEqual(before);
      expect(await outboxEvents(t, 'user.profile_updated', a.id)).toHaveLength(0);
    });

    it('application/merge-patch+json is accepted; text/plain is 415', async () => {
      const a = await register(t.app);
      const res = await send('PATCH', `/api/v1/users/${a.id}`, a.access, JSON.stringify({ bio: 'merged' }), { 'content-type': 'application/merge-patch+json' });
      expect((expectJson(res) as { bio: string }).bio).toBe('merged');
      const wrong = await send('PATCH', `/api/v1/users/${a.id}`, a.access, 'bio=x', { 'content-type': 'text/plain' });
      expectProblem(wrong, { status: 415, slug: 'unsupported-media-type' });
    });

    it('another user → 403; an admin may edit others', async () => {
      const a = await register(t.app);
      const b = await register(t.app);
      expectProblem(await send('PATCH', `/api/v1/users/${a.id}`, b.access, { bio: 'hacked' }), { status: 403, slug: 'forbidden' });
      // Access is decided before the body is judged: a stranger learns nothing from a bad value either.
      expectProblem(await send('PATCH', `/api/v1/users/${a.id}`, b.access, { display_name: '' }), { status: 403, slug: 'forbidden' });
      const body = expectJson(await send('PATCH', `/api/v1/users/${a.id}`, admin.access, { bio: 'set by staff' })) as Record<string, unknown>;
      expect(body).toMatchObject({ id: a.id, bio: 'set by staff', email: a.email });
      const events = await outboxEvents(t, 'user.profile_updated', a.id);
      expect(events.at(-1)?.actor_id).toBe(admin.id);
    });

    it.each([
      ['a display name of 101 characters', { display_name: 'x'.repeat(101) }, ['body.display_name']],
      ['an empty display name', { display_name: ' ' }, ['body.display_name']],
      ['a display name with a control character', { display_name: 'Ada\u0001' }, ['body.display_name']],
      ['a bio of 501 characters', { bio: 'y'.repeat(501) }, ['body.bio']],
      ['a bio with a NUL', { bio: 'a\u0000b' }, ['body.bio']],
      ['both bad at once', { display_name: '', bio: 'z'.repeat(501) }, ['body.bio', 'body.display_name']],
      ['null display name (not nullable)', { display_name: null }, ['body.display_name']],
      ['null bio (not nullable)', { bio: null }, ['body.bio']],
      ['a number', { display_name: 7 }, ['body.display_name']],
      ['an unknown key', { email: 'x@example.com' }, ['body.email']],
    ])('%s → 400 naming the fields', async (_name, payload, fields) => {
      const a = await register(t.app);
      const body = expectProblem(await send('PATCH', `/api/v1/users/${a.id}`, a.access, payload), { status: 400, slug: 'validation-error' });
      expect(fieldsOf(body)).toEqual(fields);
    });

    it('anonymous → 401; unknown user → 404', async () => {
      const a = await register(t.app);
      expectProblem(await send('PATCH', `/api/v1/users/${a.id}`, null, { bio: 'x' }), { status: 401, slug: 'unauthorized' });
      expectProblem(await send('PATCH', `/api/v1/users/${UNKNOWN_ID}`, admin.access, { bio: 'x' }), { status: 404, slug: 'not-found' });
    });
  });

  describe('PUT /users/{id}/password', () => {
    const url = (a: Account) => `/api/v1/users/${a.id}/password`;

    it('204: other sessions die, the current one lives; the old password stops working, the new one works', async () => {
      const a = await register(t.app);
      const other = await login(t.app, a);
      const res = await send('PUT', url(a), a.access, { current_password: PASSWORD, new_password: NEW_PASSWORD });
      expect(res.statusCode, res.body).toBe(204);
      expect(res.body).toBe('');

      const dead = await me(t.app, other.access);
      expectProblem(dead, { status: 401, slug: 'unauthorized' });
      expect(dead.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
      expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: other.refresh } }), { status: 401, slug: 'unauthorized' });
      expectJson(await me(t.app, a.access));
      expectJson(await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: a.refresh } }));

      expectProblem(await loginRequest(t.app, a.email, PASSWORD), { status: 401, slug: 'invalid-credentials' });
      expectJson(await loginRequest(t.app, a.email, NEW_PASSWORD));

      const events = await outboxEvents(t, 'user.password_changed', a.id);
      expect(events.map((e) => e.payload)).toEqual([{ user_id: a.id, sessions_revoked: 1 }]);
      const audit = (await auditEntries(t, 'auth.password_changed')).filter((e) => e.target_id === a.id);
      expect(audit.map((e) => e.details)).toEqual([{ sessions_revoked: 1 }]);
      const text = JSON.stringify([events, audit]);
      expect(text).not.toContain(NEW_PASSWORD);
      expect(text).not.toContain(PASSWORD);
    });

    it('a wrong current password → 400 body.current_password, and it counts toward the lockout', async () => {
      const a = await register(t.app);
      for (let i = 0; i < 5; i++) {
        const body = expectProblem(await send('PUT', url(a), a.access, { current_password: `wrong-${i}-password`, new_password: NEW_PASSWORD }), { status: 400, slug: 'validation-error' });
        expect(fieldsOf(body)).toEqual(['body.current_password']);
      }
      const locked = await send('PUT', url(a), a.access, { current_password: PASSWORD, new_password: NEW_PASSWORD });
      expectProblem(locked, { status: 429, slug: 'account-locked' });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expectProblem(await loginRequest(t.app, a.email, PASSWORD), { status: 429, slug: 'account-locked' });
      expect((await auditEntries(t, 'auth.login_failed')).filter((e) => e.target_id === a.id)).toHaveLength(5);
    });

    it.each([
      ['the same as the current one', PASSWORD, 'must differ from the current password'],
      ['a common password', '1qaz2wsx3edc', 'is too common'],
      ['too short', 'short-pw', 'must be at least 12 characters'],
    ])('a new password that is %s → 400 body.new_password', async (_name, newPassword, message) => {
      const a = await register(t.app);
      const body = expectProblem(await send('PUT', url(a), a.access, { current_password: PASSWORD, new_password: newPassword }), { status: 400, slug: 'validation-error' });
      expect(body.errors).toEqual([{ field: 'body.new_password', message }]);
    });

    it('a new password equal to the username → 400 body.new_password', async () => {
      const a = await register(t.app, { username: `longname_${Date.now()}`.slice(0, 24) });
      const body = expectProblem(await send('PUT', url(a), a.access, { current_password: PASSWORD, new_password: a.username }), { status: 400, slug: 'validation-error' });
      expect(fieldsOf(body)).toEqual(['body.new_password']);
    });

    it('a wrong current password and a weak new one → 400 naming both', async () => {
      const a = await register(t.app);
      const body = expectProblem(await send('PUT', url(a), a.access, { current_password: 'not-the-password', new_password: 'short' }), { status: 400, slug: 'validation-error' });
      expect(body.errors).toEqual([
        { field: 'body.current_password', message: 'is not correct' },
        { field: 'body.new_password', message: 'must be at least 12 characters' },
      ]);
    });

    it('missing fields → 400 naming both', async () => {
      const a = await register(t.app);
      const body = expectProblem(await send('PUT', url(a), a.access, {}), { status: 400, slug: 'validation-error' });
      expect(fieldsOf(body)).toEqual(['body.current_password', 'body.new_password']);
    });

    it('another user, even an admin → 403; anonymous → 401', async () => {
      const a = await register(t.app);
      const b = await register(t.app);
      for (const token of [b.access, admin.access]) {
        expectProblem(await send('PUT', url(a), token, { current_password: PASSWORD, new_password: NEW_PASSWORD }), { status: 403, slug: 'forbidden' });
      }
      expectProblem(await send('PUT', url(a), null, { current_password: PASSWORD, new_password: NEW_PASSWORD }), { status: 401, slug: 'unauthorized' });
      expectJson(await loginRequest(t.app, a.email, PASSWORD));
    });
  });

  describe('DELETE /users/{id}', () => {
    it('self with a wrong or missing password → 400 body.password', async () => {
      const a = await register(t.app);
      const wrong = expectProblem(await send('DELETE', `/api/v1/users/${a.id}`, a.access, { password: 'not-my-password' }), { status: 400, slug: 'validation-error' });
      expect(wrong.errors).toEqual([{ field: 'body.password', message: 'is not correct' }]);
      const missing = expectProblem(await send('DELETE', `/api/v1/users/${a.id}`, a.access), { status: 400, slug: 'validation-error' });
      expect(missing.errors).toEqual([{ field: 'body.password', message: 'is required' }]);
      expectJson(await me(t.app, a.access));
    });

    it('self → 204; every token dies, login fails, the profile is gone; the email and username are free again', async () => {
      const a = await register(t.app);
      const other = await login(t.app, a);
      const res = await send('DELETE', '/api/v1/users/me', a.access, { password: PASSWORD });
      expect(res.statusCode, res.body).toBe(204);
      for (const s of [a, other]) {
        const r = await me(t.app, s.access);
        expectProblem(r, { status: 401, slug: 'unauthorized' });
        expect(r.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
        expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: s.refresh } }), { status: 401, slug: 'unauthorized' });
      }
      expectProblem(await loginRequest(t.app, a.email, PASSWORD), { status: 401, slug: 'invalid-credentials' });
      expectProblem(await get(`/api/v1/users/${a.id}`, bearer(admin.access)), { status: 404, slug: 'not-found' });

      const again = await register(t.app, { email: a.email, username: a.username.toUpperCase() });
      expect(again.id).not.toBe(a.id);
      const events = await outboxEvents(t, 'user.deleted', a.id);
      expect(events.map((e) => e.payload)).toEqual([{ user_id: a.id, deleted_by: a.id, by_admin: false }]);
    });

    it('another user → 403; an admin deletes others without a body', async () => {
      const a = await register(t.app);
      const b = await register(t.app);
      expectProblem(await send('DELETE', `/api/v1/users/${a.id}`, b.access, { password: PASSWORD }), { status: 403, slug: 'forbidden' });
      const res = await send('DELETE', `/api/v1/users/${a.id}`, admin.access);
      expect(res.statusCode, res.body).toBe(204);
      expectProblem(await me(t.app, a.access), { status: 401, slug: 'unauthorized' });
      expectProblem(await send('DELETE', `/api/v1/users/${a.id}`, admin.access), { status: 404, slug: 'not-found' });
      const audit = (await auditEntries(t, 'user.deleted')).filter((e) => e.target_id === a.id);
      expect(audit).toMatchObject([{ actor_id: admin.id, details: { by_admin: true } }]);
    });
  });

  describe('PUT /users/{id}/role', () => {
    const setRole = (target: Account, role: unknown, token: string | null) => send('PUT', `/api/v1/users/${target.id}/role`, token, { role });

    it('admin → 200 UserSelf; the target’s live access token acts with the new role at once', async () => {
      const promoted = await register(t.app);
      const victim = await register(t.app);
      expectProblem(await setRole(victim, 'moderator', promoted.access), { status: 403, slug: 'forbidden' });

      const body = expectJson(await setRole(promoted, 'admin', admin.access)) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(USER_SELF_KEYS);
      expect(body).toMatchObject({ id: promoted.id, role: 'admin' });
      // The claim still says `user`; the session's role rules.
      expect(decodeJwt(promoted.access).payload.role).toBe('user');
      expect((expectJson(await setRole(victim, 'moderator', promoted.access)) as { role: string }).role).toBe('moderator');
      // …and sees others as an admin does.
      expect(Object.keys(expectJson(await get(`/api/v1/users/${victim.id}`, bearer(promoted.access))) as object).sort()).toEqual(USER_SELF_KEYS);

      expect((expectJson(await setRole(promoted, 'user', admin.access)) as { role: string }).role).toBe('user');
      expectProblem(await setRole(victim, 'user', promoted.access), { status: 403, slug: 'forbidden' });

      const events = (await outboxEvents(t, 'user.role_changed', promoted.id)).map((e) => e.payload);
      expect(events).toEqual([
        { user_id: promoted.id, old_role: 'user', new_role: 'admin', changed_by: admin.id },
        { user_id: promoted.id, old_role: 'admin', new_role: 'user', changed_by: admin.id },
      ]);
      const audit = (await auditEntries(t, 'user.role_changed')).filter((e) => e.target_id === victim.id);
      expect(audit).toMatchObject([{ actor_id: promoted.id, target_type: 'user', details: { old_role: 'user', new_role: 'moderator' } }]);
    });

    it('bootstrapAdmin: creates an active admin once, then leaves it; promotes an existing user, live sessions included', async () => {
      const identity = { username: `boot_${admin.id.slice(-8)}`, email: `boot_${admin.id.slice(-8)}@example.com` };
      const ports = t.container.ports;
      expect(await bootstrapAdmin(ports, { ...identity, password: PASSWORD })).toBe('created');
      expect(await bootstrapAdmin(ports, { ...identity, email: ` ${identity.email.toUpperCase()}`, password: undefined })).toBe('unchanged');
      const created = (expectJson(await loginRequest(t.app, identity.email, PASSWORD)) as { user: Record<string, unknown> }).user;
      expect(created).toMatchObject({ role: 'admin', status: 'active', username: identity.username });

      const a = await register(t.app);
      const victim = await register(t.app);
      expect(await bootstrapAdmin(ports, { email: a.email, password: undefined, username: 'ignored_name' })).toBe('promoted');
      expect((expectJson(await setRole(victim, 'moderator', a.access)) as { role: string }).role).toBe('moderator');
      expect((await outboxEvents(t, 'user.role_changed', a.id)).map((e) => e.payload)).toEqual([
        { user_id: a.id, old_role: 'user', new_role: 'admin', changed_by: null },
      ]);
      expect((await auditEntries(t, 'user.role_changed')).filter((e) => e.target_id === a.id)).toMatchObject([
        { actor_id: null, details: { old_role: 'user', new_role: 'admin' } },
      ]);
    });

    it('bootstrapAdmin refuses a weak password for a new account', async () => {
      await expect(bootstrapAdmin(t.container.ports, { username: 'weak_admin', email: 'weak_admin@example.com', password: '1qaz2wsx3edc' })).rejects.toMatchObject({
        kind: 'validation-error',
        fields: [{ field: 'password', message: 'is too common' }],
      });
    });

    it('a session started after the change carries the new role too', async () => {
      const a = await register(t.app);
      expectJson(await setRole(a, 'moderator', admin.access));
      const fresh = await login(t.app, a);
      expect(decodeJwt(fresh.access).payload.role).toBe('moderator');
      expect((expectJson(await me(t.app, fresh.access)) as { role: string }).role).toBe('moderator');
    });

    it('an admin cannot change their own role (403); non-admin → 403; anonymous → 401', async () => {
      const a = await register(t.app);
      expectProblem(await setRole(admin, 'user', admin.access), { status: 403, slug: 'forbidden' });
      expectProblem(await setRole(a, 'admin', a.access), { status: 403, slug: 'forbidden' });
      const anon = await setRole(a, 'admin', null);
      expectProblem(anon, { status: 401, slug: 'unauthorized' });
      expect(anon.headers['www-authenticate']).toBe(CHALLENGE);
    });

    it('a bad role → 400 body.role; an unknown user → 404', async () => {
      const a = await register(t.app);
      for (const role of ['superuser', 'Admin']) {
        const body = expectProblem(await setRole(a, role, admin.access), { status: 400, slug: 'validation-error' });
        expect(body.errors).toEqual([{ field: 'body.role', message: 'must be one of user, moderator, admin' }]);
      }
      // A wrong type fails both `type` and `enum`: still only `body.role` is named.
      for (const role of [null, 3, undefined]) {
        const body = expectProblem(await setRole(a, role, admin.access), { status: 400, slug: 'validation-error' });
        expect([...new Set(fieldsOf(body))]).toEqual(['body.role']);
      }
      expectProblem(await send('PUT', `/api/v1/users/${UNKNOWN_ID}/role`, admin.access, { role: 'user' }), { status: 404, slug: 'not-found' });
    });
  });
});
