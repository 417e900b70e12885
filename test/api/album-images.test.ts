/**
 * Contract §8 album contents: adding, removing, reordering, listing in album order (both pagination modes),
 * what others may see of a public album holding private images, `album_ids`, GET /images?album_id=, image
 * deletion, uploads into an album, and ALBUM_MAX_IMAGES.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { addImages, albumImageIds, call, createAlbum, insertImage, type AlbumJson } from './helpers/albums.js';
import { makeAdmin, NO_LIMITS, outboxEvents, register, type Account } from './helpers/identity.js';
import { field, fixtureFile, upload, type ImageJson } from './helpers/images.js';
import { expectJson, expectProblem } from './helpers/problem.js';

let t: TestApp;
let owner: Account;
let stranger: Account;
let admin: Account;

beforeAll(async () => {
  t = await buildTestApp({ env: { ...NO_LIMITS, ALBUM_MAX_IMAGES: '4' } });
  owner = await register(t.app);
  stranger = await register(t.app);
  admin = await makeAdmin(t);
});
afterAll(() => t.close());

const fieldsOf = (body: Record<string, unknown>) => (body.errors as { field: string }[]).map((e) => e.field).sort();
const getAlbum = async (id: string, token: string | null) => expectJson(await call(t, 'GET', `/albums/${id}`, token)) as AlbumJson;

describe('POST /albums/{id}/images', () => {
  it('appends in request order, skips members, and reports counts and album.images_added', async () => {
    const album = await createAlbum(t, owner.access, { title: 'a' });
    const [a, b, c] = [await insertImage(t, owner.id), await insertImage(t, owner.id), await insertImage(t, owner.id)];
    expect(expectJson(await call(t, 'POST', `/albums/${album.id}/images`, owner.access, { image_ids: [b, a] }))).toEqual({ added_count: 2, image_count: 2 });
    expect(expectJson(await call(t, 'POST', `/albums/${album.id}/images`, owner.access, { image_ids: [a, c] }))).toEqual({ added_count: 1, image_count: 3 });
    expect(await albumImageIds(t, album.id, owner.access)).toEqual([b, a, c]);
    expect((await outboxEvents(t, 'album.images_added', album.id)).map((e) => e.payload.image_ids)).toEqual([[b, a], [c]]);
  });

  it('names each unusable id: another user’s, a deleted one, a duplicate, a malformed one', async () => {
    const album = await createAlbum(t, owner.access, { title: 'a' });
    const mine = await insertImage(t, owner.id);
    const deleted = await insertImage(t, owner.id);
    await t.container.ports.images.markDeleted(deleted, new Date());
    const theirs = await insertImage(t, stranger.id);
    const res = await call(t, 'POST', `/albums/${album.id}/images`, owner.access, { image_ids: [mine, theirs, deleted, mine] });
    expect(fieldsOf(expectProblem(res, { status: 400, slug: 'validation-error' }))).toEqual(['body.image_ids.1', 'body.image_ids.2', 'body.image_ids.3']);
    expect(fieldsOf(expectProblem(await call(t, 'POST', `/albums/${album.id}/images`, owner.access, { image_ids: [mine, 'x'] }), { status: 400, slug: 'validation-error' }))).toEqual(['body.image_ids.1']);
    expect(fieldsOf(expectProblem(await call(t, 'POST', `/albums/${album.id}/images`, owner.access, { image_ids: [] }), { status: 400, slug: 'validation-error' }))).toEqual(['body.image_ids']);
    expect((await getAlbum(album.id, owner.access)).image_count).toBe(0);
  });

  it('is owner-only: 403 to readers (admins too), 404 to those who cannot read', async () => {
    const pub = await createAlbum(t, owner.access, { title: 'a', visibility: 'public' });
    const priv = await createAlbum(t, owner.access, { title: 'a' });
    const theirs = await insertImage(t, stranger.id);
    expectProblem(await call(t, 'POST', `/albums/${pub.id}/images`, stranger.access, { image_ids: [theirs] }), { status: 403, slug: 'forbidden' });
    expectProblem(await call(t, 'POST', `/albums/${priv.id}/images`, stranger.access, { image_ids: [theirs] }), { status: 404, slug: 'not-found' });
    expectProblem(await call(t, 'POST', `/albums/${priv.id}/images`, admin.access, { image_ids: [theirs] }), { status: 403, slug: 'forbidden' });
  });

  it('refuses to grow past ALBUM_MAX_IMAGES with 409, by the route and by an upload', async () => {
    const album = await createAlbum(t, owner.access, { title: 'full' });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await insertImage(t, owner.id));
    expectProblem(await call(t, 'POST', `/albums/${album.id}/images`, owner.access, { image_ids: ids }), { status: 409, slug: 'conflict' });
    await addImages(t, owner.access, album.id, ids.slice(0, 4));
    expectProblem(await call(t, 'POST', `/albums/${album.id}/images`, owner.access, { image_ids: [ids[4]] }), { status: 409, slug: 'conflict' });
    expectProblem(await upload(t, owner.access, [field('album_id', album.id), fixtureFile('landscape.jpg')]), { status: 409, slug: 'conflict' });
  });
});

describe('uploads into an album', () => {
  it('appends the uploaded image and shows the album in the owner’s album_ids only', async () => {
    const album = await createAlbum(t, owner.access, { title: 'a', visibility: 'public' });
    const res = await upload(t, owner.access, [field('album_id', album.id.toUpperCase()), field('visibility', 'public'), fixtureFile('landscape.jpg')]);
    const image = expectJson(res, 201) as ImageJson;
    expect(image.album_ids).toEqual([album.id]);
    expect(await albumImageIds(t, album.id, owner.access)).toEqual([image.id]);
    expect((expectJson(await call(t, 'GET', `/images/${image.id}`, owner.access)) as ImageJson).album_ids).toEqual([album.id]);
  });

  it('refuses an album the caller does not own with 400 body.album_id', async () => {
    const theirs = await createAlbum(t, stranger.access, { title: 'a', visibility: 'public' });
    const res = await upload(t, owner.access, [field('album_id', theirs.id), fixtureFile('landscape.jpg')]);
    expect(fieldsOf(expectProblem(res, { status: 400, slug: 'validation-error' }))).toEqual(['body.album_id']);
  });
});

describe('what an album shows to whom', () => {
  let album: AlbumJson;
  const ids = {} as Record<'pub' | 'unl' | 'priv' | 'proc', string>;
  beforeAll(async () => {
    ids.priv = await insertImage(t, owner.id, { visibility: 'private' });
    ids.pub = await insertImage(t, owner.id, { visibility: 'public' });
    ids.proc = await insertImage(t, owner.id, { status: 'processing' });
    ids.unl = await insertImage(t, owner.id, { visibility: 'unlisted' });
    album = await createAlbum(t, owner.access, { title: 'mixed', visibility: 'public', cover_image_id: ids.priv });
    await addImages(t, owner.access, album.id, [ids.pub, ids.proc, ids.unl]);
  });

  it('never widens an image’s visibility: list, image_count and cover', async () => {
    for (const token of [null, stranger.access]) {
      expect(await albumImageIds(t, album.id, token)).toEqual([ids.pub, ids.unl]);
      const seen = await getAlbum(album.id, token);
      expect(seen).toMatchObject({ image_count: 2, cover_image_id: ids.priv, cover: { image_id: ids.pub } });
      expect(seen.cover?.url).toBe(`/api/v1/images/${ids.pub}/variants/thumbnail`);
    }
    for (const token of [owner.access, admin.access]) {
      expect(await albumImageIds(t, album.id, token)).toEqual([ids.priv, ids.pub, ids.proc, ids.unl]);
      const seen = await getAlbum(album.id, token);
      expect(seen).toMatchObject({ image_count: 4, cover: { image_id: ids.priv } });
      expect(seen.cover?.url).toMatch(/\?exp=\d+&sig=[A-Za-z0-9_-]+$/);
    }
    expect((await albumImageIds(t, album.id, stranger.access)).length).toBe(2);
  });

  it('serves GET /images?album_id= the same way, and an empty list for an unreadable album', async () => {
    const list = async (albumId: string, token: string | null) => (expectJson(await call(t, 'GET', `/images?album_id=${albumId}`, token)) as { items: ImageJson[]; pagination: unknown });
    expect((await list(album.id, stranger.access)).items.map((i) => i.id)).toEqual([ids.pub, ids.unl]);
    const priv = await createAlbum(t, owner.access, { title: 'hidden', cover_image_id: ids.pub });
    expect(await list(priv.id, stranger.access)).toEqual({ items: [], pagination: { page: 1, per_page: 20, total: 0, total_pages: 0 } });
    expect((await list(priv.id, owner.access)).items.map((i) => i.id)).toEqual([ids.pub]);
    const stranger_view = (await list(album.id, stranger.access)).items[0]!;
    expect(stranger_view).not.toHaveProperty('album_ids');
  });

  it('pages album order in both modes; a cursor replayed elsewhere is 400', async () => {
    const page = async (query: string) => expectJson(await call(t, 'GET', `/albums/${album.id}/images?${query}`, owner.access)) as { items: ImageJson[]; pagination: Record<string, unknown> };
    const p2 = await page('per_page=3&page=2');
    expect(p2.pagination).toEqual({ page: 2, per_page: 3, total: 4, total_pages: 2 });
    const c1 = await page('per_page=3&cursor=');
    const c2 = await page(`per_page=3&cursor=${c1.pagination.next_cursor as string}`);
    expect([...c1.items, ...c2.items].map((i) => i.id)).toEqual([ids.priv, ids.pub, ids.proc, ids.unl]);
    expect(c2.pagination).toEqual({ per_page: 3, next_cursor: null });
    const other = await createAlbum(t, owner.access, { title: 'o' });
    expectProblem(await call(t, 'GET', `/albums/${other.id}/images?cursor=${c1.pagination.next_cursor as string}`, owner.access), { status: 400, slug: 'bad-request' });
    expectProblem(await call(t, 'GET', `/albums/${album.id}/images?cursor=garbage!`, owner.access), { status: 400, slug: 'bad-request' });
  });
});

describe('removing and reordering', () => {
  it('removes one image (404 when it is not a member) and clears it as cover', async () => {
    const [a, b] = [await insertImage(t, owner.id), await insertImage(t, owner.id)];
    const album = await createAlbum(t, owner.access, { title: 'a', visibility: 'public', cover_image_id: a });
    await addImages(t, owner.access, album.id, [b]);
    expectProblem(await call(t, 'DELETE', `/albums/${album.id}/images/${a}`, stranger.access), { status: 403, slug: 'forbidden' });
    expect((await call(t, 'DELETE', `/albums/${album.id}/images/${a}`, owner.access)).statusCode).toBe(204);
    expectProblem(await call(t, 'DELETE', `/albums/${album.id}/images/${a}`, owner.access), { status: 404, slug: 'not-found' });
    expect(await getAlbum(album.id, owner.access)).toMatchObject({ cover_image_id: null, image_count: 1, cover: { image_id: b } });
    expect((await outboxEvents(t, 'album.image_removed', album.id))[0]?.payload).toEqual({ album_id: album.id, image_id: a });
  });

  it('takes exactly the current members: 409 for missing or extra ids, 400 for duplicates', async () => {
    const [a, b, c] = [await insertImage(t, owner.id), await insertImage(t, owner.id), await insertImage(t, owner.id)];
    const album = await createAlbum(t, owner.access, { title: 'a' });
    await addImages(t, owner.access, album.id, [a, b, c]);
    const order = (image_ids: string[], token = owner.access) => call(t, 'PUT', `/albums/${album.id}/images/order`, token, { image_ids });
    expectProblem(await order([c, a]), { status: 409, slug: 'conflict' });
    expectProblem(await order([c, a, b, await insertImage(t, owner.id)]), { status: 409, slug: 'conflict' });
    expect(fieldsOf(expectProblem(await order([c, a, a]), { status: 400, slug: 'validation-error' }))).toEqual(['body.image_ids.2']);
    expect(fieldsOf(expectProblem(await order([c, 'x']), { status: 400, slug: 'validation-error' }))).toEqual(['body.image_ids.1']);
    expectProblem(await order([c, a, b], admin.access), { status: 403, slug: 'forbidden' });
    expect((await order([c, a, b])).statusCode).toBe(204);
    expect(await albumImageIds(t, album.id, owner.access)).toEqual([c, a, b]);
    expect(await outboxEvents(t, 'album.images_reordered', album.id)).toHaveLength(1);
  });

  it('drops a deleted image from every album at once', async () => {
    const [a, b] = [await insertImage(t, owner.id), await insertImage(t, owner.id)];
    const album = await createAlbum(t, owner.access, { title: 'a', cover_image_id: a });
    await addImages(t, owner.access, album.id, [b]);
    expect((await call(t, 'DELETE', `/images/${a}`, owner.access)).statusCode).toBe(204);
    expect(await getAlbum(album.id, owner.access)).toMatchObject({ image_count: 1, cover_image_id: null, cover: { image_id: b } });
  });
});
