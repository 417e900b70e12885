/**
 * Contract §7.2 and §8 as one matrix: four callers (anonymous, a stranger, the owner, a moderator) × three
 * images (public, unlisted, private — all active, all tagged, titled and liked alike, all in one public album)
 * × every route that reads or lists images. A new list route gets a row here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { seedImage } from '../support/seed-images.js';
import { bearer, makeAdmin, NO_LIMITS, register, type Account } from './helpers/identity.js';

type Caller = 'anonymous' | 'stranger' | 'owner' | 'moderator';
type Which = 'public' | 'unlisted' | 'private';
const CALLERS: readonly Caller[] = ['anonymous', 'stranger', 'owner', 'moderator'];

let t: TestApp;
const tokens: Partial<Record<Caller, string>> = {};
let owner: Account;
const ids = {} as Record<Which, string>;
let albumId: string;
let privateAlbumId: string;

async function get(url: string, caller: Caller) {
  const token = tokens[caller];
  return t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: token ? bearer(token) : {} });
}

/** Which of the three images a list shows the caller (other images of the test are ignored). */
async function listed(url: string, caller: Caller): Promise<Which[]> {
  const res = await get(url, caller);
  expect(res.statusCode, `${caller} ${url}: ${res.body}`).toBe(200);
  const shown = new Set(res.json<{ items: ({ id: string } | { image?: { id: string } })[] }>().items.map((i) => ('id' in i ? i.id : '')));
  return (['public', 'unlisted', 'private'] as const).filter((w) => shown.has(ids[w]));
}

const everything: Which[] = ['public', 'unlisted', 'private'];
const byLink: Which[] = ['public', 'unlisted'];
const publicOnly: Which[] = ['public'];
/** What owner and moderator see vs what anonymous and the stranger see. */
const split = (privileged: Which[], others: Which[]) => (caller: Caller) => (caller === 'owner' || caller === 'moderator' ? privileged : others);

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS });
  owner = await register(t.app);
  const stranger = await register(t.app);
  const moderator = await register(t.app);
  const admin = await makeAdmin(t);
  const promoted = await t.app.inject({ method: 'PUT', url: `/api/v1/users/${moderator.id}/role`, headers: bearer(admin.access), payload: { role: 'moderator' } });
  expect(promoted.statusCode, promoted.body).toBe(200);
  Object.assign(tokens, { stranger: stranger.access, owner: owner.access, moderator: moderator.access });

  for (const visibility of ['public', 'unlisted', 'private'] as const) {
    ids[visibility] = (await seedImage(t.container.ports.images, t.container.sql.db, owner.id, { title: 'matrix lighthouse', tags: ['matrix'], visibility, likeCount: 0 })).id;
    const liked = await t.app.inject({ method: 'POST', url: `/api/v1/images/${ids[visibility]}/like`, headers: bearer(owner.access) });
    expect(liked.statusCode, liked.body).toBe(200);
    const commented = await t.app.inject({ method: 'POST', url: `/api/v1/images/${ids[visibility]}/comments`, headers: bearer(owner.access), payload: { content: 'mine' } });
    expect(commented.statusCode, commented.body).toBe(201);
  }
  const album = await t.app.inject({ method: 'POST', url: '/api/v1/albums', headers: bearer(owner.access), payload: { title: 'Matrix', visibility: 'public' } });
  albumId = album.json<{ id: string }>().id;
  const added = await t.app.inject({ method: 'POST', url: `/api/v1/albums/${albumId}/images`, headers: bearer(owner.access), payload: { image_ids: Object.values(ids) } });
  expect(added.statusCode, added.body).toBe(200);
  const hidden = await t.app.inject({ method: 'POST', url: '/api/v1/albums', headers: bearer(owner.access), payload: { title: 'Hidden', visibility: 'private' } });
  privateAlbumId = hidden.json<{ id: string }>().id;
});
afterAll(() => t.close());

describe.each(CALLERS)('as %s', (caller) => {
  it('reads each image, its likes and its comments only where §7.2 allows', async () => {
    const readable = split(everything, byLink)(caller);
    for (const which of ['public', 'unlisted', 'private'] as const) {
      const expected = readable.includes(which) ? 200 : 404;
      for (const path of [`/images/${ids[which]}`, `/images/${ids[which]}/likes`, `/images/${ids[which]}/comments`]) {
        expect((await get(path, caller)).statusCode, `${caller} ${which} ${path}`).toBe(expected);
      }
    }
  });

  it.each([
    ['/images', () => publicOnly],
    ['/explore/recent', () => publicOnly],
    ['/explore/popular?period=all', () => publicOnly],
    ['/explore/search?q=lighthouse', () => publicOnly],
    ['/tags/matrix/images', () => publicOnly],
    ['/images?tag=matrix', () => publicOnly],
  ])('the public feed %s lists the public image only', async (url, expected) => {
    expect(await listed(`${url}${url.includes('?') ? '&' : '?'}per_page=100`, caller)).toEqual(expected());
  });

  it.each([
    ['/users/{owner}/images', split(everything, publicOnly)],
    ['/images?owner_id={owner}', split(everything, publicOnly)],
    ['/users/{owner}/likes', split(everything, byLink)],
    ['/albums/{album}/images', split(everything, byLink)],
    ['/images?album_id={album}', split(everything, byLink)],
  ])('%s lists what the caller may see', async (template, expected) => {
    const url = template.replace('{owner}', owner.id).replace('{album}', albumId);
    expect(await listed(url, caller)).toEqual(expected(caller));
  });

  it('the album counts and covers only what the caller may see; a private album is 404 to others', async () => {
    const album = await get(`/albums/${albumId}`, caller);
    expect(album.statusCode).toBe(200);
    expect(album.json<{ image_count: number }>().image_count).toBe(split(everything, byLink)(caller).length);
    expect((await get(`/albums/${privateAlbumId}`, caller)).statusCode).toBe(caller === 'owner' || caller === 'moderator' ? 200 : 404);
    const publicAlbums = (await get('/albums?per_page=100', caller)).json<{ items: { id: string }[] }>().items.map((a) => a.id);
    expect(publicAlbums).toContain(albumId);
    expect(publicAlbums).not.toContain(privateAlbumId);
  });

  it('the tag counts the public image only', async () => {
    const tags = (await get('/tags', caller)).json<{ items: { slug: string; usage_count: number }[] }>().items;
    expect(tags.find((tag) => tag.slug === 'matrix')?.usage_count).toBe(1);
  });
});
