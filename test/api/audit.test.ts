/** Contract §12.4: GET /moderation/audit — admins only, filters, both pagination modes, and what entries hold. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { banOk, unban } from './helpers/bans.js';
import { loginRequest, makeAdmin, NO_LIMITS, PASSWORD, register, TIMESTAMP, type Account } from './helpers/identity.js';
import { expectJson, expectProblem } from './helpers/problem.js';
import { makeModerator } from './helpers/reports.js';
import { getJson, walkCursor, type PageJson } from './helpers/social.js';

interface AuditJson {
  id: string;
  action: string;
  actor: { id: string; username: string; display_name: string } | null;
  ip_address: string | null;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  created_at: string;
}

const KEYS = ['action', 'actor', 'created_at', 'details', 'id', 'ip_address', 'target_id', 'target_type'];

describe('GET /moderation/audit', () => {
  let t: TestApp;
  let admin: Account;
  let mod: Account;
  let target: Account;
  let banId: string;
  const audit = async (query: string, token?: string) => expectJson(await getJson(t, `/api/v1/moderation/audit${query}`, token ?? admin.access)) as PageJson<AuditJson>;

  beforeAll(async () => {
    t = await buildTestApp({ env: NO_LIMITS });
    admin = await makeAdmin(t);
    mod = await makeModerator(t, admin);
    target = await register(t.app);
    banId = (await banOk(t, mod.access, target.id, { reason: 'audit me' })).id;
    expect((await unban(t, admin.access, target.id)).statusCode).toBe(204);
    expect((await loginRequest(t.app, target.email, 'definitely-the-wrong-password')).statusCode).toBe(401);
  });
  afterAll(() => t.close());

  it('admins only: 401 anonymous, 403 a moderator or a normal user', async () => {
    expectProblem(await getJson(t, '/api/v1/moderation/audit'), { status: 401, slug: 'unauthorized' });
    expectProblem(await getJson(t, '/api/v1/moderation/audit', mod.access), { status: 403, slug: 'forbidden' });
    const user = await register(t.app);
    expectProblem(await getJson(t, '/api/v1/moderation/audit', user.access), { status: 403, slug: 'forbidden' });
  });

  it('holds the ban and the unban, newest first, with the actor as a UserSummary', async () => {
    const page = await audit(`?target_type=user&target_id=${target.id}&action=user.banned&action=user.unbanned`);
    expect(page.items.map((e) => e.action)).toEqual(['user.unbanned', 'user.banned']);
    const [unbanned, banned] = page.items;
    expect(Object.keys(banned ?? {}).sort()).toEqual(KEYS);
    expect(banned).toMatchObject({ actor: { id: mod.id, username: mod.username }, target_type: 'user', target_id: target.id, details: { ban_id: banId, reason: 'audit me', expires_at: null } });
    expect(unbanned).toMatchObject({ actor: { id: admin.id }, details: { ban_id: banId, cause: 'revoked' } });
    expect(banned?.created_at).toMatch(TIMESTAMP);
    expect(typeof banned?.ip_address).toBe('string');
  });

  it('anonymous entries have a null actor; filters by actor_id, since and until narrow', async () => {
    const failed = await audit('?action=auth.login_failed');
    expect(failed.items.find((e) => e.target_id === target.id)).toMatchObject({ actor: null, details: { email: target.email } });
    const byMod = await audit(`?actor_id=${mod.id}`);
    expect(byMod.items.length).toBeGreaterThan(0);
    expect(byMod.items.every((e) => e.actor?.id === mod.id)).toBe(true);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await audit(`?since=${future}`)).items).toEqual([]);
    expect((await audit(`?until=${future}`)).items.length).toBeGreaterThan(0);
    expect((await audit('?until=2000-01-01T00:00:00.000Z')).items).toEqual([]);
  });

  it('both pagination modes walk the same entries', async () => {
    const all = await audit('?per_page=100');
    expect(all.pagination).toMatchObject({ page: 1, per_page: 100, total: all.items.length, total_pages: 1 });
    const walked = await walkCursor<AuditJson>(t, '/api/v1/moderation/audit', admin.access, 2);
    expect(walked.map((e) => e.id)).toEqual(all.items.map((e) => e.id));
    const times = all.items.map((e) => e.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await audit('?per_page=2&page=2');
    expect(second.items.map((e) => e.id)).toEqual(all.items.slice(2, 4).map((e) => e.id));
  });

  it('400 for bad filters and a cursor replayed with other filters', async () => {
    expectProblem(await getJson(t, '/api/v1/moderation/audit?actor_id=nope', admin.access), { status: 400, slug: 'validation-error' });
    expectProblem(await getJson(t, '/api/v1/moderation/audit?target_type=album', admin.access), { status: 400, slug: 'validation-error' });
    expectProblem(await getJson(t, '/api/v1/moderation/audit?since=yesterday', admin.access), { status: 400, slug: 'validation-error' });
    const first = await audit('?per_page=1&cursor=');
    const cursor = first.pagination.next_cursor ?? '';
    expectProblem(await getJson(t, `/api/v1/moderation/audit?per_page=1&action=user.banned&cursor=${encodeURIComponent(cursor)}`, admin.access), { status: 400, slug: 'bad-request' });
  });

  it('the ban and audit routes are documented in the OpenAPI document', async () => {
    const doc = expectJson(await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/v1/moderation/audit'] ?? {})).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/moderation/bans'] ?? {})).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/users/{id}/ban'] ?? {}).sort()).toEqual(expect.arrayContaining(['delete', 'post']));
  });

  it('never exposes passwords, tokens, hashes or GPS', async () => {
    const text = JSON.stringify((await audit('?per_page=100')).items);
    for (const secret of [PASSWORD, 'definitely-the-wrong-password', target.access, target.refresh, admin.access, '$argon2id$', 'gps', 'latitude']) {
      expect(text).not.toContain(secret);
    }
  });
});
