/**
 * Contract §10.1 likes, §6 `GET /users/{id}/likes` and §7.1 `liked_by_me`: idempotence and events, exact
 * counters under concurrency, existence hiding on every route, and both pagination modes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeUserContent } from '../../src/application/gallery/purge-user-content.js';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { bearer, makeAdmin, NO_LIMITS, outboxEvents, PASSWORD, register, TIMESTAMP, type Account } from './helpers/identity.js';
import type { ImageJson } from './helpers/images.js';
import { expectJson, expectProblem } from './helpers/problem.js';
import { comment, counters, getJson, like, makeImage, setImageStatus, setImageVisibility, setUserStatus, unlike, walkCursor, type PageJson } from './helpers/social.js';

const UNKNOWN_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';

let t: TestApp;
let owner: Account;
let fan: Account;
let stranger: Account;
let admin: Account;

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS });
  [owner, fan, stranger] = [await register(t.app), await register(t.app), await register(t.app)];
  admin = await makeAdmin(t);
});
afterAll(() => t.close());

interface LikerJson {
  user: { id: string; username: string; display_name: string };
  created_at: string;
}

describe('POST and DELETE /images/{id}/like', () => {
  it('likes once, repeats change nothing, and only real changes emit events', async () => {
    const id = await makeImage(t, owner.id);
    expect(expectJson(await like(t, fan.access, id))).toEqual({ liked: true, like_count: 1 });
    expect(expectJson(await like(t, fan.access, id))).toEqual({ liked: true, like_count: 1 });
    expect(await outboxEvents(t, 'image.liked', id)).toEqual([{ payload: { image_id: id, user_id: fan.id, like_count: 1 }, actor_id: fan.id }]);

    expect(expectJson(await unlike(t, fan.access, id))).toEqual({ liked: false, like_count: 0 });
    expect(expectJson(await unlike(t, fan.access, id))).toEqual({ liked: false, like_count: 0 });
    expect(await outboxEvents(t, 'image.unliked', id)).toEqual([{ payload: { image_id: id, user_id: fan.id, like_count: 0 }, actor_id: fan.id }]);
    expect(await counters(t, id)).toMatchObject({ like_count: 0 });
  });

  it('answers other methods with 405 and Allow', async () => {
    const id = await makeImage(t, owner.id);
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/images/${id}/like`, headers: bearer(fan.access) });
    expectProblem(res, { status: 405, slug: 'method-not-allowed' });
    expect(String(res.headers.allow).split(/,\s*/).sort()).toEqual(['DELETE', 'POST']);
  });

  it('lets owners like their own image', async () => {
    const id = await makeImage(t, owner.id);
    expect(expectJson(await like(t, owner.access, id))).toEqual({ liked: true, like_count: 1 });
  });

  it('needs a token (401), a well-formed id (400 path.id) and an existing image (404)', async () => {
    const id = await makeImage(t, owner.id);
    expectProblem(await like(t, null, id), { status: 401, slug: 'unauthorized' });
    expectProblem(await unlike(t, null, id), { status: 401, slug: 'unauthorized' });
    const bad = expectProblem(await like(t, fan.access, 'not-a-uuid'), { status: 400, slug: 'validation-error' });
    expect(bad.errors).toEqual([expect.objectContaining({ field: 'path.id' })]);
    expectProblem(await like(t, fan.access, UNKNOWN_ID), { status: 404, slug: 'not-found', instance: `/api/v1/images/${UNKNOWN_ID}/like` });
    expectProblem(await unlike(t, fan.access, UNKNOWN_ID), { status: 404, slug: 'not-found' });
  });

  it('answers 404 on a private image to strangers, exactly like a missing one, on every route', async () => {
    const id = await makeImage(t, owner.id, { visibility: 'private' });
    const missing = expectProblem(await like(t, stranger.access, UNKNOWN_ID), { status: 404, slug: 'not-found' });
    const hidden = expectProblem(await like(t, stranger.access, id), { status: 404, slug: 'not-found' });
    expect(hidden.detail).toBe(missing.detail);
    expectProblem(await unlike(t, stranger.access, id), { status: 404, slug: 'not-found' });
    expectProblem(await getJson(t, `/api/v1/images/${id}/likes`, stranger.access), { status: 404, slug: 'not-found' });
    expectProblem(await getJson(t, `/api/v1/images/${id}/likes`), { status: 404, slug: 'not-found' });
    expect(expectJson(await like(t, owner.access, id))).toEqual({ liked: true, like_count: 1 });
    expect(expectJson(await like(t, admin.access, id))).toEqual({ liked: true, like_count: 2 });
  });

  it.each(['processing', 'failed', 'flagged'])('a %s image: 409 to its owner and staff, 404 to others; unliking stays possible', async (status) => {
    const id = await makeImage(t, owner.id);
    expectJson(await like(t, owner.access, id));
    await setImageStatus(t, id, status);
    expectProblem(await like(t, owner.access, id), { status: 409, slug: 'conflict' });
    expectProblem(await like(t, admin.access, id), { status: 409, slug: 'conflict' });
    expectProblem(await like(t, fan.access, id), { status: 404, slug: 'not-found' });
    expect(expectJson(await unlike(t, owner.access, id))).toEqual({ liked: false, like_count: 0 });
  });

  it('keeps like_count exact under concurrent likes by many users and repeats by one (PGlite)', () => expectExactConcurrentLikes(t, owner, fan));
});

