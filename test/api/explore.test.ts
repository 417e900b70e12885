/**
 * Contract §11 (explore and search) and the `q` filter of §7.6: what each public feed contains and in which
 * order, web-search syntax, stemming and stop words, and the 400s of their parameters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image } from '../../src/domain/gallery/image.js';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { seedImage, type SeedImage } from '../support/seed-images.js';
import { bearer, NO_LIMITS, register, type Account } from './helpers/identity.js';
import { expectJson, expectProblem } from './helpers/problem.js';

const DAY = 86_400_000;
let t: TestApp;
let owner: Account;
let stranger: Account;
const img: Record<string, Image> = {};

type Listed = { items: { id: string; title: string }[]; pagination: Record<string, unknown> };

async function get(url: string, token?: string): Promise<Listed> {
  return expectJson(await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: token ? bearer(token) : {} })) as Listed;
}
const titles = (page: Listed) => page.items.map((i) => i.title);

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS });
  owner = await register(t.app);
  stranger = await register(t.app);
  const now = Date.now();
  const seeds: Record<string, SeedImage> = {
    harbour: { title: 'Harbour at dusk', description: 'Fishing boats return', tags: ['sea', 'dusk'], createdAt: new Date(now - 5 * DAY), likeCount: 3, viewCount: 10 },
    ridge: { title: 'Mountain sunrise', description: 'Early light over the harbour ridge', tags: ['mountain'], createdAt: new Date(now - 4 * DAY), likeCount: 9 },
    tied: { title: 'Quiet lake', description: 'Still water', tags: ['lake'], createdAt: new Date(now - 3 * DAY), likeCount: 3, viewCount: 50 },
    coast: { title: 'Sunsets of the coast', description: 'golden', tags: ['sea', 'sunset'], contentRating: 'nsfw', createdAt: new Date(now - 2 * DAY) },
    old: { title: 'Old harbour', description: 'from the archive', tags: ['sea'], createdAt: new Date(now - 40 * DAY), likeCount: 100 },
    private: { title: 'Private harbour', tags: ['sea'], visibility: 'private', createdAt: new Date(now - DAY) },
    unlisted: { title: 'Unlisted harbour', tags: ['sea'], visibility: 'unlisted', createdAt: new Date(now - DAY) },
    processing: { title: 'Processing harbour', tags: ['sea'], status: 'processing', createdAt: new Date(now - DAY) },
  };
  for (const [name, seed] of Object.entries(seeds)) img[name] = await seedImage(t.container.ports.images, t.database.sql.db, owner.id, seed);
});
afterAll(() => t.close());

describe('GET /explore/recent', () => {
  it('lists public active safe images newest first, for anonymous and signed-in callers alike', async () => {
    const expected = ['Quiet lake', 'Mountain sunrise', 'Harbour at dusk', 'Old harbour'];
    expect(titles(await get('/explore/recent'))).toEqual(expected);
    expect(titles(await get('/explore/recent', owner.access))).toEqual(expected);
  });

  it('content_rating=all adds nsfw images; nsfw gives only them', async () => {
    expect(titles(await get('/explore/recent?content_rating=all'))).toEqual(['Sunsets of the coast', 'Quiet lake', 'Mountain sunrise', 'Harbour at dusk', 'Old harbour']);
    expect(titles(await get('/explore/recent?content_rating=nsfw'))).toEqual(['Sunsets of the coast']);
  });

  it('tag filters must all match and accept names as well as slugs', async () => {
    expect(titles(await get('/explore/recent?tag=sea&tag=Dusk'))).toEqual(['Harbour at dusk']);
    expect(titles(await get('/explore/recent?tag=sea&content_rating=all'))).toEqual(['Sunsets of the coast', 'Harbour at dusk', 'Old harbour']);
  });

  it('rejects a bad tag filter, a bad content rating and more than five tags, naming the parameter', async () => {
    const bad = async (url: string, field: string) => {
      const body = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1${url}` }), { status: 400, slug: 'validation-error' });
      expect((body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    };
    await bad('/explore/recent?tag=x', 'query.tag.0');
    await bad('/explore/recent?content_rating=spicy', 'query.content_rating');
    await bad(`/explore/recent?${['a1', 'b2', 'c3', 'd4', 'e5', 'f6'].map((x) => `tag=${x}`).join('&')}`, 'query.tag');
  });
});

describe('GET /explore/popular', () => {
  it('defaults to the last week, by likes, then views, then recency', async () => {
    expect(titles(await get('/explore/popular'))).toEqual(['Mountain sunrise', 'Quiet lake', 'Harbour at dusk']);
  });

  it('period=all reaches older images; period=day only the last 24 hours', async () => {
    expect(titles(await get('/explore/popular?period=all'))).toEqual(['Old harbour', 'Mountain sunrise', 'Quiet lake', 'Harbour at dusk']);
    expect(titles(await get('/explore/popular?period=day'))).toEqual([]);
  });

  it('walks the same order page by page with the cursor', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const page = await get(`/explore/popular?period=all&per_page=1&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...titles(page));
      if (page.pagination.next_cursor === null) break;
      cursor = page.pagination.next_cursor as string;
    }
    expect(seen).toEqual(['Old harbour', 'Mountain sunrise', 'Quiet lake', 'Harbour at dusk']);
  });

  it('an unknown period → 400 naming query.period', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/explore/popular?period=year' }), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([expect.objectContaining({ field: 'query.period' })]);
  });
});

describe('GET /explore/search', () => {
  it('finds words of the title, tags and description; title matches rank first, equal ranks newest first', async () => {
    expect(titles(await get('/explore/search?q=harbour'))).toEqual(['Harbour at dusk', 'Old harbour', 'Mountain sunrise']);
    expect(titles(await get('/explore/search?q=boats'))).toEqual(['Harbour at dusk']);
    expect(titles(await get('/explore/search?q=mountain'))).toEqual(['Mountain sunrise']);
  });

  it('never matches private, unlisted or unprocessed images, whoever asks', async () => {
    for (const token of [undefined, owner.access, stranger.access]) {
      const found = titles(await get('/explore/search?q=harbour&content_rating=all', token));
      expect(found).not.toContain('Private harbour');
      expect(found).not.toContain('Unlisted harbour');
      expect(found).not.toContain('Processing harbour');
    }
  });

  it('stems English words and parses web-search syntax: phrases, exclusions, or', async () => {
    expect(titles(await get('/explore/search?q=sunset&content_rating=all'))).toEqual(['Sunsets of the coast']);
    expect(titles(await get(`/explore/search?q=${encodeURIComponent('"harbour at dusk"')}`))).toEqual(['Harbour at dusk']);
    expect(titles(await get('/explore/search?q=harbour%20-dusk')).sort()).toEqual(['Mountain sunrise', 'Old harbour']);
    expect(titles(await get('/explore/search?q=lake%20or%20boats'))).toEqual(['Quiet lake', 'Harbour at dusk']);
  });

  it('a query of stop words or an unknown term returns an empty page', async () => {
    for (const q of ['the', 'zzqxv', '!!!']) {
      expect(await get(`/explore/search?q=${q}`)).toEqual({ items: [], pagination: { page: 1, per_page: 20, total: 0, total_pages: 0 } });
    }
  });

  it('q is required, 1–200 characters', async () => {
    for (const url of ['/explore/search', '/explore/search?q=', `/explore/search?q=${'a'.repeat(201)}`]) {
      const body = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1${url}` }), { status: 400, slug: 'validation-error' });
      expect((body.errors as { field: string }[])[0]?.field).toBe('query.q');
    }
  });

  it('pages by relevance in cursor mode without repeats', async () => {
    const first = await get('/explore/search?q=harbour&per_page=2&cursor=');
    expect(titles(first)).toEqual(['Harbour at dusk', 'Old harbour']);
    const second = await get(`/explore/search?q=harbour&per_page=2&cursor=${encodeURIComponent(first.pagination.next_cursor as string)}`);
    expect(titles(second)).toEqual(['Mountain sunrise']);
    expect(second.pagination.next_cursor).toBeNull();
  });

  it('a search cursor replayed with another q → 400 bad-request', async () => {
    const first = await get('/explore/search?q=harbour&per_page=1&cursor=');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/explore/search?q=boats&per_page=1&cursor=${encodeURIComponent(first.pagination.next_cursor as string)}` });
    expectProblem(res, { status: 400, slug: 'bad-request' });
  });
});

describe('GET /images?q=', () => {
  it('filters the public feed by full-text search and keeps the chosen sort', async () => {
    expect(titles(await get('/images?q=harbour'))).toEqual(['Mountain sunrise', 'Harbour at dusk', 'Old harbour']);
    expect(titles(await get('/images?q=harbour&sort=like_count'))).toEqual(['Old harbour', 'Mountain sunrise', 'Harbour at dusk']);
  });

  it('searches the owner\'s own images of every visibility for the owner', async () => {
    const mine = titles(await get(`/images?owner_id=me&q=harbour`, owner.access));
    expect(mine).toEqual(expect.arrayContaining(['Private harbour', 'Unlisted harbour', 'Processing harbour', 'Harbour at dusk']));
    expect(titles(await get(`/images?owner_id=${owner.id}&q=harbour`, stranger.access))).not.toContain('Private harbour');
  });

  it('an edit is searchable at once: new title found, old title gone', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/images/${img.tied!.id}`, headers: bearer(owner.access), payload: { title: 'Reflections', tags: ['mirror'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(titles(await get('/explore/search?q=reflection'))).toEqual(['Reflections']);
    expect(titles(await get('/explore/search?q=mirror'))).toEqual(['Reflections']);
    expect(titles(await get('/explore/search?q=quiet'))).toEqual([]);
  });
});
