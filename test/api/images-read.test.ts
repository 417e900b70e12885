/**
 * Contract §7.1, §7.2, §7.6 GET /images/{id}: who can read which image in which state, and which
 * viewer-dependent fields each caller gets (GPS and the owner-only fields for the owner alone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { makeAdmin, NO_LIMITS, register, type Account } from './helpers/identity.js';
import { field, fixtureFile, getImage, pathOf, uploadOk, type ImageJson } from './helpers/images.js';
import { expectJson, expectProblem } from './helpers/problem.js';

const UNKNOWN_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';
const OWNER_ONLY = ['album_ids', 'original_filename', 'original_url'];
const COMMON_KEYS = [
  'comment_count',
  'content_rating',
  'created_at',
  'description',
  'exif',
  'file_size',
  'height',
  'id',
  'like_count',
  'mime_type',
  'owner',
  'sha256',
  'status',
  'tags',
  'title',
  'updated_at',
  'variants',
  'view_count',
  'visibility',
  'width',
];

type Visibility = 'public' | 'unlisted' | 'private';
type Viewer = 'anonymous' | 'stranger' | 'owner' | 'admin';

let t: TestApp;
let owner: Account;
let stranger: Account;
let admin: Account;
const images = {} as Record<Visibility, ImageJson>;

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS, worker: true });
  owner = await register(t.app);
  stranger = await register(t.app);
  admin = await makeAdmin(t);
  for (const visibility of ['public', 'unlisted', 'private'] as const) {
    images[visibility] = await uploadOk(t, owner.access, [field('visibility', visibility), field('tags', 'harbour'), fixtureFile('landscape.jpg')], { wait: true });
    expect(images[visibility].status).toBe('active');
  }
});
afterAll(() => t.close());

const tokenOf = (viewer: Viewer): string | null => ({ anonymous: null, stranger: stranger.access, owner: owner.access, admin: admin.access })[viewer];

const setStatus = (id: string, status: string) => t.container.sql.db.updateTable('images').set({ status }).where('id', '=', id).execute();

describe('visibility matrix of active images', () => {
  const cases: [Visibility, Viewer, boolean][] = [];
  for (const visibility of ['public', 'unlisted', 'private'] as const) {
    for (const viewer of ['anonymous', 'stranger', 'owner', 'admin'] as const) {
      cases.push([visibility, viewer, visibility !== 'private' || viewer === 'owner' || viewer === 'admin']);
    }
  }

  it.each(cases)('%s image, %s caller → readable: %s', async (visibility, viewer, readable) => {
    const image = images[visibility];
    const res = await getImage(t, image.id, tokenOf(viewer));
    if (!readable) {
      expectProblem(res, { status: 404, slug: 'not-found', instance: `/api/v1/images/${image.id}` });
      return;
    }
    const body = expectJson(res) as ImageJson & Record<string, unknown>;
    expect(body).toMatchObject({ id: image.id, visibility, status: 'active', tags: ['harbour'], owner: { id: owner.id, username: owner.username } });
    expect(Object.keys(body.owner).sort()).toEqual(['display_name', 'id', 'username']);

    const expectedKeys = [...COMMON_KEYS, ...(viewer === 'anonymous' ? [] : ['liked_by_me']), ...(viewer === 'owner' ? OWNER_ONLY : [])].sort();
    expect(Object.keys(body).sort()).toEqual(expectedKeys);
    if (viewer !== 'anonymous') expect(body.liked_by_me).toBe(false);

    // GPS is the owner's alone: staff included, everyone else gets no `gps` key at all.
    expect(body.exif).toMatchObject({ camera_make: 'Tessera Optics', iso: 200 });
    if (viewer === 'owner') expect(body.exif?.gps).toMatchObject({ altitude_m: -12.5 });
    else {
      expect(body.exif).not.toHaveProperty('gps');
      expect(res.body).not.toMatch(/latitude|longitude|altitude/);
    }

    // Variant URLs are signed exactly when the image is not anonymously readable.
    expect(Object.keys(body.variants).sort()).toEqual(['large', 'medium', 'original', 'small', 'thumbnail']);
    for (const [name, v] of Object.entries(body.variants)) {
      const base = `/api/v1/images/${image.id}/variants/${name}`;
      if (visibility === 'private') expect(v.url).toMatch(new RegExp(`^${base}\\?exp=\\d+&sig=[A-Za-z0-9_-]+$`));
      else expect(v.url).toBe(base);
    }
    if (viewer === 'owner') expect(pathOf(body.original_url!)).toMatch(new RegExp(`^/api/v1/images/${image.id}/original\\?exp=\\d+&sig=`));
  });

  it('repeated reads give the same signed URLs (exp rounded to 600 s)', async () => {
    const a = (await getImage(t, images.private.id, owner.access)).json<ImageJson>();
    const b = (await getImage(t, images.private.id, owner.access)).json<ImageJson>();
    expect(b.variants.thumbnail!.url).toBe(a.variants.thumbnail!.url);
    expect(b.original_url).toBe(a.original_url);
    const exp = Number(new URL(a.original_url!, 'http://x').searchParams.get('exp'));
    expect(exp % 600).toBe(0);
    expect(exp * 1000).toBeGreaterThan(Date.now() + 3600_000 - 1000);
  });

  it('an upper-case id reads the same image', async () => {
    const body = expectJson(await getImage(t, images.public.id.toUpperCase())) as ImageJson;
    expect(body.id).toBe(images.public.id);
  });
});

describe('non-active states and banned owners', () => {
  it.each(['processing', 'failed', 'flagged'])('a %s image: owner and staff read it, everyone else 404', async (status) => {
    const image = await uploadOk(t, owner.access, [field('visibility', 'public'), fixtureFile('small.webp')], { wait: true });
    await setStatus(image.id, status);
    for (const viewer of ['anonymous', 'stranger'] as const) expectProblem(await getImage(t, image.id, tokenOf(viewer)), { status: 404, slug: 'not-found' });
    for (const viewer of ['owner', 'admin'] as const) expect((expectJson(await getImage(t, image.id, tokenOf(viewer))) as ImageJson).status).toBe(status);
  });

  it('a deleted image is 404 for everyone, owner and staff included', async () => {
    const image = await uploadOk(t, owner.access, [field('visibility', 'public'), fixtureFile('small.webp')], { wait: true });
    await setStatus(image.id, 'deleted');
    for (const viewer of ['anonymous', 'stranger', 'owner', 'admin'] as const) expectProblem(await getImage(t, image.id, tokenOf(viewer)), { status: 404, slug: 'not-found' });
  });

  it("a banned owner's public image: 404 to anonymous and strangers, staff read it", async () => {
    const banned = await register(t.app);
    const image = await uploadOk(t, banned.access, [field('visibility', 'public'), fixtureFile('small.webp')], { wait: true });
    await t.container.sql.db.updateTable('users').set({ status: 'banned' }).where('id', '=', banned.id).execute();
    try {
      for (const viewer of ['anonymous', 'stranger'] as const) expectProblem(await getImage(t, image.id, tokenOf(viewer)), { status: 404, slug: 'not-found' });
      const body = expectJson(await getImage(t, image.id, admin.access)) as ImageJson;
      expect(body.id).toBe(image.id);
      // Not anonymously readable any more: its URLs are signed.
      expect(body.variants.thumbnail!.url).toMatch(/\?exp=\d+&sig=/);
    } finally {
      await t.container.sql.db.updateTable('users').set({ status: 'active' }).where('id', '=', banned.id).execute();
    }
  });
});

describe('ids', () => {
  it('unknown id → 404, same as hidden', async () => {
    const unknown = expectProblem(await getImage(t, UNKNOWN_ID, stranger.access), { status: 404, slug: 'not-found' });
    const hidden = expectProblem(await getImage(t, images.private.id, stranger.access), { status: 404, slug: 'not-found' });
    expect(hidden.detail).toBe(unknown.detail);
  });

  it.each(['not-a-uuid', '123', `${UNKNOWN_ID}0`, 'zz90f5c2-7a3b-7c4d-8e5f-0123456789ab'])('malformed id %s → 400 path.id', async (id) => {
    const body = expectProblem(await getImage(t, id), { status: 400, slug: 'validation-error' });
    expect((body.errors as { field: string }[]).map((e) => e.field)).toEqual(['path.id']);
  });

  it('an invalid token on this opt route → 401, not an anonymous read', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/images/${images.public.id}`, headers: { authorization: 'Bearer not.a.token' } });
    expectProblem(res, { status: 401, slug: 'unauthorized' });
  });
});
