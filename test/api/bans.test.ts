/** Contract §12.3 bans: each route and role, the effects of a ban (sessions, login, visibility) and its end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireBans } from '../../src/application/moderation/expire-bans.js';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { ban, banOk, insertEndedBan, unban, type BanJson } from './helpers/bans.js';
import { ADAPTERS, auditEntries, bearer, login, loginRequest, makeAdmin, me, NO_LIMITS, outboxEvents, register, TIMESTAMP, type Account } from './helpers/identity.js';
import { expectJson, expectProblem } from './helpers/problem.js';
import { makeModerator } from './helpers/reports.js';
import { getJson, makeImage, type PageJson } from './helpers/social.js';

const UNKNOWN_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';
const BAN_KEYS = ['created_at', 'created_by', 'expires_at', 'id', 'reason', 'report_id', 'revoked_at', 'revoked_by', 'status', 'user'];

describe.each(ADAPTERS)('bans on $name adapters', ({ opts }) => {
  let t: TestApp;
  let admin: Account;
  let mod: Account;
  beforeAll(async () => {
    t = await buildTestApp({ ...opts, env: NO_LIMITS });
    admin = await makeAdmin(t);
    mod = await makeModerator(t, admin);
  });
  afterAll(() => t.close());

  describe('POST /users/{id}/ban', () => {
    it('201 Ban; the user is banned, their live access token is 401 at once; event and audit entry written', async () => {
      const target = await register(t.app);
      expect((await me(t.app, target.access)).statusCode).toBe(200);
      const res = await ban(t, mod.access, target.id, { reason: '  spamming comments  ' });
      const body = expectJson(res, 201) as BanJson;
      expect(Object.keys(body).sort()).toEqual(BAN_KEYS);
      expect(body).toMatchObject({ user: { id: target.id, username: target.username }, reason: 'spamming comments', created_by: { id: mod.id }, report_id: null, expires_at: null, revoked_at: null, revoked_by: null, status: 'active' });
      expect(body.created_at).toMatch(TIMESTAMP);
      expectProblem(await me(t.app, target.access), { status: 401, slug: 'unauthorized' });
      expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refresh_token: target.refresh } }), { status: 401, slug: 'unauthorized' });
      const [event] = await outboxEvents(t, 'user.banned', target.id);
      expect(event?.payload).toEqual({ user_id: target.id, ban_id: body.id, reason: 'spamming comments', expires_at: null, banned_by: mod.id, report_id: null });
      const audit = (await auditEntries(t, 'user.banned')).filter((e) => e.target_id === target.id);
      expect(audit).toEqual([{ actor_id: mod.id, target_type: 'user', target_id: target.id, details: { ban_id: body.id, reason: 'spamming comments', expires_at: null } }]);
    });

    it('a timed ban ends `duration_hours` after it starts', async () => {
      const target = await register(t.app);
      const body = await banOk(t, admin.access, target.id, { reason: 'cool off', duration_hours: 24 });
      expect(Date.parse(body.expires_at ?? '') - Date.parse(body.created_at)).toBe(24 * 3_600_000);
    });

    it('409 when already actively banned', async () => {
      const target = await register(t.app);
      await banOk(t, mod.access, target.id);
      expectProblem(await ban(t, admin.access, target.id), { status: 409, slug: 'conflict' });
    });

    it('two concurrent timed bans of one user: one 201, one 409 (the user row lock serialises them)', async () => {
      const target = await register(t.app);
      const results = await Promise.all([ban(t, mod.access, target.id, { reason: 'a', duration_hours: 5 }), ban(t, admin.access, target.id, { reason: 'b', duration_hours: 6 })]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const list = expectJson(await getJson(t, `/api/v1/moderation/bans?user_id=${target.id}&status=active`, mod.access)) as PageJson<BanJson>;
      expect(list.items).toHaveLength(1);
    });

    it('403 banning oneself, a moderator banning a moderator or an admin; an admin may ban a moderator', async () => {
      expectProblem(await ban(t, mod.access, 'me'), { status: 403, slug: 'forbidden' });
      expectProblem(await ban(t, mod.access, mod.id), { status: 403, slug: 'forbidden' });
      expectProblem(await ban(t, admin.access, admin.id), { status: 403, slug: 'forbidden' });
      expectProblem(await ban(t, mod.access, admin.id), { status: 403, slug: 'forbidden' });
      const other = await makeModerator(t, admin);
      expectProblem(await ban(t, mod.access, other.id), { status: 403, slug: 'forbidden' });
      await banOk(t, admin.access, other.id);
    });

    it('401 anonymous, 403 a normal user, 404 unknown or deleted user', async () => {
      const target = await register(t.app);
      const user = await register(t.app);
      expectProblem(await ban(t, null, target.id), { status: 401, slug: 'unauthorized' });
      expectProblem(await ban(t, user.access, target.id), { status: 403, slug: 'forbidden' });
      expectProblem(await ban(t, mod.access, UNKNOWN_ID), { status: 404, slug: 'not-found' });
      const gone = await register(t.app);
      const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${gone.id}`, headers: bearer(admin.access) });
      expect(del.statusCode).toBe(204);
      expectProblem(await ban(t, mod.access, gone.id), { status: 404, slug: 'not-found' });
    });

    it('400 for a bad reason or duration (all fields at once) and unknown keys', async () => {
      const target = await register(t.app);
      const body = expectProblem(await ban(t, mod.access, target.id, { reason: '   ', duration_hours: 0 }), { status: 400, slug: 'validation-error' });
      expect((body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['body.duration_hours', 'body.reason']);
      expectProblem(await ban(t, mod.access, target.id, { reason: 'x'.repeat(501) }), { status: 400, slug: 'validation-error' });
      expectProblem(await ban(t, mod.access, target.id, { reason: 'ok', duration_hours: 87_601 }), { status: 400, slug: 'validation-error' });
      expectProblem(await ban(t, mod.access, target.id, { reason: 'ok', extra: 1 }), { status: 400, slug: 'validation-error' });
      expectProblem(await ban(t, mod.access, target.id, {}), { status: 400, slug: 'validation-error' });
    });
  });

  describe('login of a banned user', () => {
    it('403 account-banned with banned_until and ban_reason after a correct password; 401 with a wrong one', async () => {
      const target = await register(t.app);
      const made = await banOk(t, mod.access, target.id, { reason: 'harassment', duration_hours: 48 });
      const body = expectProblem(await loginRequest(t.app, target.email, target.password), { status: 403, slug: 'account-banned' });
      expect(body).toMatchObject({ banned_until: made.expires_at, ban_reason: 'harassment' });
      const wrong = expectProblem(await loginRequest(t.app, target.email, 'not-the-password-at-all'), { status: 401, slug: 'invalid-credentials' });
      expect(wrong).not.toHaveProperty('ban_reason');
    });

    it('a permanent ban answers banned_until null', async () => {
      const target = await register(t.app);
      await banOk(t, mod.access, target.id, { reason: 'spam bot' });
      expect(expectProblem(await loginRequest(t.app, target.email, target.password), { status: 403, slug: 'account-banned' })).toMatchObject({ banned_until: null, ban_reason: 'spam bot' });
    });

    it('a timed ban that has ended lets the login through and emits user.unbanned (expired)', async () => {
      const target = await register(t.app);
      const banId = await insertEndedBan(t, target.id, mod.id);
      const res = await loginRequest(t.app, target.email, target.password);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ user: { status: string } }>().user.status).toBe('active');
      expect((await outboxEvents(t, 'user.unbanned', target.id)).map((e) => e.payload)).toEqual([{ user_id: target.id, ban_id: banId, cause: 'expired', revoked_by: null }]);
      expect((await auditEntries(t, 'user.unbanned')).filter((e) => e.target_id === target.id)).toEqual([{ actor_id: null, target_type: 'user', target_id: target.id, details: { ban_id: banId, cause: 'expired' } }]);
    });
  });

  describe('the expiry sweeper', () => {
    it('lifts ended timed bans once, leaves running and permanent ones', async () => {
      const timed = await register(t.app);
      const permanent = await register(t.app);
      await banOk(t, mod.access, timed.id, { reason: 'short', duration_hours: 1 });
      await banOk(t, mod.access, permanent.id, { reason: 'forever' });
      const ports = t.container.ports;
      expect(await expireBans(ports)).toBe(0);
      const later = { ...ports, clock: { now: () => new Date(Date.now() + 2 * 3_600_000) } };
      expect(await expireBans(later)).toBeGreaterThanOrEqual(1);
      expect(await expireBans(later)).toBe(0);
      expect((await outboxEvents(t, 'user.unbanned', timed.id)).map((e) => e.payload.cause)).toEqual(['expired']);
      expect(await outboxEvents(t, 'user.unbanned', permanent.id)).toEqual([]);
      await login(t.app, timed);
      expectProblem(await loginRequest(t.app, permanent.email, permanent.password), { status: 403, slug: 'account-banned' });
      const list = expectJson(await getJson(t, `/api/v1/moderation/bans?user_id=${timed.id}`, mod.access)) as PageJson<BanJson>;
      expect(list.items.map((b) => b.status)).toEqual(['active']);
    });
  });

  describe('DELETE /users/{id}/ban', () => {
    it('admin revokes: 204, user.unbanned (revoked), audited, login works again; a second time 404', async () => {
      const target = await register(t.app);
      const made = await banOk(t, mod.access, target.id);
      expectProblem(await unban(t, mod.access, target.id), { status: 403, slug: 'forbidden' });
      expectProblem(await unban(t, null, target.id), { status: 401, slug: 'unauthorized' });
      const res = await unban(t, admin.access, target.id);
      expect(res.statusCode, res.body).toBe(204);
      expect((await outboxEvents(t, 'user.unbanned', target.id)).map((e) => e.payload)).toEqual([{ user_id: target.id, ban_id: made.id, cause: 'revoked', revoked_by: admin.id }]);
      expect((await auditEntries(t, 'user.unbanned')).filter((e) => e.target_id === target.id)).toEqual([{ actor_id: admin.id, target_type: 'user', target_id: target.id, details: { ban_id: made.id, cause: 'revoked' } }]);
      await login(t.app, target);
      expectProblem(await unban(t, admin.access, target.id), { status: 404, slug: 'not-found' });
      const list = expectJson(await getJson(t, `/api/v1/moderation/bans?user_id=${target.id}`, mod.access)) as PageJson<BanJson>;
      expect(list.items[0]).toMatchObject({ id: made.id, status: 'revoked', revoked_by: { id: admin.id } });
      expect(list.items[0]?.revoked_at).toMatch(TIMESTAMP);
      expectProblem(await unban(t, admin.access, UNKNOWN_ID), { status: 404, slug: 'not-found' });
    });
  });

  describe('GET /moderation/bans', () => {
    it('staff only: 401 anonymous, 403 a normal user', async () => {
      const user = await register(t.app);
      expectProblem(await getJson(t, '/api/v1/moderation/bans'), { status: 401, slug: 'unauthorized' });
      expectProblem(await getJson(t, '/api/v1/moderation/bans', user.access), { status: 403, slug: 'forbidden' });
    });

    it('newest first, filtered by status (repeatable) and user_id, in both pagination modes', async () => {
      const a = await register(t.app);
      const b = await register(t.app);
      const first = await banOk(t, mod.access, a.id, { reason: 'one' });
      expect((await unban(t, admin.access, a.id)).statusCode).toBe(204);
      const second = await banOk(t, mod.access, a.id, { reason: 'two' });
      const third = await banOk(t, mod.access, b.id, { reason: 'three' });
      const ids = (res: Awaited<ReturnType<typeof getJson>>) => (expectJson(res) as PageJson<BanJson>).items.map((x) => x.id);
      expect(ids(await getJson(t, `/api/v1/moderation/bans?user_id=${a.id}`, mod.access))).toEqual([second.id, first.id]);
      expect(ids(await getJson(t, `/api/v1/moderation/bans?user_id=${a.id}&status=revoked`, mod.access))).toEqual([first.id]);
      expect(ids(await getJson(t, `/api/v1/moderation/bans?user_id=${a.id}&status=revoked&status=active`, mod.access))).toEqual([second.id, first.id]);
      const all = expectJson(await getJson(t, '/api/v1/moderation/bans?per_page=2', admin.access)) as PageJson<BanJson>;
      expect(all.items.map((x) => x.id)).toEqual([third.id, second.id]);
      expect(all.pagination).toMatchObject({ page: 1, per_page: 2 });
      expect(all.pagination.total).toBeGreaterThanOrEqual(3);
      const walked: BanJson[] = [];
      let cursor = '';
      for (;;) {
        const page = expectJson(await getJson(t, `/api/v1/moderation/bans?status=active&per_page=1&cursor=${encodeURIComponent(cursor)}`, mod.access)) as PageJson<BanJson>;
        walked.push(...page.items);
        if (!page.pagination.next_cursor) break;
        cursor = page.pagination.next_cursor;
      }
      expect(walked.every((x) => x.status === 'active')).toBe(true);
      expect(walked.map((x) => x.id).slice(0, 2)).toEqual([third.id, second.id]);
      expectProblem(await getJson(t, `/api/v1/moderation/bans?status=active&per_page=1&cursor=${encodeURIComponent(cursor || 'x')}&user_id=${a.id}`, mod.access), { status: 400, slug: 'bad-request' });
      expectProblem(await getJson(t, '/api/v1/moderation/bans?status=nope', mod.access), { status: 400, slug: 'validation-error' });
      expectProblem(await getJson(t, '/api/v1/moderation/bans?page=1&cursor=', mod.access), { status: 400, slug: 'validation-error' });
    });
  });

  describe('what a ban hides', () => {
    it("the user's public image is 404 to strangers and gone from /explore/recent; staff still read it; the profile is 404 to non-staff", async () => {
      const owner = await register(t.app);
      const stranger = await register(t.app);
      const imageId = await makeImage(t, owner.id, { title: 'banned-owner-image' });
      expect((await getJson(t, `/api/v1/images/${imageId}`, stranger.access)).statusCode).toBe(200);
      await banOk(t, mod.access, owner.id);
      for (const token of [stranger.access, null]) {
        expectProblem(await getJson(t, `/api/v1/images/${imageId}`, token), { status: 404, slug: 'not-found' });
        expectProblem(await getJson(t, `/api/v1/users/${owner.id}`, token), { status: 404, slug: 'not-found' });
        const recent = expectJson(await getJson(t, '/api/v1/explore/recent?per_page=100', token)) as PageJson<{ id: string }>;
        expect(recent.items.map((i) => i.id)).not.toContain(imageId);
      }
      expect((await getJson(t, `/api/v1/images/${imageId}`, mod.access)).statusCode).toBe(200);
      expect((await getJson(t, `/api/v1/users/${owner.id}`, mod.access)).statusCode).toBe(200);
    });
  });
});
