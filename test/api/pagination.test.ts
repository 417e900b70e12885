/**
 * Contract §4 on every paginated endpoint: the same parameter errors everywhere, and both modes answering
 * with their own envelope. A new list route gets a row here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { seedImage } from '../support/seed-images.js';
import { bearer, NO_LIMITS, register, type Account } from './helpers/identity.js';
import { expectJson, expectProblem } from './helpers/problem.js';

let t: TestApp;
let owner: Account;
let imageId: string;
let albumId: string;

const LISTS = [
  '/images',
  '/images?owner_id=me',
  '/users/{owner}/images',
  '/users/{owner}/likes',
  '/albums',
  '/albums/{album}/images',
  '/images?album_id={album}',
  '/images/{image}/likes',
  '/images/{image}/comments',
  '/tags',
  '/tags/sea/images',
  '/explore/recent',
  '/explore/popular',
  '/explore/search?q=sea',
];

const urlOf = (template: string, params: string) =>
  `/api/v1${template.replace('{owner}', owner.id).replace('{album}', albumId).replace('{image}', imageId)}${template.includes('?') ? '&' : '?'}${params}`;

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS });
  owner = await register(t.app);
  // Two of everything, so that a first page of one item hands out a cursor to forge.
  const images: string[] = [];
  for (let i = 0; i < 2; i++) {
    const id = (await seedImage(t.container.ports.images, t.container.sql.db, owner.id, { title: 'sea', tags: ['sea'] })).id;
    images.push(id);
    await t.app.inject({ method: 'POST', url: `/api/v1/images/${id}/like`, headers: bearer(owner.access) });
  }
  imageId = images[0]!;
  for (const content of ['one', 'two']) await t.app.inject({ method: 'POST', url: `/api/v1/images/${imageId}/comments`, headers: bearer(owner.access), payload: { content } });
  for (const title of ['A', 'B']) {
    const album = await t.app.inject({ method: 'POST', url: '/api/v1/albums', headers: bearer(owner.access), payload: { title, visibility: 'public' } });
    albumId = album.json<{ id: string }>().id;
  }
  await t.app.inject({ method: 'POST', url: `/api/v1/albums/${albumId}/images`, headers: bearer(owner.access), payload: { image_ids: images } });
});
afterAll(() => t.close());

describe.each(LISTS)('%s', (template) => {
  const get = (params: string) => t.app.inject({ method: 'GET', url: urlOf(template, params), headers: bearer(owner.access) });

  it('page mode by default, cursor mode with ?cursor=', async () => {
    const paged = expectJson(await get('per_page=5')) as { items: unknown[]; pagination: Record<string, unknown> };
    expect(Object.keys(paged.pagination).sort()).toEqual(['page', 'per_page', 'total', 'total_pages']);
    expect(paged.pagination).toMatchObject({ page: 1, per_page: 5, total: paged.items.length });
    const cursored = expectJson(await get('per_page=5&cursor=')) as { items: unknown[]; pagination: Record<string, unknown> };
    expect(cursored.pagination).toEqual({ per_page: 5, next_cursor: null });
    expect(cursored.items).toEqual(paged.items);
  });

  it('per_page 0 or 101, page 0 → 400 naming the parameter; page with cursor → 400', async () => {
    for (const [params, field] of [['per_page=0', 'query.per_page'], ['per_page=101', 'query.per_page'], ['page=0', 'query.page'], ['page=1&cursor=', 'query.page']] as const) {
      const body = expectProblem(await get(params), { status: 400, slug: 'validation-error' });
      expect((body.errors as { field: string }[]).map((e) => e.field), params).toContain(field);
    }
  });

  it('a garbled cursor → 400 bad-request; a page past offset 10,000 → 400 advising cursor mode', async () => {
    expectProblem(await get('cursor=%7B%7D'), { status: 400, slug: 'bad-request' });
    expectProblem(await get('cursor=bm90IGEgY3Vyc29y'), { status: 400, slug: 'bad-request' });
    const deep = expectProblem(await get('page=102&per_page=100'), { status: 400, slug: 'bad-request' });
    expect(deep.detail).toMatch(/cursor/);
    expect(expectJson(await get('page=101&per_page=100'))).toMatchObject({ items: [] });
  });
});

describe('forged cursors', () => {
  it('a cursor whose fingerprint is right but whose key was rewritten → 400 bad-request on every list, never a 500', async () => {
    const forged: string[] = [];
    for (const template of LISTS) {
      const first = await t.app.inject({ method: 'GET', url: urlOf(template, 'per_page=1&cursor='), headers: bearer(owner.access) });
      const next = first.json<{ pagination: { next_cursor: string | null } }>().pagination.next_cursor;
      if (next === null) continue;
      const { f } = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as { f: string };
      for (const k of [['not a time', 'not an id'], [1], ['2026-01-01T00:00:00.000Z', 7, 'x', 'y', 'z']]) {
        const cursor = Buffer.from(JSON.stringify({ k, f })).toString('base64url');
        const res = await t.app.inject({ method: 'GET', url: urlOf(template, `per_page=1&cursor=${cursor}`), headers: bearer(owner.access) });
        expectProblem(res, { status: 400, slug: 'bad-request' });
      }
      forged.push(template);
    }
    // Every list holds two items but an image's likes (one liker), the tags (one tag) and this week's popular (the seeds are older).
    expect(LISTS.filter((l) => !forged.includes(l))).toEqual(['/images/{image}/likes', '/tags', '/explore/popular']);
  });
});
