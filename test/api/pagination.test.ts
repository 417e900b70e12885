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
  imageId = (await seedImage(t.container.ports.images, t.container.sql.db, owner.id, { title: 'sea', tags: ['sea'] })).id;
  await t.app.inject({ method: 'POST', url: `/api/v1/images/${imageId}/like`, headers: bearer(owner.access) });
  const album = await t.app.inject({ method: 'POST', url: '/api/v1/albums', headers: bearer(owner.access), payload: { title: 'A', visibility: 'public' } });
  albumId = album.json<{ id: string }>().id;
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
