/**
 * Contract §8 albums: create, read, list (both pagination modes), edit, delete; who may do what (404 to those
 * who may not read, 403 to readers who may not act), field errors by name, and the outbox events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { createAlbum, call, insertImage, type AlbumJson } from './helpers/albums.js';
import { makeAdmin, NO_LIMITS, outboxEvents, register, TIMESTAMP, type Account } from './helpers/identity.js';
import { expectJson, expectProblem } from './helpers/problem.js';

const UNKNOWN_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';
const ALBUM_KEYS = ['cover', 'cover_image_id', 'created_at', 'description', 'id', 'image_count', 'owner', 'title', 'updated_at', 'visibility'];

let t: TestApp;
let owner: Account;
let stranger: Account;
let admin: Account;

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS });
  owner = await register(t.app);
  stranger = await register(t.app);
  admin = await makeAdmin(t);
});
afterAll(() => t.close());

const fieldsOf = (body: Record<string, unknown>) => (body.errors as { field: string }[]).map((e) => e.field).sort();

describe('POST /albums', () => {
  it('creates a private album with defaults, Location and album.created', async () => {
    const res = await call(t, 'POST', '/albums', owner.access, { title: '  Trip  ' });
    const body = expectJson(res, 201) as AlbumJson;
    expect(res.headers.location).toBe(`/api/v1/albums/${body.id}`);
    expect(Object.keys(body).sort()).toEqual(ALBUM_KEYS);
    expect(body).toMatchObject({ title: 'Trip', description: '', visibility: 'private', cover_image_id: null, cover: null, image_count: 0, owner: { id: owner.id, username: owner.username } });
    expect(body.created_at).toMatch(TIMESTAMP);
    const [event] = await outboxEvents(t, 'album.created', body.id);
    expect(event?.payload).toEqual({ album_id: body.id, owner_id: owner.id, title: 'Trip', visibility: 'private' });
  });

  it('adds the cover image to the album and shows its thumbnail', async () => {
    const imageId = await insertImage(t, owner.id);
    const album = await createAlbum(t, owner.access, { title: 'With cover', visibility: 'public', cover_image_id: imageId });
    expect(album).toMatchObject({ cover_image_id: imageId, image_count: 1, cover: { image_id: imageId, url: `/api/v1/images/${imageId}/variants/thumbnail`, width: 10, height: 8 } });
  });

  it('reports every bad field, an unknown key, and a cover that is not the caller’s', async () => {
    const other = await insertImage(t, stranger.id);
    const res = await call(t, 'POST', '/albums', owner.access, { title: 'x'.repeat(256), visibility: 'secret', description: 'a\u0000b', cover_image_id: other });
    const body = expectProblem(res, { status: 400, slug: 'validation-error' });
    expect(fieldsOf(body)).toEqual(['body.cover_image_id', 'body.description', 'body.title', 'body.visibility']);
    expect(fieldsOf(expectProblem(await call(t, 'POST', '/albums', owner.access, {}), { status: 400, slug: 'validation-error' }))).toEqual(['body.title']);
    expect(fieldsOf(expectProblem(await call(t, 'POST', '/albums', owner.access, { title: 'a', nope: 1 }), { status: 400, slug: 'validation-error' }))).toEqual(['body.nope']);
    expect(fieldsOf(expectProblem(await call(t, 'POST', '/albums', owner.access, { title: 'a', cover_image_id: 'nope' }), { status: 400, slug: 'validation-error' }))).toEqual(['body.cover_image_id']);
  });

  it('needs a signed-in caller', async () => {
    expectProblem(await call(t, 'POST', '/albums', null, { title: 'a' }), { status: 401, slug: 'unauthorized' });
  });
});

describe('GET /albums/{id}', () => {
  it.each([
    ['private', 'stranger', 404],
    ['private', 'anonymous', 404],
    ['private', 'owner', 200],
    ['private', 'admin', 200],
    ['unlisted', 'anonymous', 200],
    ['public', 'stranger', 200],
  ] as const)('%s album, %s caller → %i', async (visibility, who, status) => {
    const album = await createAlbum(t, owner.access, { title: 'a', visibility });
    const token = { stranger: stranger.access, anonymous: null, owner: owner.access, admin: admin.access }[who];
    const res = await call(t, 'GET', `/albums/${album.id}`, token);
    if (status === 404) expectProblem(res, { status, slug: 'not-found', instance: `/api/v1/albums/${album.id}` });
    else expect((expectJson(res) as AlbumJson).id).toBe(album.id);
  });

  it('embeds page 1 of the images in page mode, sized by per_page', async () => {
    const album = await createAlbum(t, owner.access, { title: 'a', visibility: 'public' });
    const ids = [await insertImage(t, owner.id), await insertImage(t, owner.id), await insertImage(t, owner.id)];
    await call(t, 'POST', `/albums/${album.id}/images`, owner.access, { image_ids: ids });
    const body = expectJson(await call(t, 'GET', `/albums/${album.id}?per_page=2`, null)) as AlbumJson & { images: { items: { id: string }[]; pagination: unknown } };
    expect(body.images.items.map((i) => i.id)).toEqual(ids.slice(0, 2));
    expect(body.images.pagination).toEqual({ page: 1, per_page: 2, total: 3, total_pages: 2 });
  });

  it('answers a malformed id with 400 path.id and an unknown one with 404', async () => {
    expect(fieldsOf(expectProblem(await call(t, 'GET', '/albums/nope', null), { status: 400, slug: 'validation-error' }))).toEqual(['path.id']);
    expectProblem(await call(t, 'GET', `/albums/${UNKNOWN_ID}`, owner.access), { status: 404, slug: 'not-found' });
  });

  it('hides the albums of a banned owner from everyone but staff', async () => {
    const banned = await register(t.app);
    const album = await createAlbum(t, banned.access, { title: 'a', visibility: 'public' });
    await t.container.sql.db.updateTable('users').set({ status: 'banned' }).where('id', '=', banned.id).execute();
    expectProblem(await call(t, 'GET', `/albums/${album.id}`, stranger.access), { status: 404, slug: 'not-found' });
    expectJson(await call(t, 'GET', `/albums/${album.id}`, admin.access));
  });
});

describe('PATCH /albums/{id}', () => {
  it('changes only what differs and names it in album.updated', async () => {
    const album = await createAlbum(t, owner.access, { title: 'a' });
    const body = expectJson(await call(t, 'PATCH', `/albums/${album.id}`, owner.access, { title: 'b', description: 'line\nnext', visibility: 'private' })) as AlbumJson;
    expect(body).toMatchObject({ title: 'b', description: 'line\nnext', visibility: 'private' });
    const [event] = await outboxEvents(t, 'album.updated', album.id);
    expect(event?.payload).toEqual({ album_id: album.id, owner_id: owner.id, changed: ['title', 'description'] });
    expect(expectJson(await call(t, 'PATCH', `/albums/${album.id}`, owner.access, {}))).toMatchObject({ title: 'b' });
    expect(await outboxEvents(t, 'album.updated', album.id)).toHaveLength(1);
  });

  it('sets a cover only from the album’s images and clears it with null', async () => {
    const inside = await insertImage(t, owner.id);
    const outside = await insertImage(t, owner.id);
    const album = await createAlbum(t, owner.access, { title: 'a', cover_image_id: inside });
    const res = await call(t, 'PATCH', `/albums/${album.id}`, owner.access, { cover_image_id: outside, title: '' });
    expect(fieldsOf(expectProblem(res, { status: 400, slug: 'validation-error' }))).toEqual(['body.cover_image_id', 'body.title']);
    const cleared = expectJson(await call(t, 'PATCH', `/albums/${album.id}`, owner.access, { cover_image_id: null })) as AlbumJson;
    expect(cleared.cover_image_id).toBeNull();
    expect(cleared.cover?.image_id).toBe(inside); // the first image stands in for a missing cover
  });

  it('is 403 for readers who are not the owner, 404 for those who cannot read, and open to admins', async () => {
    const pub = await createAlbum(t, owner.access, { title: 'a', visibility: 'public' });
    const priv = await createAlbum(t, owner.access, { title: 'a' });
    expectProblem(await call(t, 'PATCH', `/albums/${pub.id}`, stranger.access, { title: 'x' }), { status: 403, slug: 'forbidden' });
    expectProblem(await call(t, 'PATCH', `/albums/${priv.id}`, stranger.access, { title: 'x' }), { status: 404, slug: 'not-found' });
    expect(expectJson(await call(t, 'PATCH', `/albums/${priv.id}`, admin.access, { title: 'by admin' }))).toMatchObject({ title: 'by admin' });
  });
});

describe('DELETE /albums/{id}', () => {
  it('deletes the album and its memberships, not the images', async () => {
    const imageId = await insertImage(t, owner.id);
    const album = await createAlbum(t, owner.access, { title: 'a', visibility: 'public', cover_image_id: imageId });
    expectProblem(await call(t, 'DELETE', `/albums/${album.id}`, stranger.access), { status: 403, slug: 'forbidden' });
    expect((await call(t, 'DELETE', `/albums/${album.id}`, owner.access)).statusCode).toBe(204);
    expectProblem(await call(t, 'GET', `/albums/${album.id}`, owner.access), { status: 404, slug: 'not-found' });
    expect((await call(t, 'GET', `/images/${imageId}`, null)).statusCode).toBe(200);
    const [event] = await outboxEvents(t, 'album.deleted', album.id);
    expect(event?.payload).toEqual({ album_id: album.id, owner_id: owner.id, deleted_by: owner.id });
  });

  it('lets an admin delete another user’s album', async () => {
    const album = await createAlbum(t, owner.access, { title: 'a' });
    expect((await call(t, 'DELETE', `/albums/${album.id}`, admin.access)).statusCode).toBe(204);
  });
});

describe('GET /albums', () => {
  let lister: Account;
  const mine: Record<string, string> = {};
  beforeAll(async () => {
    lister = await register(t.app);
    for (const visibility of ['public', 'unlisted', 'private', 'public'] as const) {
      const album = await createAlbum(t, lister.access, { title: visibility, visibility });
      mine[album.id] = visibility;
    }
  });
  const ids = async (query: string, token: string | null) => {
    const res = await call(t, 'GET', `/albums?${query}`, token);
    return (expectJson(res) as { items: AlbumJson[] }).items.map((a) => a.id);
  };

  it('lists only public albums to others, and every visibility to the owner (owner_id=me)', async () => {
    const all = Object.keys(mine);
    const publicOnes = all.filter((id) => mine[id] === 'public');
    expect((await ids(`owner_id=${lister.id}`, stranger.access)).sort()).toEqual(publicOnes.sort());
    expect((await ids('owner_id=me', lister.access)).sort()).toEqual(all.sort());
    expect((await ids(`owner_id=${lister.id}`, admin.access)).sort()).toEqual(all.sort());
    const everyone = await ids('per_page=100', null);
    expect(publicOnes.every((id) => everyone.includes(id))).toBe(true);
    expect(everyone.some((id) => mine[id] === 'unlisted' || mine[id] === 'private')).toBe(false);
    expectProblem(await call(t, 'GET', '/albums?owner_id=me', null), { status: 401, slug: 'unauthorized' });
    expectProblem(await call(t, 'GET', `/albums?owner_id=${UNKNOWN_ID}`, null), { status: 404, slug: 'not-found' });
  });

  it('serves the same order in page and cursor mode, and refuses a cursor replayed with another sort', async () => {
    const paged = [...(await ids('owner_id=me&per_page=3&sort=updated_at&order=asc', lister.access)), ...(await ids('owner_id=me&per_page=3&page=2&sort=updated_at&order=asc', lister.access))];
    const res = await call(t, 'GET', '/albums?owner_id=me&per_page=3&sort=updated_at&order=asc&cursor=', lister.access);
    const first = expectJson(res) as { items: AlbumJson[]; pagination: { next_cursor: string | null; per_page: number } };
    expect(first.pagination.per_page).toBe(3);
    const cursor = first.pagination.next_cursor!;
    const second = expectJson(await call(t, 'GET', `/albums?owner_id=me&per_page=3&sort=updated_at&order=asc&cursor=${cursor}`, lister.access)) as { items: AlbumJson[]; pagination: { next_cursor: string | null } };
    expect(second.pagination.next_cursor).toBeNull();
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual(paged);
    expectProblem(await call(t, 'GET', `/albums?owner_id=me&per_page=3&sort=created_at&cursor=${cursor}`, lister.access), { status: 400, slug: 'bad-request' });
    expect(fieldsOf(expectProblem(await call(t, 'GET', '/albums?page=1&cursor=', null), { status: 400, slug: 'validation-error' }))).toEqual(['query.page']);
    expect(fieldsOf(expectProblem(await call(t, 'GET', '/albums?sort=title', null), { status: 400, slug: 'validation-error' }))).toEqual(['query.sort']);
  });
});

describe('on the production adapters (PostgreSQL + Redis)', () => {
  let p: TestApp;
  beforeAll(async () => {
    p = await buildTestApp({ engine: 'postgres', redis: true, env: NO_LIMITS });
  });
  afterAll(() => p.close());

  it('creates, fills, reads as a stranger and lists in cursor mode', async () => {
    const [me, other] = [await register(p.app), await register(p.app)];
    const [priv, pub] = [await insertImage(p, me.id, { visibility: 'private' }), await insertImage(p, me.id)];
    const album = await createAlbum(p, me.access, { title: 'prod', visibility: 'public', cover_image_id: priv });
    expect(expectJson(await call(p, 'POST', `/albums/${album.id}/images`, me.access, { image_ids: [pub] }))).toEqual({ added_count: 1, image_count: 2 });
    expect(expectJson(await call(p, 'GET', `/albums/${album.id}`, other.access))).toMatchObject({ image_count: 1, cover: { image_id: pub } });
    const listed = expectJson(await call(p, 'GET', `/albums?owner_id=${me.id}&cursor=`, other.access)) as { items: AlbumJson[]; pagination: unknown };
    expect(listed).toMatchObject({ items: [{ id: album.id }], pagination: { per_page: 20, next_cursor: null } });
  });
});