describe('concurrent likes on PostgreSQL (real parallel transactions)', () => {
  let pg: TestApp;
  beforeAll(async () => {
    pg = await buildTestApp({ env: NO_LIMITS, engine: 'postgres' });
  });
  afterAll(() => pg.close());

  it('keeps like_count exact under concurrent likes by many users and repeats by one', async () => {
    await expectExactConcurrentLikes(pg, await register(pg.app), await register(pg.app));
  });
});

/** 20 users like at once, then one user likes 20 times at once; then all of it is undone at once. */
async function expectExactConcurrentLikes(app: TestApp, imageOwner: Account, repeater: Account): Promise<void> {
  const id = await makeImage(app, imageOwner.id);
  const users: Account[] = [];
  for (let i = 0; i < 20; i++) users.push(await register(app.app));
  const many = await Promise.all(users.map((u) => like(app, u.access, id)));
  expect(many.map((r) => r.statusCode)).toEqual(users.map(() => 200));
  const repeats = await Promise.all(users.map(() => like(app, repeater.access, id)));
  expect(repeats.map((r) => r.statusCode)).toEqual(users.map(() => 200));
  expect(await counters(app, id)).toMatchObject({ like_count: 21 });
  expect(await outboxEvents(app, 'image.liked', id)).toHaveLength(21);
  await Promise.all([...users.map((u) => unlike(app, u.access, id)), ...users.map(() => unlike(app, repeater.access, id))]);
  expect(await counters(app, id)).toMatchObject({ like_count: 0 });
  expect(await outboxEvents(app, 'image.unliked', id)).toHaveLength(21);
}

describe('GET /images/{id}/likes', () => {
  let id: string;
  let likers: Account[];
  beforeAll(async () => {
    id = await makeImage(t, owner.id);
    likers = [fan, stranger, owner, admin];
    for (const u of likers) {
      expectJson(await like(t, u.access, id));
      await new Promise((resolve) => setTimeout(resolve, 3)); // distinct timestamps keep "newest first" observable
    }
  });

  it('lists likers newest first as UserSummary + created_at, in page mode', async () => {
    const body = expectJson(await getJson(t, `/api/v1/images/${id}/likes?per_page=3`)) as PageJson<LikerJson>;
    expect(body.pagination).toEqual({ page: 1, per_page: 3, total: 4, total_pages: 2 });
    expect(body.items.map((i) => i.user.id)).toEqual([admin.id, owner.id, stranger.id]);
    expect(body.items[0]).toEqual({ user: { id: admin.id, username: admin.username, display_name: expect.any(String) }, created_at: expect.stringMatching(TIMESTAMP) });
    const second = expectJson(await getJson(t, `/api/v1/images/${id}/likes?per_page=3&page=2`)) as PageJson<LikerJson>;
    expect(second.items.map((i) => i.user.id)).toEqual([fan.id]);
  });

  it('gives the same order in cursor mode, and refuses a cursor replayed elsewhere or mixed with page', async () => {
    const all = await walkCursor<LikerJson>(t, `/api/v1/images/${id}/likes`, null, 3);
    expect(all.map((i) => i.user.id)).toEqual([...likers].reverse().map((u) => u.id));
    const first = (expectJson(await getJson(t, `/api/v1/images/${id}/likes?per_page=1&cursor=`)) as PageJson<LikerJson>).pagination;
    expect(first).toEqual({ per_page: 1, next_cursor: expect.any(String) });
    const other = await makeImage(t, owner.id);
    expectProblem(await getJson(t, `/api/v1/images/${other}/likes?cursor=${first.next_cursor}`), { status: 400, slug: 'bad-request' });
    expectProblem(await getJson(t, `/api/v1/images/${id}/likes?cursor=%%%`), { status: 400, slug: 'bad-request' });
    const mixed = expectProblem(await getJson(t, `/api/v1/images/${id}/likes?page=1&cursor=`), { status: 400, slug: 'validation-error' });
    expect(mixed.errors).toEqual([expect.objectContaining({ field: 'query.page' })]);
    const range = expectProblem(await getJson(t, `/api/v1/images/${id}/likes?per_page=101`), { status: 400, slug: 'validation-error' });
    expect(range.errors).toEqual([expect.objectContaining({ field: 'query.per_page' })]);
  });
});

