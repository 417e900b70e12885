/**
 * The web app's API client (web/src/api/client.ts) against the real server on loopback: an access token the
 * server refuses (as it does an expired one: 401) is refreshed transparently, concurrent 401s share one rotation (a second use of the same refresh token
 * would be a replay), and a reused or revoked refresh token ends the session with a reason for the login page.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, ApiError, refresh, setApiBase } from '../../web/src/api/client.js';
import { getSession, sessionExpired, setSession, takeEndReason } from '../../web/src/api/session.js';
import type { AuthResponse, UserSelf } from '../../web/src/api/types.js';
import { buildTestApp, type TestApp } from '../support/build-app.js';

const PASSWORD = 'lantern-orbit-pebble-91';

describe('web API client: token refresh against the real server', () => {
  let t: TestApp;
  let refreshCalls = 0;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    t = await buildTestApp({ env: { RATE_LIMIT_ENABLED: 'false' } });
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    setApiBase(`${address}/api/v1`);
    // Counts the rotations the client makes; every request still goes to the server unchanged.
    globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (url.endsWith('/auth/refresh')) refreshCalls += 1;
      return realFetch(input, init);
    };
    await api('/auth/register', { method: 'POST', body: { email: 'cleo@example.com', username: 'cleo', password: PASSWORD } });
  });

  afterAll(async () => {
    globalThis.fetch = realFetch;
    await t?.close();
  });

  beforeEach(async () => {
    setSession(null);
    takeEndReason();
    const auth = await api<AuthResponse>('/auth/login', { method: 'POST', body: { email: 'cleo@example.com', password: PASSWORD } });
    setSession({ user: auth.user, accessToken: auth.access_token, refreshToken: auth.refresh_token });
    refreshCalls = 0;
  });

  // Expiry itself cannot be waited for here: verification allows 30 s of clock leeway (contract §5.2).
  function refuseAccessToken() {
    setSession({ ...getSession()!, accessToken: 'eyJhbGciOiJFZERTQSJ9.e30.expired' });
  }

  it('refreshes a refused access token once and retries the request, keeping the user signed in', async () => {
    refuseAccessToken();
    const before = getSession()!;
    const me = await api<UserSelf>('/users/me');
    expect(me.username).toBe('cleo');
    expect(refreshCalls).toBe(1);
    const after = getSession()!;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.user.id).toBe(before.user.id);
  });

  it('shares one rotation among concurrent requests that all got 401', async () => {
    refuseAccessToken();
    const results = await Promise.all(Array.from({ length: 6 }, () => api<UserSelf>('/users/me')));
    expect(results.map((r) => r.username)).toEqual(Array(6).fill('cleo'));
    expect(refreshCalls).toBe(1);
    // The rotated token is the live one: the next rotation works (a replayed token would have revoked all).
    expect(await refresh()).toBe(true);
    expect(sessionExpired()).toBe(false);
  });

  it('ends the session with a reason when the refresh token was already used (replay)', async () => {
    const stale = getSession()!;
    expect(await refresh()).toBe(true);
    // Back to the rotated-away token, as a stolen copy would be, with an access token that no longer passes.
    setSession({ ...stale, accessToken: 'not-a-token' });
    const failure = await api('/users/me').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(getSession()).toBeNull();
    expect(sessionExpired()).toBe(true);
    expect(takeEndReason()).toMatch(/log in again/);
    expect(takeEndReason()).toBeNull();
  });

  it('ends the session when it was revoked elsewhere (log out everywhere from another device)', async () => {
    const other = await api<AuthResponse>('/auth/login', { method: 'POST', body: { email: 'cleo@example.com', password: PASSWORD } });
    const mine = getSession()!;
    setSession({ ...mine, accessToken: other.access_token });
    await api('/auth/logout', { method: 'POST', body: { logout_all: true } });
    setSession(mine);
    await expect(api('/users/me')).rejects.toMatchObject({ status: 401 });
    expect(getSession()).toBeNull();
    expect(sessionExpired()).toBe(true);
  });

  it('does not try to refresh when nobody is signed in, and reports the problem document', async () => {
    setSession(null);
    const failure = (await api('/users/me').catch((err: unknown) => err)) as ApiError;
    expect(failure.status).toBe(401);
    expect(failure.problem?.type).toMatch(/unauthorized$/);
    expect(refreshCalls).toBe(0);
    expect(sessionExpired()).toBe(false);
  });
});
