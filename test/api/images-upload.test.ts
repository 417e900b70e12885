/**
 * Contract §7.3–§7.5: POST /images end to end — the owner view after `wait=true` on both adapter sets,
 * processing in the background, parts and defaults, every refusal (status, problem, fields) and what a refused
 * upload leaves behind (nothing: no row, no temporary object), the malware scanner, and the size limits.
 */
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { startClamd, type ClamdHandle } from '../support/clamd.js';
import { ADAPTERS, auditEntries, bearer, NO_LIMITS, outboxEvents, register, type Account } from './helpers/identity.js';
import {
  BOUNDARY,
  EICAR,
  expectNothingKept,
  field,
  file,
  fixture,
  fixtureFile,
  getImage,
  imageRows,
  multipart,
  multipartType,
  pathOf,
  startTestWorker,
  tempObjects,
  upload,
  uploadOk,
  waitForStatus,
  type FixtureName,
  type ImageJson,
  type Part,
} from './helpers/images.js';
import { expectJson, expectProblem } from './helpers/problem.js';
import { rawExchange } from './helpers/raw-http.js';

type Errors = { field: string; message: string }[];
const fieldsOf = (body: Record<string, unknown>) => (body.errors as Errors).map((e) => e.field).sort();
const BOXES: Record<string, number> = { thumbnail: 150, small: 320, medium: 800, large: 1600 };
const VARIANTS = ['large', 'medium', 'original', 'small', 'thumbnail'];
const SIGNED = /\?exp=\d+&sig=[A-Za-z0-9_-]{43}$/;

/** Every variant fits its box, keeps the aspect ratio and is never larger than the source. */
function expectVariants(image: ImageJson, originalFormat: string): void {
  expect(Object.keys(image.variants).sort()).toEqual(VARIANTS);
  const longest = Math.max(image.width, image.height);
  for (const [name, v] of Object.entries(image.variants)) {
    const box = BOXES[name] ?? longest;
    expect(Math.max(v.width, v.height), name).toBe(Math.min(box, longest));
    expect(Math.abs(v.width / v.height - image.width / image.height), name).toBeLessThan(0.02);
    expect(v.format, name).toBe(name === 'original' ? originalFormat : 'webp');
    expect(v.file_size, name).toBeGreaterThan(0);
    expect(pathOf(v.url).startsWith(`/api/v1/images/${image.id}/variants/${name}`), v.url).toBe(true);
  }
}

async function variantBytes(t: TestApp, image: ImageJson, name: string): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url: pathOf(image.variants[name]!.url) });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