describe('liked_by_me', () => {
  it('is true for the liker and false for others on single images and lists; absent for anonymous callers', async () => {
    const id = await makeImage(t, owner.id, { title: `liked ${Date.now()}` });
    expectJson(await like(t, fan.access, id));
    const mine = expectJson(await getJson(t, `/api/v1/images/${id}`, fan.access)) as ImageJson;
    expect(mine).toMatchObject({ liked_by_me: true, like_count: 1 });
    expect(expectJson(await getJson(t, `/api/v1/images/${id}`, stranger.access))).toMatchObject({ liked_by_me: false });
    expect(expectJson(await getJson(t, `/api/v1/images/${id}`))).not.toHaveProperty('liked_by_me');

    for (const url of [`/api/v1/users/${owner.id}/images?per_page=100`, `/api/v1/images?owner_id=${owner.id}&per_page=100`, `/api/v1/users/${fan.id}/likes`]) {
      const list = expectJson(await getJson(t, url, fan.access)) as PageJson<ImageJson>;
      expect(list.items.find((i) => i.id === id), url).toMatchObject({ liked_by_me: true });
      expect(list.items.every((i) => typeof i.liked_by_me === 'boolean')).toBe(true);
      const strangers = expectJson(await getJson(t, url, stranger.access)) as PageJson<ImageJson>;
      expect(strangers.items.find((i) => i.id === id), url).toMatchObject({ liked_by_me: false });
      const anonymous = expectJson(await getJson(t, url)) as PageJson<ImageJson>;
      expect(anonymous.items.every((i) => !('liked_by_me' in i))).toBe(true);
    }
  });
});

