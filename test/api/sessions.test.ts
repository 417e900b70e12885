/** Contract §6: `GET /users/{id}/sessions` and `DELETE /users/{id}/sessions/{session_id}`, on both adapter sets. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { ADAPTERS, auditEntries, bearer, decodeJwt, login, makeAdmin, me, NO_LIMITS, register, TIMESTAMP, type Account } from './helpers/identity.js';
import { expectJson, expectProblem } from './helpers/problem.js';

const SESSION_KEYS = ['created_at', 'expires_at', 'id', 'ip_address', 'is_current', 'last_used_at', 'user_agent'];
const UNKNOWN_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';
const sidOf = (a: Account) => decodeJwt(a.access).payload.sid as string;

interface SessionJson {
  id: string;
  ip_address: string;
  user_agent: string;
  created_at: string;
  last_used_at: string;
  expires_at: string;
  is_current: boolean;
}

describe.each(ADAPTERS)('sessions on $name adapters', ({ opts }) => {
  let t: TestApp;
  let admin: Account;
  beforeAll(async () => {
    t = await buildTestApp({ ...opts, env: NO_LIMITS });
    admin = await makeAdmin(t);
  });
  afterAll(() => t.close());

  const list = (userId: string, token: string | null) =>
    t.app.inject({ method: 'GET', url: `/api/v1/users/${userId}/sessions`, headers: token ? bearer(token) : {} });
  const revoke = (userId: string, sessionId: string, token: string | null) =>
    t.app.inject({ method: 'DELETE', url: `/api/v1/users/${userId}/sessions/${sessionId}`, headers: token ? bearer(token) : {} });
  const items = async (userId: string, token: string) => (expectJson(await list(userId, token)) as { items: SessionJson[] }).items;
  const refresh = (token: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: token } });

  it('lists active sessions, most recently used first; only the caller’s is current; IP and user agent recorded', async () => {
    const a = await register(t.app, {}, { 'user-agent': 'first-agent/1.0' });
    const b = await login(t.app, a, { 'user-agent': `long/${'x'.repeat(600)}` });
    const c = await login(t.app, a);
    const res = await list('me', b.access);
    const body = expectJson(res) as { items: SessionJson[] };
    expect(Object.keys(body)).toEqual(['items']);
    expect(body.items.map((s) => s.id)).toEqual([sidOf(c), sidOf(b), sidOf(a)]);
    for (const s of body.items) {
      expect(Object.keys(s).sort()).toEqual(SESSION_KEYS);
      expect(s.ip_address).toBe('127.0.0.1');
      for (const key of ['created_at', 'last_used_at', 'expires_at'] as const) expect(s[key]).toMatch(TIMESTAMP);
    }
    expect(body.items.map((s) => s.is_current)).toEqual([false, true, false]);
    const [sc, sb, sa] = body.items as [SessionJson, SessionJson, SessionJson];
    expect(sa.user_agent).toBe('first-agent/1.0');
    expect(sb.user_agent).toBe(`long/${'x'.repeat(507)}`);
    expect(Array.from(sb.user_agent)).toHaveLength(512);
    expect(sc.user_agent).toBe('lightMyRequest');

    // A refresh is a use: that session moves to the front, with the refreshing client's user agent.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { 'user-agent': '' }, payload: { refresh_token: a.refresh } })).statusCode).toBe(200);
    const after = await items(a.id, c.access);
    expect(after.map((s) => s.id)).toEqual([sidOf(a), sidOf(c), sidOf(b)]);
    expect(after[0]?.user_agent).toBe('');
    expect(after.map((s) => s.is_current)).toEqual([false, true, false]);
  });

  it('revoked sessions are not listed', async () => {
    const a = await register(t.app);
    const b = await login(t.app, a);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(b.access) })).statusCode).toBe(204);
    expect((await items('me', a.access)).map((s) => s.id)).toEqual([sidOf(a)]);
  });

  it('deleting another session of one’s own → 204; its tokens die, the caller’s live; again → 404', async () => {
    const a = await register(t.app);
    const b = await login(t.app, a);
    const res = await revoke(a.id, sidOf(b), a.access);
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await me(t.app, b.access), { status: 401, slug: 'unauthorized' });
    expectProblem(await refresh(b.refresh), { status: 401, slug: 'unauthorized' });
    expectJson(await me(t.app, a.access));
    expect((await items('me', a.access)).map((s) => s.id)).toEqual([sidOf(a)]);
    expectProblem(await revoke('me', sidOf(b), a.access), { status: 404, slug: 'not-found' });

    const audit = (await auditEntries(t, 'session.revoked')).filter((e) => e.target_id === sidOf(b));
    expect(audit).toMatchObject([{ actor_id: a.id, target_type: 'session', details: { session_id: sidOf(b), by_admin: false } }]);
  });

  it('deleting one’s current session equals a logout', async () => {
    const a = await register(t.app);
    expect((await revoke('me', sidOf(a), a.access)).statusCode).toBe(204);
    expectProblem(await me(t.app, a.access), { status: 401, slug: 'unauthorized' });
    expectProblem(await refresh(a.refresh), { status: 401, slug: 'unauthorized' });
  });

  it('an unknown session, or another user’s under one’s own path → 404; a malformed id → 400 path.session_id', async () => {
    const a = await register(t.app);
    const b = await register(t.app);
    expectProblem(await revoke('me', UNKNOWN_ID, a.access), { status: 404, slug: 'not-found' });
    expectProblem(await revoke(a.id, sidOf(b), a.access), { status: 404, slug: 'not-found' });
    expectProblem(await revoke(a.id, sidOf(b), admin.access), { status: 404, slug: 'not-found' });
    expectJson(await me(t.app, b.access));
    const body = expectProblem(await revoke('me', 'nope', a.access), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([{ field: 'path.session_id', message: 'must be a UUID' }]);
  });

  it('another user’s sessions: 403 for a non-admin (the user is visible, the action is not allowed)', async () => {
    const a = await register(t.app);
    const b = await register(t.app);
    expectProblem(await list(b.id, a.access), { status: 403, slug: 'forbidden' });
    expectProblem(await revoke(b.id, sidOf(b), a.access), { status: 403, slug: 'forbidden' });
    expectJson(await me(t.app, b.access));
    expectProblem(await list(UNKNOWN_ID, a.access), { status: 404, slug: 'not-found' });
  });

  it('an admin lists (none current) and revokes another user’s sessions', async () => {
    const b = await register(t.app);
    const listed = await items(b.id, admin.access);
    expect(listed.map((s) => [s.id, s.is_current])).toEqual([[sidOf(b), false]]);
    expect((await revoke(b.id, sidOf(b), admin.access)).statusCode).toBe(204);
    expectProblem(await me(t.app, b.access), { status: 401, slug: 'unauthorized' });
    const audit = (await auditEntries(t, 'session.revoked')).filter((e) => e.target_id === sidOf(b));
    expect(audit).toMatchObject([{ actor_id: admin.id, details: { by_admin: true } }]);
  });

  // `authenticate` records a session's use (every 5 min) with `sessionStore.put`; a revocation landing between
  // the check and that write must not be undone (the store's `put` never clears `revoked`).
  it('a session revoked while its use is being recorded stays revoked', async () => {
    const a = await register(t.app);
    const b = await login(t.app, a);
    const sid = sidOf(b);
    const { clock, sessions } = t.container.ports;
    const realNow = clock.now.bind(clock);
    const realTouch = sessions.touch.bind(sessions);
    // Six minutes on: the next request records the session's use.
    const now = vi.spyOn(clock, 'now').mockImplementation(() => new Date(realNow().getTime() + 6 * 60_000));
    let raced = false;
    const touch = vi.spyOn(sessions, 'touch').mockImplementation(async (id, changes) => {
      await realTouch(id, changes);
      if (raced || id !== sid) return;
      raced = true;
      expect((await revoke('me', sid, a.access)).statusCode).toBe(204);
    });
    try {
      expect((await me(t.app, b.access)).statusCode).toBe(200); // authenticated just before the revocation
    } finally {
      now.mockRestore();
      touch.mockRestore();
    }
    expect(raced).toBe(true);
    expectProblem(await me(t.app, b.access), { status: 401, slug: 'unauthorized' });
  });

  it('anonymous → 401', async () => {
    const a = await register(t.app);
    expectProblem(await list(a.id, null), { status: 401, slug: 'unauthorized' });
    expectProblem(await revoke(a.id, sidOf(a), null), { status: 401, slug: 'unauthorized' });
    expectProblem(await list('me', null), { status: 401, slug: 'unauthorized' });
  });
});
