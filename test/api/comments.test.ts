/**
 * Contract §10.2 comments: content rules and verbatim storage, counters, events without text, existence
 * hiding, who may delete (403 vs 404, staff audited), both pagination modes and the per-user rate limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { auditEntries, bearer, makeAdmin, NO_LIMITS, outboxEvents, register, TIMESTAMP, type Account } from './helpers/identity.js';
import { expectJson, expectProblem, UUID_V7 } from './helpers/problem.js';
import { comment, counters, getJson, makeImage, setImageStatus, walkCursor, type PageJson } from './helpers/social.js';

const UNKNOWN_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';

interface CommentJson {
  id: string;
  image_id: string;
  author: { id: string; username: string; display_name: string };
  content: string;
  created_at: string;
}

let t: TestApp;
let owner: Account;
let author: Account;
let reader: Account;
let admin: Account;

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS });
  [owner, author, reader] = [await register(t.app), await register(t.app), await register(t.app)];
  admin = await makeAdmin(t);
});
afterAll(() => t.close());

const remove = (token: string | null, id: string) => t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${id}`, headers: token ? bearer(token) : {} });
const post = async (imageId: string, content: string, token = author.access) => expectJson(await comment(t, token, imageId, { content }), 201) as CommentJson;

describe('POST /images/{id}/comments', () => {
  it('creates a Comment (201, no Location), counts it and emits comment.added without the text', async () => {
    const imageId = await makeImage(t, owner.id);
    const res = await comment(t, author.access, imageId, { content: '  Lovely light\r\non the harbour  ' });
    const body = expectJson(res, 201) as CommentJson;
    expect(res.headers.location).toBeUndefined();
    expect(body).toEqual({ id: expect.stringMatching(UUID_V7), image_id: imageId, author: { id: author.id, username: author.username, display_name: expect.any(String) }, content: 'Lovely light\non the harbour', created_at: expect.stringMatching(TIMESTAMP) });
    expect(await counters(t, imageId)).toMatchObject({ comment_count: 1 });
    expect((expectJson(await getJson(t, `/api/v1/images/${imageId}`)) as { comment_count: number }).comment_count).toBe(1);
    const events = await outboxEvents(t, 'comment.added', body.id);
    expect(events).toEqual([{ payload: { comment_id: body.id, image_id: imageId, author_id: author.id }, actor_id: author.id }]);
  });

  it('stores markup verbatim and returns it unescaped', async () => {
    const imageId = await makeImage(t, owner.id);
    const script = '<script>alert("x")</script> & <b>bold</b>';
    expect((await post(imageId, script)).content).toBe(script);
    const list = expectJson(await getJson(t, `/api/v1/images/${imageId}/comments`)) as PageJson<CommentJson>;
    expect(list.items.map((c) => c.content)).toEqual([script]);
  });

  it('counts the 1000-character limit in code points, tabs and newlines allowed', async () => {
    const imageId = await makeImage(t, owner.id);
    expect((await post(imageId, '😀'.repeat(1000))).content).toBe('😀'.repeat(1000));
    expect((await post(imageId, 'a\tb\nc')).content).toBe('a\tb\nc');
    const long = expectProblem(await comment(t, author.access, imageId, { content: 'x'.repeat(1001) }), { status: 400, slug: 'validation-error' });
    expect(long.detail).toContain('at most 1000 characters');
    expect(long.errors).toEqual([{ field: 'body.content', message: 'must be at most 1000 characters' }]);
  });

  it.each([
    ['blank', { content: ' \n\t ' }, 'body.content'],
    ['a control character', { content: 'bell\u0007' }, 'body.content'],
    ['missing content', {}, 'body.content'],
    ['a number', { content: 5 }, 'body.content'],
    ['an unknown field', { content: 'hi', extra: true }, 'body.extra'],
  ])('refuses %s with 400 naming the field', async (_name, payload, field) => {
    const imageId = await makeImage(t, owner.id);
    const body = expectProblem(await comment(t, author.access, imageId, payload), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([expect.objectContaining({ field })]);
    expect(await counters(t, imageId)).toMatchObject({ comment_count: 0 });
  });

  it('needs a token (401) and a readable image (404, private ones included)', async () => {
    const imageId = await makeImage(t, owner.id, { visibility: 'private' });
    expectProblem(await comment(t, null, imageId, { content: 'hi' }), { status: 401, slug: 'unauthorized' });
    expectProblem(await comment(t, reader.access, UNKNOWN_ID, { content: 'hi' }), { status: 404, slug: 'not-found' });
    expectProblem(await comment(t, reader.access, imageId, { content: 'hi' }), { status: 404, slug: 'not-found', instance: `/api/v1/images/${imageId}/comments` });
    expectProblem(await getJson(t, `/api/v1/images/${imageId}/comments`, reader.access), { status: 404, slug: 'not-found' });
    expectProblem(await getJson(t, `/api/v1/images/${imageId}/comments`), { status: 404, slug: 'not-found' });
    await post(imageId, 'own private image', owner.access);
    expect((expectJson(await getJson(t, `/api/v1/images/${imageId}/comments`, admin.access)) as PageJson<CommentJson>).items).toHaveLength(1);
  });

  it.each(['processing', 'failed', 'flagged'])('a %s image: 409 to its owner and staff, 404 to others', async (status) => {
    const imageId = await makeImage(t, owner.id, { status: status as 'flagged' });
    expectProblem(await comment(t, owner.access, imageId, { content: 'hi' }), { status: 409, slug: 'conflict' });
    expectProblem(await comment(t, admin.access, imageId, { content: 'hi' }), { status: 409, slug: 'conflict' });
    expectProblem(await comment(t, reader.access, imageId, { content: 'hi' }), { status: 404, slug: 'not-found' });
  });
});

describe('GET /images/{id}/comments', () => {
  let imageId: string;
  let ids: string[];
  beforeAll(async () => {
    imageId = await makeImage(t, owner.id);
    ids = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await post(imageId, `comment ${i}`)).id);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const deleted = await post(imageId, 'removed');
    expect((await remove(author.access, deleted.id)).statusCode).toBe(204);
  });

  it('lists oldest first by default, newest on request, without deleted comments', async () => {
    const oldest = expectJson(await getJson(t, `/api/v1/images/${imageId}/comments?per_page=2`)) as PageJson<CommentJson>;
    expect(oldest.pagination).toEqual({ page: 1, per_page: 2, total: 5, total_pages: 3 });
    expect(oldest.items.map((c) => c.id)).toEqual(ids.slice(0, 2));
    const newest = expectJson(await getJson(t, `/api/v1/images/${imageId}/comments?sort=newest&page=3&per_page=2`)) as PageJson<CommentJson>;
    expect(newest.items.map((c) => c.id)).toEqual([ids[0]]);
    expect(await counters(t, imageId)).toMatchObject({ comment_count: 5 });
  });

  it('walks the same orders in cursor mode and refuses a cursor replayed with another sort', async () => {
    expect((await walkCursor<CommentJson>(t, `/api/v1/images/${imageId}/comments`)).map((c) => c.id)).toEqual(ids);
    expect((await walkCursor<CommentJson>(t, `/api/v1/images/${imageId}/comments?sort=newest`)).map((c) => c.id)).toEqual([...ids].reverse());
    const first = (expectJson(await getJson(t, `/api/v1/images/${imageId}/comments?per_page=2&cursor=`)) as PageJson<CommentJson>).pagination;
    expect(first).toEqual({ per_page: 2, next_cursor: expect.any(String) });
    expectProblem(await getJson(t, `/api/v1/images/${imageId}/comments?sort=newest&cursor=${first.next_cursor}`), { status: 400, slug: 'bad-request' });
    const sort = expectProblem(await getJson(t, `/api/v1/images/${imageId}/comments?sort=best`), { status: 400, slug: 'validation-error' });
    expect(sort.errors).toEqual([expect.objectContaining({ field: 'query.sort' })]);
    const mixed = expectProblem(await getJson(t, `/api/v1/images/${imageId}/comments?page=2&cursor=`), { status: 400, slug: 'validation-error' });
    expect(mixed.errors).toEqual([expect.objectContaining({ field: 'query.page' })]);
  });
});

describe('DELETE /comments/{id}', () => {
  it('lets the author delete (soft), lowering the count and emitting comment.deleted; a repeat is 404', async () => {
    const imageId = await makeImage(t, owner.id);
    const c = await post(imageId, 'mine');
    const res = await remove(author.access, c.id);
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    expect(await counters(t, imageId)).toMatchObject({ comment_count: 0 });
    expect(await outboxEvents(t, 'comment.deleted', c.id)).toEqual([{ payload: { comment_id: c.id, image_id: imageId, author_id: author.id, deleted_by: author.id }, actor_id: author.id }]);
    const row = await t.container.sql.db.selectFrom('comments').select(['deleted_at', 'content']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    expectProblem(await remove(author.access, c.id), { status: 404, slug: 'not-found' });
  });

  it('lets the image owner delete others’ comments without an audit entry', async () => {
    const imageId = await makeImage(t, owner.id);
    const c = await post(imageId, 'on your image');
    expect((await remove(owner.access, c.id)).statusCode).toBe(204);
    expect((await auditEntries(t, 'comment.deleted_by_staff')).filter((e) => e.target_id === c.id)).toEqual([]);
  });

  it('lets staff delete, audited as comment.deleted_by_staff with the image id', async () => {
    const imageId = await makeImage(t, owner.id);
    const c = await post(imageId, 'moderate me');
    expect((await remove(admin.access, c.id)).statusCode).toBe(204);
    expect((await auditEntries(t, 'comment.deleted_by_staff')).filter((e) => e.target_id === c.id)).toEqual([
      { actor_id: admin.id, target_type: 'comment', target_id: c.id, details: { image_id: imageId } },
    ]);
    expect(await outboxEvents(t, 'comment.deleted', c.id)).toEqual([expect.objectContaining({ payload: expect.objectContaining({ deleted_by: admin.id }) })]);
  });

  it('answers 403 to a reader without a role, 404 when the image is unreadable, 401 without a token', async () => {
    const imageId = await makeImage(t, owner.id);
    const c = await post(imageId, 'stay');
    expectProblem(await remove(reader.access, c.id), { status: 403, slug: 'forbidden' });
    expectProblem(await remove(null, c.id), { status: 401, slug: 'unauthorized' });
    expectProblem(await remove(reader.access, UNKNOWN_ID), { status: 404, slug: 'not-found', instance: `/api/v1/comments/${UNKNOWN_ID}` });
    const bad = expectProblem(await remove(reader.access, 'nope'), { status: 400, slug: 'validation-error' });
    expect(bad.errors).toEqual([expect.objectContaining({ field: 'path.id' })]);
    await setImageStatus(t, imageId, 'flagged');
    expectProblem(await remove(reader.access, c.id), { status: 404, slug: 'not-found' });
    // The author can no longer read the flagged image either, so their comment is hidden from them too.
    expectProblem(await remove(author.access, c.id), { status: 404, slug: 'not-found' });
    expect((await remove(owner.access, c.id)).statusCode).toBe(204);
  });
});

describe('comment rate limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await buildTestApp({ env: { RATE_LIMIT_COMMENT: '2/1m' } });
  });
  afterAll(() => limited.close());

  it('refuses a user’s comment past RATE_LIMIT_COMMENT with 429 and Retry-After, per user', async () => {
    const someone = await register(limited.app);
    const other = await register(limited.app);
    const imageId = await makeImage(limited, someone.id);
    for (let i = 0; i < 2; i++) expect((await comment(limited, someone.access, imageId, { content: `c${i}` })).statusCode).toBe(201);
    const res = await comment(limited, someone.access, imageId, { content: 'one too many' });
    expectProblem(res, { status: 429, slug: 'rate-limited' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.headers['ratelimit-limit']).toBe('2');
    expect((await comment(limited, other.access, imageId, { content: 'mine' })).statusCode).toBe(201);
    expect(await counters(limited, imageId)).toMatchObject({ comment_count: 3 });
  });
});
