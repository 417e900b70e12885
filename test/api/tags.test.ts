/**
 * Contract §9: tags in use with counts that follow visibility (edits, deletion, processing, a banned owner),
 * completion by slug prefix, and a tag's public images.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image } from '../../src/domain/gallery/image.js';
import { ALL_VARIANTS, seedImage, type SeedImage } from '../support/seed-images.js';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { bearer, NO_LIMITS, register, type Account } from './helpers/identity.js';
import { expectJson, expectProblem } from './helpers/problem.js';

type Tag = { name: string; slug: string; usage_count: number };
type TagPage = { items: Tag[]; pagination: Record<string, unknown> };

let t: TestApp;
let owner: Account;
let other: Account;

async function get<T>(url: string, token?: string): Promise<T> {
  return expectJson(await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: token ? bearer(token) : {} })) as T;
}
const counts = async () => Object.fromEntries((await get<TagPage>('/tags?per_page=100')).items.map((tag) => [tag.slug, tag.usage_count]));
const seed = (ownerId: string, s: SeedImage) => seedImage(t.container.ports.images, t.database.sql.db, ownerId, s);

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS });
  owner = await register(t.app);
  other = await register(t.app);
});
afterAll(() => t.close());

describe('GET /tags', () => {
  let privateImage: Image;
  let processing: Image;

  it('counts only public, active images; unused tags are not listed', async () => {
    await seed(owner.id, { tags: ['Sunset Beach!', 'sea'] });
    await seed(owner.id, { tags: ['sea'] });
    await seed(other.id, { tags: ['sea', '日本 旅行'] });
    privateImage = await seed(owner.id, { tags: ['secret', 'sea'], visibility: 'private' });
    processing = await seed(owner.id, { tags: ['pending'], status: 'processing' });
    await seed(owner.id, { tags: ['hidden'], visibility: 'unlisted' });
    expect(await counts()).toEqual({ sea: 3, 'sunset-beach': 1, '日本-旅行': 1 });
  });

  it('orders by usage_count descending, then slug, and keeps the first name used for a slug', async () => {
    const page = await get<TagPage>('/tags');
    expect(page.items).toEqual([
      { name: 'sea', slug: 'sea', usage_count: 3 },
      { name: 'sunset beach!', slug: 'sunset-beach', usage_count: 1 },
      { name: '日本 旅行', slug: '日本-旅行', usage_count: 1 },
    ]);
    expect(page.pagination).toEqual({ page: 1, per_page: 20, total: 3, total_pages: 1 });
  });

  it('follows visibility changes, processing, deletion and tag edits at once', async () => {
    let res = await t.app.inject({ method: 'PATCH', url: `/api/v1/images/${privateImage.id}`, headers: bearer(owner.access), payload: { visibility: 'public' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await counts()).toMatchObject({ sea: 4, secret: 1 });
    await t.container.ports.images.markProcessed(processing.id, ALL_VARIANTS, null, new Date());
    expect(await counts()).toMatchObject({ pending: 1 });
    res = await t.app.inject({ method: 'PATCH', url: `/api/v1/images/${privateImage.id}`, headers: bearer(owner.access), payload: { tags: ['sea'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await counts()).not.toHaveProperty('secret');
    res = await t.app.inject({ method: 'DELETE', url: `/api/v1/images/${privateImage.id}`, headers: bearer(owner.access) });
    expect(res.statusCode, res.body).toBe(204);
    expect(await counts()).toMatchObject({ sea: 3 });
  });

  it('drops the images of a banned owner from the counts, and restores them when the ban ends', async () => {
    await sql`UPDATE users SET status = 'banned' WHERE id = ${other.id}::uuid`.execute(t.database.sql.db);
    expect(await counts()).toEqual({ sea: 2, 'sunset-beach': 1, pending: 1 });
    await sql`UPDATE users SET status = 'active' WHERE id = ${other.id}::uuid`.execute(t.database.sql.db);
    expect(await counts()).toMatchObject({ sea: 3, '日本-旅行': 1 });
  });

  it('pages in both modes; cursor pages join up to the full list', async () => {
    const all = (await get<TagPage>('/tags?per_page=100')).items.map((tag) => tag.slug);
    const walked: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const page = await get<TagPage>(`/tags?per_page=1&cursor=${encodeURIComponent(cursor)}`);
      walked.push(...page.items.map((tag) => tag.slug));
      if (page.pagination.next_cursor === null) break;
      cursor = page.pagination.next_cursor as string;
    }
    expect(walked).toEqual(all);
    expect((await get<TagPage>('/tags?page=2&per_page=1')).items.map((tag) => tag.slug)).toEqual([all[1]]);
  });

  it('rejects bad pagination: per_page out of range, page with cursor, a garbled cursor, a page too deep', async () => {
    for (const [url, field] of [['/tags?per_page=0', 'query.per_page'], ['/tags?per_page=101', 'query.per_page'], ['/tags?page=1&cursor=', 'query.page'], ['/tags?page=0', 'query.page']]) {
      const body = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1${url!}` }), { status: 400, slug: 'validation-error' });
      expect((body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/tags?cursor=garbage!' }), { status: 400, slug: 'bad-request' });
    const deep = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/tags?page=502&per_page=20' }), { status: 400, slug: 'bad-request' });
    expect(deep.detail).toMatch(/cursor/);
  });
});

describe('GET /tags/search', () => {
  it('completes by slug prefix, most used first, normalising q like a slug', async () => {
    await seed(owner.id, { tags: ['seagull'] });
    expect((await get<TagPage>('/tags/search?q=SE')).items.map((tag) => tag.slug)).toEqual(['sea', 'seagull']);
    expect((await get<TagPage>('/tags/search?q=Sunset%20B')).items.map((tag) => tag.slug)).toEqual(['sunset-beach']);
    expect((await get<TagPage>('/tags/search?q=日本')).items.map((tag) => tag.slug)).toEqual(['日本-旅行']);
    expect((await get<TagPage>('/tags/search?q=se&limit=1')).items.map((tag) => tag.slug)).toEqual(['sea']);
  });

  it('matches wildcards literally and never lists private-only tags', async () => {
    expect((await get<TagPage>('/tags/search?q=%25')).items).toEqual([]);
    expect((await get<TagPage>('/tags/search?q=s_a')).items).toEqual([]);
    expect((await get<TagPage>('/tags/search?q=hidden')).items).toEqual([]);
  });

  it('q 1–50 required and limit 1–20, else 400 naming the parameter', async () => {
    for (const [url, field] of [['/tags/search', 'query.q'], ['/tags/search?q=', 'query.q'], [`/tags/search?q=${'a'.repeat(51)}`, 'query.q'], ['/tags/search?q=a&limit=21', 'query.limit'], ['/tags/search?q=a&limit=0', 'query.limit']]) {
      const body = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1${url!}` }), { status: 400, slug: 'validation-error' });
      expect((body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
  });
});

describe('GET /tags/{slug}/images', () => {
  it('lists the public images carrying the tag; an unknown slug is an empty list', async () => {
    const page = await get<{ items: { tags: string[]; visibility: string }[] }>('/tags/sea/images', owner.access);
    expect(page.items.length).toBe(3);
    for (const image of page.items) expect(image).toMatchObject({ visibility: 'public', tags: expect.arrayContaining(['sea']) });
    expect((await get<TagPage>('/tags/no-such-tag/images')).items).toEqual([]);
    expect((await get<TagPage>('/tags/!!/images')).items).toEqual([]);
    expect((await get<TagPage>('/tags/hidden/images', owner.access)).items).toEqual([]);
  });

  it('content_rating defaults to safe', async () => {
    await seed(owner.id, { tags: ['spicy'], contentRating: 'nsfw' });
    expect((await get<TagPage>('/tags/spicy/images')).items).toEqual([]);
    expect((await get<TagPage>('/tags/spicy/images?content_rating=nsfw')).items).toHaveLength(1);
  });
});