describe.each(ADAPTERS)('upload with wait=true on $name adapters', ({ opts }) => {
  let t: TestApp;
  let owner: Account;
  beforeAll(async () => {
    t = await buildTestApp({ ...opts, env: NO_LIMITS, worker: true });
    owner = await register(t.app);
  });
  afterAll(() => t.close());

  it('landscape.jpg → 201 active owner view with five variants, EXIF with GPS and signed URLs', async () => {
    const parts = [field('title', '  Dusk over the bay '), field('tags', 'Sunset Beach!, sea'), field('tags', 'SEA'), file(fixture('landscape.jpg'), 'my holiday/pic (1).JPG', 'text/plain')];
    const res = await upload(t, owner.access, parts, { wait: true });
    const image = expectJson(res, 201) as ImageJson;
    expect(res.headers.location).toBe(`/api/v1/images/${image.id}`);
    expect(image).toMatchObject({
      owner: { id: owner.id, username: owner.username },
      title: 'Dusk over the bay',
      description: '',
      visibility: 'private',
      content_rating: 'safe',
      status: 'active',
      mime_type: 'image/jpeg',
      file_size: fixture('landscape.jpg').length,
      width: 1200,
      height: 800,
      tags: ['sea', 'sunset-beach'],
      view_count: 0,
      like_count: 0,
      comment_count: 0,
      liked_by_me: false,
      album_ids: [],
      original_filename: 'pic_1.JPG',
    });
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expectVariants(image, 'jpeg');
    expect(image.variants.thumbnail).toMatchObject({ width: 150, height: 100 });
    expect(image.variants.large).toMatchObject({ width: 1200, height: 800 });
    // A private image: every byte URL is signed; the original's under the `upload` target.
    for (const v of Object.values(image.variants)) expect(v.url).toMatch(SIGNED);
    expect(image.original_url).toMatch(new RegExp(`^/api/v1/images/${image.id}/original\\?exp=\\d+&sig=`));
    expect(image.exif).toEqual({
      camera_make: 'Tessera Optics',
      camera_model: 'TX-100',
      lens_model: 'TX 35mm F2.8',
      taken_at: '2024-05-17T14:03:22+02:00',
      exposure_time: '1/250',
      f_number: 2.8,
      focal_length_mm: 35,
      iso: 200,
      gps: { latitude: expect.closeTo(48.8582333, 5) as number, longitude: expect.closeTo(-2.2945, 5) as number, altitude_m: -12.5 },
    });
    // The same view on a later GET by the owner.
    expect((await getImage(t, image.id, owner.access)).json()).toEqual(image);

    const uploaded = await outboxEvents(t, 'image.uploaded', image.id);
    expect(uploaded).toHaveLength(1);
    expect(uploaded[0]!.actor_id).toBe(owner.id);
    expect(uploaded[0]!.payload).toMatchObject({ image_id: image.id, owner_id: owner.id, visibility: 'private', mime_type: 'image/jpeg', width: 1200, height: 800, sha256: image.sha256, album_id: null, tags: ['sea', 'sunset-beach'] });
    const processed = await outboxEvents(t, 'image.processed', image.id);
    expect(processed).toHaveLength(1);
    expect(processed[0]!.payload).toMatchObject({ image_id: image.id, owner_id: owner.id, variants: { thumbnail: { width: 150, height: 100, format: 'webp' } } });
    expect(JSON.stringify([uploaded, processed])).not.toMatch(/latitude|gps/i);
  });

  it('variants carry no metadata (EXIF, ICC, XMP stripped)', async () => {
    const image = await uploadOk(t, owner.access, [field('visibility', 'public'), fixtureFile('landscape.jpg')], { wait: true });
    for (const name of ['thumbnail', 'original']) {
      const meta = await sharp(await variantBytes(t, image, name)).metadata();
      expect(meta.exif, name).toBeUndefined();
      expect(meta.icc, name).toBeUndefined();
      expect(meta.xmp, name).toBeUndefined();
    }
  });

  it.each<[FixtureName, string, string, number, number]>([
    ['small.webp', 'image/webp', 'webp', 100, 80],
    ['photo.avif', 'image/avif', 'avif', 400, 300],
    ['alpha.png', 'image/png', 'png', 200, 100],
    ['animated.gif', 'image/gif', 'png', 120, 90],
    ['rotated.jpg', 'image/jpeg', 'jpeg', 200, 300],
  ])('%s → %s, original as %s, %i×%i, never enlarged', async (name, mime, originalFormat, width, height) => {
    const image = await uploadOk(t, owner.access, [fixtureFile(name)], { wait: true });
    expect(image).toMatchObject({ status: 'active', mime_type: mime, width, height });
    expectVariants(image, originalFormat);
    expect(image.variants.original).toMatchObject({ width, height });
    expect(image.variants.large).toMatchObject({ width, height });
    // None of these carries a camera fact: `exif` is null, not an object of nulls.
    expect(image.exif).toBeNull();
  });

  it('rotated.jpg is turned upright: the red half ends on top', async () => {
    const image = await uploadOk(t, owner.access, [fixtureFile('rotated.jpg')], { wait: true });
    const { data, info } = await sharp(await variantBytes(t, image, 'original')).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([200, 300]);
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(px(100, 30)[0]).toBeGreaterThan(200); // red on top
    expect(px(100, 270)[2]).toBeGreaterThan(200); // blue below
  });

  it('animated.gif keeps only its first (red) frame', async () => {
    const image = await uploadOk(t, owner.access, [fixtureFile('animated.gif')], { wait: true });
    const bytes = await variantBytes(t, image, 'original');
    const meta = await sharp(bytes).metadata();
    expect(meta.pages ?? 1).toBe(1);
    const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([255, 0, 0]);
  });

  it('alpha.png keeps its transparency in the webp and png variants', async () => {
    const image = await uploadOk(t, owner.access, [fixtureFile('alpha.png')], { wait: true });
    for (const name of ['thumbnail', 'original']) {
      const { data, info } = await sharp(await variantBytes(t, image, name)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(data[3], `${name} left pixel alpha`).toBe(0);
      expect(data[(info.width - 1) * info.channels + 3], `${name} right pixel alpha`).toBe(255);
    }
  });

  it('truncated.jpg with wait=true → 422 unprocessable, and the image is gone with its files', async () => {
    const res = await upload(t, owner.access, [fixtureFile('truncated.jpg')], { wait: true });
    expectProblem(res, { status: 422, slug: 'unprocessable', instance: '/api/v1/images' });
    const rows = await t.container.sql.db.selectFrom('images').select(['id', 'status']).where('owner_id', '=', owner.id).where('status', '<>', 'active').execute();
    expect(rows).toHaveLength(1);
    const id = rows[0]!.id;
    expect(rows[0]!.status).toBe('deleted');
    expectProblem(await getImage(t, id, owner.access), { status: 404, slug: 'not-found' });
    const storage = t.container.ports.storage;
    expect(await storage.stat(`originals/${id}`)).toBeNull();
    expect(await storage.stat(`tmp/${id}`)).toBeNull();
    for (const name of VARIANTS) for (const ext of ['webp', 'jpg', 'png']) expect(await storage.stat(`variants/${id}/${name}.${ext}`)).toBeNull();
    expect(await outboxEvents(t, 'image.processing_failed', id)).toHaveLength(1);
    expect((await outboxEvents(t, 'image.deleted', id))[0]?.payload).toMatchObject({ reason: 'processing_failed' });
  });
});

describe('VARIANT_FORMAT=jpeg and PUBLIC_URL', () => {
  let t: TestApp;
  let owner: Account;
  beforeAll(async () => {
    t = await buildTestApp({ env: { ...NO_LIMITS, VARIANT_FORMAT: 'jpeg', PUBLIC_URL: 'https://img.example.com/' }, worker: true });
    owner = await register(t.app);
  });
  afterAll(() => t.close());

  it('sized variants are JPEG with alpha flattened onto white; the PNG original stays PNG; URLs are absolute', async () => {
    const image = await uploadOk(t, owner.access, [field('visibility', 'public'), fixtureFile('alpha.png')], { wait: true });
    expect(Object.values(image.variants).map((v) => v.format)).toEqual(['jpeg', 'jpeg', 'jpeg', 'jpeg', 'png']);
    expect(image.variants.thumbnail!.url).toBe(`https://img.example.com/api/v1/images/${image.id}/variants/thumbnail`);
    expect(image.original_url).toMatch(new RegExp(`^https://img\\.example\\.com/api/v1/images/${image.id}/original\\?exp=`));
    const res = await t.app.inject({ method: 'GET', url: pathOf(image.variants.thumbnail!.url) });
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${image.id}-thumbnail.jpg"`);
    const { data } = await sharp(res.rawPayload).raw().toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)].every((c) => c > 240)).toBe(true); // transparent → white
  });
});