describe('GET /users/{id}/likes', () => {
  let liker: Account;
  const ids = {} as Record<'pub' | 'unlisted' | 'nsfw' | 'madePrivate' | 'deleted', string>;
  beforeAll(async () => {
    liker = await register(t.app);
    ids.pub = await makeImage(t, owner.id);
    ids.unlisted = await makeImage(t, owner.id, { visibility: 'unlisted' });
    ids.nsfw = await makeImage(t, owner.id, { contentRating: 'nsfw' });
    ids.madePrivate = await makeImage(t, owner.id);
    ids.deleted = await makeImage(t, owner.id);
    for (const id of [ids.pub, ids.unlisted, ids.nsfw, ids.madePrivate, ids.deleted]) {
      expectJson(await like(t, liker.access, id));
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    await setImageVisibility(t, ids.madePrivate, 'private');
    await setImageStatus(t, ids.deleted, 'deleted');
  });
  const listed = async (token: string | null, query = '') => {
    const body = expectJson(await getJson(t, `/api/v1/users/${liker.id}/likes${query}`, token)) as PageJson<ImageJson>;
    return body.items.map((i) => i.id);
  };

  it('shows the newest like first, only images the caller can read', async () => {
    const everyone = [ids.nsfw, ids.unlisted, ids.pub];
    expect(await listed(null)).toEqual(everyone);
    expect(await listed(stranger.access)).toEqual(everyone);
    expect(await listed(liker.access)).toEqual(everyone);
    expect(await listed(owner.access)).toEqual([ids.madePrivate, ...everyone]);
    expect(await listed(admin.access)).toEqual([ids.madePrivate, ...everyone]);
  });

  it('filters by content_rating (default all) and pages in both modes', async () => {
    expect(await listed(null, '?content_rating=nsfw')).toEqual([ids.nsfw]);
    expect(await listed(null, '?content_rating=safe')).toEqual([ids.unlisted, ids.pub]);
    const page = expectJson(await getJson(t, `/api/v1/users/${liker.id}/likes?per_page=2&page=2`)) as PageJson<ImageJson>;
    expect(page.pagination).toEqual({ page: 2, per_page: 2, total: 3, total_pages: 2 });
    expect(page.items.map((i) => i.id)).toEqual([ids.pub]);
    const walked = await walkCursor<ImageJson>(t, `/api/v1/users/${liker.id}/likes`, owner.access, 2);
    expect(walked.map((i) => i.id)).toEqual([ids.madePrivate, ids.nsfw, ids.unlisted, ids.pub]);
    const first = (expectJson(await getJson(t, `/api/v1/users/${liker.id}/likes?per_page=1&cursor=`)) as PageJson<ImageJson>).pagination;
    expectProblem(await getJson(t, `/api/v1/users/${liker.id}/likes?content_rating=safe&cursor=${first.next_cursor}`), { status: 400, slug: 'bad-request' });
    const bad = expectProblem(await getJson(t, `/api/v1/users/${liker.id}/likes?content_rating=spicy`), { status: 400, slug: 'validation-error' });
    expect(bad.errors).toEqual([expect.objectContaining({ field: 'query.content_rating' })]);
  });

  it('resolves me, and hides unknown, banned (except to staff) and deleted users', async () => {
    expect((expectJson(await getJson(t, '/api/v1/users/me/likes', liker.access)) as PageJson<ImageJson>).items).toHaveLength(3);
    expectProblem(await getJson(t, '/api/v1/users/me/likes'), { status: 401, slug: 'unauthorized' });
    expectProblem(await getJson(t, `/api/v1/users/${UNKNOWN_ID}/likes`), { status: 404, slug: 'not-found' });
    const banned = await register(t.app);
    await setUserStatus(t, banned.id, 'banned');
    expectProblem(await getJson(t, `/api/v1/users/${banned.id}/likes`, stranger.access), { status: 404, slug: 'not-found' });
    expectJson(await getJson(t, `/api/v1/users/${banned.id}/likes`, admin.access));
    await setUserStatus(t, banned.id, 'deleted');
    expectProblem(await getJson(t, `/api/v1/users/${banned.id}/likes`, admin.access), { status: 404, slug: 'not-found' });
  });
});

describe('account purge', () => {
  it('removes a deleted user’s likes and comments and lowers the counters of other people’s images', async () => {
    const leaving = await register(t.app);
    const a = await makeImage(t, owner.id);
    const b = await makeImage(t, owner.id);
    expectJson(await like(t, leaving.access, a));
    expectJson(await like(t, leaving.access, b));
    expectJson(await like(t, fan.access, a));
    for (const content of ['one', 'two']) expectJson(await comment(t, leaving.access, a, { content }), 201);
    const gone = expectJson(await comment(t, leaving.access, b, { content: 'deleted before' }), 201) as { id: string };
    expectJson(await comment(t, fan.access, a, { content: 'stays' }), 201);
    await t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${gone.id}`, headers: bearer(leaving.access) });
    expect(await counters(t, a)).toEqual({ like_count: 2, comment_count: 3 });

    const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${leaving.id}`, headers: bearer(leaving.access), payload: { password: PASSWORD } });
    expect(res.statusCode, res.body).toBe(204);
    await purgeUserContent(t.container.ports, { userId: leaving.id });
    expect(await counters(t, a)).toEqual({ like_count: 1, comment_count: 1 });
    expect(await counters(t, b)).toEqual({ like_count: 0, comment_count: 0 });
    const left = await t.container.sql.db.selectFrom('comments').select('author_id').where('author_id', '=', leaving.id).execute();
    expect(left).toEqual([]);
    await purgeUserContent(t.container.ports, { userId: leaving.id });
    expect(await counters(t, a)).toEqual({ like_count: 1, comment_count: 1 });
  });
});