describe('upload without wait', () => {
  let t: TestApp;
  let owner: Account;
  beforeAll(async () => {
    t = await buildTestApp({ env: { ...NO_LIMITS, UPLOAD_WAIT_MAX_MS: '400' } });
    owner = await register(t.app);
  });
  afterAll(() => t.close());

  it('wait=true still processing at UPLOAD_WAIT_MAX_MS → 201 processing', async () => {
    const started = Date.now();
    const res = await upload(t, owner.access, [fixtureFile('small.webp')], { wait: true });
    const image = expectJson(res, 201) as ImageJson;
    expect(image).toMatchObject({ status: 'processing', variants: {}, exif: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(res.headers.location).toBe(`/api/v1/images/${image.id}`);
  });

  it.each(['maybe', '2', ''])('wait=%s → 400 query.wait, nothing kept', async (value) => {
    const before = (await imageRows(t)).length;
    const body = expectProblem(await upload(t, owner.access, [fixtureFile('small.webp')], { query: `wait=${value}` }), { status: 400, slug: 'validation-error' });
    expect(fieldsOf(body)).toEqual(['query.wait']);
    await expectNothingKept(t, before);
  });

  it('→ 201 processing without variants or EXIF; active once the worker ran; failed for an undecodable file', async () => {
    const good = await uploadOk(t, owner.access, [fixtureFile('landscape.jpg')]);
    expect(good).toMatchObject({ status: 'processing', variants: {}, exif: null, width: 1200, height: 800 });
    const bad = await uploadOk(t, owner.access, [fixtureFile('truncated.jpg')]);
    expect(bad.status).toBe('processing');
    // Nothing consumes jobs yet: still processing.
    expect((await getImage(t, good.id, owner.access)).json<ImageJson>().status).toBe('processing');

    const worker = startTestWorker(t);
    try {
      const active = await waitForStatus(t, good.id, owner.access);
      expect(active.status).toBe('active');
      expectVariants(active, 'jpeg');
      expect(active.exif?.gps).toBeTruthy();
      const failed = await waitForStatus(t, bad.id, owner.access);
      expect(failed).toMatchObject({ status: 'failed', variants: {}, exif: null });
      expect(await outboxEvents(t, 'image.processed', good.id)).toHaveLength(1);
      expect(await outboxEvents(t, 'image.processing_failed', bad.id)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });
});

describe('upload parts, defaults and refusals', () => {
  let t: TestApp;
  let owner: Account;
  let port: number;
  beforeAll(async () => {
    t = await buildTestApp({ env: NO_LIMITS });
    owner = await register(t.app);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  /** Expects the refusal and that it kept nothing. */
  async function refused(parts: readonly Part[] | Buffer, status: number, slug: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
    const before = (await imageRows(t)).length;
    const body = expectProblem(await upload(t, owner.access, parts, { headers }), { status, slug, instance: '/api/v1/images' });
    await expectNothingKept(t, before);
    return body;
  }

  it('defaults: private, safe, empty title and description, no tags, file name `upload` when none sent', async () => {
    const image = await uploadOk(t, owner.access, [{ name: 'file', value: fixture('small.webp'), filename: '' }]);
    expect(image).toMatchObject({ title: '', description: '', visibility: 'private', content_rating: 'safe', tags: [], original_filename: 'upload', status: 'processing' });
  });

  it('text parts before and after the file are all taken', async () => {
    const image = await uploadOk(t, owner.access, [
      field('title', 'Before'),
      field('tags', 'alpha'),
      fixtureFile('small.webp'),
      field('description', 'line one\nline two'),
      field('visibility', 'unlisted'),
      field('content_rating', 'nsfw'),
      field('tags', 'beta'),
    ]);
    expect(image).toMatchObject({ title: 'Before', description: 'line one\nline two', visibility: 'unlisted', content_rating: 'nsfw', tags: ['alpha', 'beta'] });
  });

  it('tags: repeated and comma-separated, trimmed, empties dropped, merged by slug, sorted', async () => {
    const image = await uploadOk(t, owner.access, [fixtureFile('small.webp'), field('tags', ' Zebra , ,apple'), field('tags', 'APPLE,'), field('tags', 'Sunset Beach!'), field('tags', '日本 旅行')]);
    expect(image.tags).toEqual(['apple', 'sunset-beach', 'zebra', '日本-旅行']);
  });

  it('20 tags after merging are fine; 21 → 400 body.tags', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `tag${i}`);
    const ok = await uploadOk(t, owner.access, [fixtureFile('small.webp'), field('tags', twenty.slice(0, 10).join(',')), ...twenty.slice(10).map((s) => field('tags', s)), field('tags', 'TAG0,tag1')]);
    expect(ok.tags).toHaveLength(20);
    const body = await refused([fixtureFile('small.webp'), field('tags', twenty.join(',')), field('tags', 'tag20')], 400, 'validation-error');
    expect(fieldsOf(body)).toEqual(['body.tags']);
  });

  it('every invalid text field is reported together, with the file problem too', async () => {
    const body = await refused(
      [field('title', 'x'.repeat(256)), field('description', 'd'.repeat(2001)), field('visibility', 'secret'), field('content_rating', 'spicy'), field('album_id', 'nope'), field('tags', 'a')],
      400,
      'validation-error',
    );
    expect(fieldsOf(body)).toEqual(['body.album_id', 'body.content_rating', 'body.description', 'body.file', 'body.tags', 'body.title', 'body.visibility']);
  });

  it('a text part over 64 KiB → 400 naming it', async () => {
    const body = await refused([field('description', 'x'.repeat(64 * 1024 + 1)), fixtureFile('small.webp')], 400, 'validation-error');
    expect(fieldsOf(body)).toEqual(['body.description']);
  });

  it('missing file → 400 body.file; empty file → 400 body.file', async () => {
    expect(fieldsOf(await refused([field('title', 'no file')], 400, 'validation-error'))).toEqual(['body.file']);
    expect(fieldsOf(await refused([file(Buffer.alloc(0))], 400, 'validation-error'))).toEqual(['body.file']);
  });

  it('a second file part → 400 bad-request, whatever its name', async () => {
    await refused([fixtureFile('small.webp'), fixtureFile('small.webp')], 400, 'bad-request');
    await refused([fixtureFile('small.webp'), fixtureFile('alpha.png', 'other')], 400, 'bad-request');
    await refused([fixtureFile('landscape.jpg'), field('title', 'x'), fixtureFile('landscape.jpg', 'thumbnail')], 400, 'bad-request');
  });

  it('a single file part under another name → 400 body.<name> unknown field (and the file is missing)', async () => {
    const body = await refused([fixtureFile('small.webp', 'image')], 400, 'validation-error');
    expect(body.errors).toContainEqual({ field: 'body.image', message: 'unknown field' });
    expect(fieldsOf(body)).toEqual(['body.file', 'body.image']);
  });

  it('a misnamed file part followed by `file` is still a second file part → 400 bad-request', async () => {
    await refused([fixtureFile('small.webp', 'image'), field('title', 'x'), fixtureFile('small.webp')], 400, 'bad-request');
    await refused([field('bogus', 'x'), fixtureFile('small.webp'), fixtureFile('small.webp')], 400, 'bad-request');
  });

  it('the file sent as a text part → 400 body.file', async () => {
    const body = await refused([field('file', 'not really a file')], 400, 'validation-error');
    expect(body.errors).toEqual([{ field: 'body.file', message: expect.stringContaining('file part') as string }]);
  });

  it('an unknown part and invalid fields are reported together', async () => {
    const body = await refused([field('bogus', 'x'), field('title', 't'.repeat(300)), fixtureFile('small.webp'), field('visibility', 'nope')], 400, 'validation-error');
    expect(fieldsOf(body)).toEqual(['body.bogus', 'body.title', 'body.visibility']);
  });

  it('an unknown text part → 400 naming it, before or after the file', async () => {
    for (const parts of [[field('owner_id', 'x'), fixtureFile('small.webp')], [fixtureFile('small.webp'), field('status', 'active')]]) {
      const body = await refused(parts, 400, 'validation-error');
      expect((body.errors as Errors)[0]!.message).toBe('unknown field');
      expect(fieldsOf(body)).toEqual([`body.${parts[0]!.name === 'file' ? parts[1]!.name : parts[0]!.name}`]);
    }
  });

  it('album_id of no album of the caller’s → 400 body.album_id', async () => {
    const body = await refused([fixtureFile('small.webp'), field('album_id', '0190f5c2-7a3b-7c4d-8e5f-0123456789ab')], 400, 'validation-error');
    expect(fieldsOf(body)).toEqual(['body.album_id']);
  });

  it.each<[string, FixtureName]>([
    ['plain text named .jpg', 'text.jpg'],
    ['SVG', 'image.svg'],
  ])('%s → 415', async (_label, name) => {
    await refused([file(fixture(name), name, 'image/jpeg')], 415, 'unsupported-media-type');
  });

  it('polyglot.jpg (JPEG magic, no JPEG) passes the signature and fails the header read → 422 unprocessable', async () => {
    await refused([fixtureFile('polyglot.jpg')], 422, 'unprocessable');
  });

  it('bomb.png (30000×30000) → 422 dimensions-exceeded, quickly', async () => {
    const started = Date.now();
    const body = await refused([fixtureFile('bomb.png')], 422, 'dimensions-exceeded');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(body.detail).toContain('30000×30000');
  });

  it('HEIC is refused unless the decoder reads it', async () => {
    // A minimal ISO-BMFF head with the `heic` brand: sharp's prebuilt libvips has no HEVC decoder.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]);
    await refused([file(heic, 'x.heic', 'image/heic')], 415, 'unsupported-media-type');
  });

  it('anonymous → 401 with the challenge, nothing kept', async () => {
    const before = (await imageRows(t)).length;
    const res = await upload(t, null, [fixtureFile('small.webp')]);
    expectProblem(res, { status: 401, slug: 'unauthorized' });
    expect(res.headers['www-authenticate']).toBe('Bearer realm="tessera"');
    await expectNothingKept(t, before);
  });

  it.each(['application/json', 'text/plain', 'multipart/form-data', 'multipart/form-data; charset=utf-8', 'multipart/form-data; boundary=', 'multipart/mixed; boundary=x', 'application/x-www-form-urlencoded'])('Content-Type %s → 415', async (type) => {
    const payload = type === 'application/json' ? '{"title":"x"}' : 'title=x';
    const before = (await imageRows(t)).length;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/images', payload, headers: { ...bearer(owner.access), 'content-type': type } });
    expectProblem(res, { status: 415, slug: 'unsupported-media-type' });
    await expectNothingKept(t, before);
  });

  it('no body at all → 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/images', headers: bearer(owner.access) });
    expectProblem(res, { status: 415, slug: 'unsupported-media-type' });
  });

  describe('malformed multipart → 400 bad-request, never 500', () => {
    const good = () => multipart([field('title', 'x'), fixtureFile('small.webp')]);
    it.each<[string, () => Buffer]>([
      ['no closing boundary', () => multipart([field('title', 'x'), fixtureFile('small.webp')], { noClosing: true })],
      ['cut off inside the file', () => good().subarray(0, good().length - 200)],
      ['garbage', () => Buffer.from('this is not multipart at all\r\n\r\n')],
      ['another boundary than declared', () => multipart([fixtureFile('small.webp')], { boundary: 'other' })],
      ['a file part whose headers never end', () => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n`)],
    ])('%s', async (_label, body) => {
      const before = (await imageRows(t)).length;
      const res = await upload(t, owner.access, body());
      expect(res.statusCode, res.body).toBeLessThan(500);
      expectProblem(res, { status: 400, slug: 'bad-request' });
      await expectNothingKept(t, before);
    });

    // The parser reads these as a well-formed form without parts (it skips a part without Content-Disposition,
    // and takes an empty body for an empty form): the file is then missing.
    it.each<[string, () => Buffer]>([
      ['only a closing boundary', () => Buffer.from(`--${BOUNDARY}--\r\n`)],
      ['empty body', () => Buffer.alloc(0)],
      ['a part without Content-Disposition', () => Buffer.from(`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`)],
    ])('%s → 400 body.file', async (_label, body) => {
      const before = (await imageRows(t)).length;
      const res = await upload(t, owner.access, body());
      expect(fieldsOf(expectProblem(res, { status: 400, slug: 'validation-error' }))).toEqual(['body.file']);
      await expectNothingKept(t, before);
    });
  });

  it('a text part declared application/json keeps its text', async () => {
    const image = await uploadOk(t, owner.access, [{ name: 'title', value: '{"a":1}', contentType: 'application/json' }, { name: 'description', value: '"quoted"', contentType: 'application/json; charset=utf-8' }, fixtureFile('small.webp')]);
    expect(image).toMatchObject({ title: '{"a":1}', description: '"quoted"' });
  });

  it('a part named after an Object.prototype member → 400 bad-request (the parser refuses it), nothing kept', async () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      for (const parts of [[fixtureFile('small.webp'), field(name, 'x')], [fixtureFile('small.webp', name)]]) {
        const body = await refused(parts, 400, 'bad-request');
        expect(body.detail).toMatch(/not allowed/);
      }
    }
  });

  it('a text part declared application/json that is not JSON → 400 bad-request', async () => {
    await refused([fixtureFile('small.webp'), { name: 'title', value: 'plain words', contentType: 'application/json' }], 400, 'bad-request');
  });

  it('more parts than the parser allows → 400 bad-request', async () => {
    const many = Array.from({ length: 90 }, () => field('tags', 'ab'));
    await refused([fixtureFile('small.webp'), ...many], 400, 'bad-request');
  });

  it('Content-Length far above the limit → 413 before the body is read', async () => {
    const head = [
      'POST /api/v1/images HTTP/1.1',
      'Host: t',
      `Authorization: Bearer ${owner.access}`,
      `Content-Type: ${multipartType()}`,
      `Content-Length: ${200 * 1024 * 1024}`,
      '',
      '',
    ].join('\r\n');
    const started = Date.now();
    const [res] = await rawExchange(port, [head, multipart([fixtureFile('small.webp')]).subarray(0, 100)], 5000);
    expect(res?.statusCode, res?.body).toBe(413);
    expect(JSON.parse(res!.body)).toMatchObject({ type: '/problems/payload-too-large', status: 413 });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(res!.headers.connection).toBe('close');
    expect(await tempObjects(t)).toEqual([]);
  });

  it('a chunked upload (no Content-Length) is accepted', async () => {
    const body = multipart([field('title', 'chunked'), fixtureFile('landscape.jpg')]);
    const head = ['POST /api/v1/images HTTP/1.1', 'Host: t', `Authorization: Bearer ${owner.access}`, `Content-Type: ${multipartType()}`, 'Transfer-Encoding: chunked', 'Connection: close', '', ''].join('\r\n');
    const chunks = [body.subarray(0, 7000), body.subarray(7000)].map((c) => Buffer.concat([Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]));
    const [res] = await rawExchange(port, [head, ...chunks, '0\r\n\r\n'], 5000);
    expect(res?.statusCode, res?.body).toBe(201);
    expect(JSON.parse(res!.body)).toMatchObject({ title: 'chunked', file_size: fixture('landscape.jpg').length });
  });
});

describe('bodies that stop arriving', () => {
  let t: TestApp;
  let owner: Account;
  let port: number;
  beforeAll(async () => {
    // 300 ms instead of the contract's 30 s. The handler deadline is pushed out of the way: the upload route runs
    // under REQUEST_TIMEOUT_MS, which would otherwise answer 503 first.
    t = await buildTestApp({ env: { ...NO_LIMITS, REQUEST_TIMEOUT_MS: '120000' }, bodyIdleTimeoutMs: 300 });
    owner = await register(t.app);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  const headFor = (body: Buffer) =>
    `POST /api/v1/images HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer ${owner.access}\r\nContent-Type: ${multipartType()}\r\nContent-Length: ${body.length}\r\n\r\n`;

  async function expectNoTempSoon(): Promise<void> {
    const deadline = Date.now() + 3000;
    while ((await tempObjects(t)).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await tempObjects(t)).toEqual([]);
  }

  it.for<[string, number]>([
    ['inside the file', 5000],
    ['between parts', 140],
  ])('a body that stalls %s → 408 request-timeout, connection closed', { concurrent: true, timeout: 60_000 }, async ([, cut], { expect }) => {
    const body = multipart([field('title', 'x'.repeat(60)), fixtureFile('landscape.jpg')]);
    const [res] = await rawExchange(port, [headFor(body), body.subarray(0, cut)], 45_000);
    expect(res?.statusCode, res?.body).toBe(408);
    expect(res!.headers.connection).toBe('close');
    expect(JSON.parse(res!.body)).toMatchObject({ type: '/problems/request-timeout', status: 408 });
  });

  it('… and kept nothing', async () => {
    await expectNoTempSoon();
    expect(await imageRows(t)).toHaveLength(0);
  });

  it('a client that leaves mid-file leaves no temporary object and no row', async () => {
    const body = multipart([fixtureFile('landscape.jpg')]);
    await rawExchange(port, [headFor(body), body.subarray(0, 8000), { pauseMs: 100 }], 0);
    await expectNoTempSoon();
    expect(await imageRows(t)).toHaveLength(0);
  });
});

describe('MAX_UPLOAD_BYTES', () => {
  const limit = fixture('landscape.jpg').length;
  let t: TestApp;
  let owner: Account;
  beforeAll(async () => {
    t = await buildTestApp({ env: { ...NO_LIMITS, MAX_UPLOAD_BYTES: String(limit) } });
    owner = await register(t.app);
  });
  afterAll(() => t.close());

  it('a file of exactly the limit is accepted', async () => {
    const image = await uploadOk(t, owner.access, [fixtureFile('landscape.jpg')]);
    expect(image.file_size).toBe(limit);
  });

  it('one byte more → 413, nothing kept', async () => {
    const before = (await imageRows(t)).length;
    const res = await upload(t, owner.access, [file(Buffer.concat([fixture('landscape.jpg'), Buffer.from([0])]))]);
    const body = expectProblem(res, { status: 413, slug: 'payload-too-large', instance: '/api/v1/images' });
    expect(body.detail).toContain(String(limit));
    await expectNothingKept(t, before);
  });

  it('one byte more, with text parts after the file → still 413', async () => {
    const before = (await imageRows(t)).length;
    const res = await upload(t, owner.access, [file(Buffer.concat([fixture('landscape.jpg'), Buffer.from([0])])), field('title', 'after')]);
    expectProblem(res, { status: 413, slug: 'payload-too-large' });
    await expectNothingKept(t, before);
  });
});

describe('upload rate limit (contract §13: 50/hour, every attempt counts)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { RATE_LIMIT_UPLOAD: '2/1h', RATE_LIMIT_REGISTER: '100/1h' } });
  });
  afterAll(() => t.close());

  it('refused attempts count; the third → 429 with Retry-After, nothing kept', async () => {
    const owner = await register(t.app);
    expect((await upload(t, owner.access, [fixtureFile('text.jpg')])).statusCode).toBe(415);
    expect((await upload(t, owner.access, [fixtureFile('small.webp')])).statusCode).toBe(201);
    const before = (await imageRows(t)).length;
    const res = await upload(t, owner.access, [fixtureFile('small.webp')]);
    expectProblem(res, { status: 429, slug: 'rate-limited' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await expectNothingKept(t, before);
  });
});

describe('malware scanning with clamd', () => {
  let clamd: ClamdHandle;
  let t: TestApp;
  let owner: Account;
  beforeAll(async () => {
    clamd = await startClamd();
    t = await buildTestApp({ env: { ...NO_LIMITS, CLAMAV_URL: clamd.url } });
    owner = await register(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await clamd?.stop();
  });

  it('EICAR after a valid JPEG → 422 malware-detected, no row, no temp object, audited with the signature', async () => {
    const before = (await imageRows(t)).length;
    const infected = Buffer.concat([fixture('landscape.jpg'), Buffer.from(EICAR, 'latin1')]);
    const res = await upload(t, owner.access, [file(infected)]);
    const body = expectProblem(res, { status: 422, slug: 'malware-detected', instance: '/api/v1/images' });
    expect(body.detail).not.toMatch(/EICAR|Tessera\.Test/);
    await expectNothingKept(t, before);
    const audit = (await auditEntries(t, 'upload.malware_rejected')).filter((e) => e.actor_id === owner.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ file_size: infected.length, signature: expect.stringContaining('Tessera.Test.EICAR') as string });
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/^tessera_malware_detections_total 1$/m);
  });

  it('a clean upload passes', async () => {
    expect((await uploadOk(t, owner.access, [fixtureFile('landscape.jpg')])).status).toBe('processing');
  });
});

describe('scanner down', () => {
  const DEAD = 'unix:///nonexistent/tessera-clamd.sock';

  it('SCAN_REQUIRED=true → 503 with Retry-After, nothing kept', async () => {
    const t = await buildTestApp({ env: { ...NO_LIMITS, CLAMAV_URL: DEAD, SCAN_REQUIRED: 'true', SCAN_TIMEOUT_MS: '1000' } });
    try {
      const owner = await register(t.app);
      const res = await upload(t, owner.access, [fixtureFile('small.webp')]);
      expectProblem(res, { status: 503, slug: 'service-unavailable' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      await expectNothingKept(t, 0);
    } finally {
      await t.close();
    }
  });

  it('not required → accepted unscanned and counted', async () => {
    const t = await buildTestApp({ env: { ...NO_LIMITS, CLAMAV_URL: DEAD, SCAN_TIMEOUT_MS: '1000' } });
    try {
      const owner = await register(t.app);
      await uploadOk(t, owner.access, [fixtureFile('small.webp')]);
      await uploadOk(t, owner.access, [fixtureFile('alpha.png')]);
      const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(metrics).toMatch(/^tessera_uploads_unscanned_total 2$/m);
    } finally {
      await t.close();
    }
  });
});
