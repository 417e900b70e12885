/**
 * Contract §7.7: variant and original bytes — headers, strong ETag and 304, single ranges (206/416),
 * If-Range, HEAD, cache and CORS rules per visibility, and signed URLs (authentic, tampered, expired).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { bearer, makeAdmin, NO_LIMITS, register, type Account } from './helpers/identity.js';
import { field, file, fixture, fixtureFile, pathOf, sha256, uploadOk, type ImageJson } from './helpers/images.js';
import { expectProblem } from './helpers/problem.js';

const BYTES_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
const UNKNOWN_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';

let t: TestApp;
let owner: Account;
let stranger: Account;
let admin: Account;
let pub: ImageJson;
let unlisted: ImageJson;
let priv: ImageJson;

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS, worker: true });
  owner = await register(t.app);
  stranger = await register(t.app);
  admin = await makeAdmin(t);
  const up = (visibility: string) => uploadOk(t, owner.access, [field('visibility', visibility), file(fixture('landscape.jpg'), 'Harbour at dusk.jpg')], { wait: true });
  pub = await up('public');
  unlisted = await up('unlisted');
  priv = await up('private');
});
afterAll(() => t.close());

function get(url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET'): Promise<LightMyRequestResponse> {
  return t.app.inject({ method, url, headers });
}
const variantUrl = (image: ImageJson, name: string) => `/api/v1/images/${image.id}/variants/${name}`;
const etagOf = (bytes: Buffer) => `"${sha256(bytes).slice(0, 32)}"`;

/** Headers every 200/206 byte response carries. */
function expectByteHeaders(res: LightMyRequestResponse, contentType: string): void {
  expect(res.headers['content-type']).toBe(contentType);
  expect(res.headers['accept-ranges']).toBe('bytes');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toBe(BYTES_CSP);
  expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  expect(res.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
}

describe('a public variant, anonymously', () => {
  it('200 with type, exact length, strong ETag of the bytes, immutable caching, * CORS and inline disposition', async () => {
    const res = await get(variantUrl(pub, 'thumbnail'));
    expect(res.statusCode).toBe(200);
    expectByteHeaders(res, 'image/webp');
    expect(res.headers.etag).toBe(etagOf(res.rawPayload));
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.length).toBe(pub.variants.thumbnail!.file_size);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-expose-headers']).toContain('ETag');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['content-disposition']).toBe(`inline; filename="${pub.id}-thumbnail.webp"`);
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('RIFF');
  });

  it('the `original` variant of a JPEG is image/jpeg with a .jpg name', async () => {
    const res = await get(variantUrl(pub, 'original'));
    expectByteHeaders(res, 'image/jpeg');
    expect(res.headers.etag).toBe(etagOf(res.rawPayload));
    expect(res.headers['content-disposition']).toBe(`inline; filename="${pub.id}-original.jpg"`);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('If-None-Match → 304 with ETag and Cache-Control, no body; lists, W/ and * match too', async () => {
    const etag = (await get(variantUrl(pub, 'small'))).headers.etag as string;
    for (const header of [etag, `"nope", ${etag}`, `W/${etag}`, '*']) {
      const res = await get(variantUrl(pub, 'small'), { 'if-none-match': header });
      expect(res.statusCode, header).toBe(304);
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.rawPayload.length).toBe(0);
    }
    expect((await get(variantUrl(pub, 'small'), { 'if-none-match': '"0123456789abcdef0123456789abcdef"' })).statusCode).toBe(200);
  });

  describe('Range', () => {
    let full: Buffer;
    let size: number;
    let etag: string;
    beforeAll(async () => {
      const res = await get(variantUrl(pub, 'medium'));
      full = res.rawPayload;
      size = full.length;
      etag = res.headers.etag as string;
    });

    it.each<[string, (n: number) => [number, number]]>([
      ['bytes=0-9', () => [0, 9]],
      ['bytes=10-', (n) => [10, n - 1]],
      ['bytes=-5', (n) => [n - 5, n - 1]],
      ['bytes=0-0', () => [0, 0]],
      ['bytes=100-999999999', (n) => [100, n - 1]],
    ])('%s → 206 with Content-Range and exactly those bytes', async (range, expected) => {
      const [start, end] = expected(size);
      const res = await get(variantUrl(pub, 'medium'), { range });
      expect(res.statusCode).toBe(206);
      expectByteHeaders(res, 'image/webp');
      expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
      expect(Number(res.headers['content-length'])).toBe(end - start + 1);
      expect(res.rawPayload.equals(full.subarray(start, end + 1))).toBe(true);
      expect(res.headers.etag).toBe(etag);
    });

    it('a suffix longer than the object → 206 of the whole object', async () => {
      const res = await get(variantUrl(pub, 'medium'), { range: `bytes=-${size + 100}` });
      expect(res.statusCode).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes 0-${size - 1}/${size}`);
      expect(res.rawPayload.equals(full)).toBe(true);
    });

    it.each(['bytes=0-1,5-9', 'bytes=0-1, 4-5', 'items=0-5', 'bytes=abc', 'bytes=-'])('%s → 200 full', async (range) => {
      const res = await get(variantUrl(pub, 'medium'), { range });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-range']).toBeUndefined();
      expect(res.rawPayload.equals(full)).toBe(true);
    });

    it.each(['start', 'suffix0'])('unsatisfiable (%s) → 416 problem with Content-Range: bytes */size', async (kind) => {
      const range = kind === 'start' ? `bytes=${size}-` : 'bytes=-0';
      const res = await get(variantUrl(pub, 'medium'), { range });
      expectProblem(res, { status: 416, slug: 'range-not-satisfiable', instance: variantUrl(pub, 'medium') });
      expect(res.headers['content-range']).toBe(`bytes */${size}`);
    });

    it('If-Range equal to the ETag → 206; a different ETag or a date → 200 full', async () => {
      expect((await get(variantUrl(pub, 'medium'), { range: 'bytes=0-9', 'if-range': etag })).statusCode).toBe(206);
      for (const ifRange of ['"0123456789abcdef0123456789abcdef"', 'Wed, 21 Oct 2015 07:28:00 GMT', `W/${etag}`]) {
        const res = await get(variantUrl(pub, 'medium'), { range: 'bytes=0-9', 'if-range': ifRange });
        expect(res.statusCode, ifRange).toBe(200);
        expect(res.rawPayload.equals(full)).toBe(true);
      }
    });
  });

  it('HEAD → the same headers, no body', async () => {
    const got = await get(variantUrl(pub, 'large'));
    const head = await get(variantUrl(pub, 'large'), {}, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.rawPayload.length).toBe(0);
    for (const name of ['content-type', 'content-length', 'etag', 'cache-control', 'content-disposition', 'accept-ranges', 'access-control-allow-origin', 'content-security-policy', 'cross-origin-resource-policy']) {
      expect(head.headers[name], name).toBe(got.headers[name]);
    }
    const ranged = await get(variantUrl(pub, 'large'), { range: 'bytes=0-9' }, 'HEAD');
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 0-9/${got.rawPayload.length}`);
    expect(ranged.headers['content-length']).toBe('10');
    const notModified = await get(variantUrl(pub, 'large'), { 'if-none-match': got.headers.etag as string }, 'HEAD');
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers.etag).toBe(got.headers.etag);
    const original = await get(`/api/v1/images/${pub.id}/original`, bearer(owner.access), 'HEAD');
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-length']).toBe(String(fixture('landscape.jpg').length));
    expect(original.rawPayload.length).toBe(0);
  });

  it('/variants/huge → 400 path.variant; a malformed id → 400 path.id; an unknown id → 404', async () => {
    const body = expectProblem(await get(variantUrl(pub, 'huge')), { status: 400, slug: 'validation-error' });
    expect((body.errors as { field: string }[]).map((e) => e.field)).toEqual(['path.variant']);
    const bad = expectProblem(await get('/api/v1/images/nope/variants/thumbnail'), { status: 400, slug: 'validation-error' });
    expect((bad.errors as { field: string }[]).map((e) => e.field)).toContain('path.id');
    expectProblem(await get(`/api/v1/images/${UNKNOWN_ID}/variants/thumbnail`), { status: 404, slug: 'not-found' });
    expectProblem(await get(`/api/v1/images/${UNKNOWN_ID}/original`), { status: 404, slug: 'not-found' });
  });
});

describe('cache and CORS per visibility', () => {
  it('unlisted → public, max-age=3600 with * CORS; unsigned URL works anonymously', async () => {
    expect(unlisted.variants.thumbnail!.url).toBe(variantUrl(unlisted, 'thumbnail'));
    const res = await get(variantUrl(unlisted, 'thumbnail'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('private, read by its owner or staff with a bearer token → private, no-store, no * CORS', async () => {
    for (const token of [owner.access, admin.access]) {
      const res = await get(variantUrl(priv, 'thumbnail'), bearer(token));
      expect(res.statusCode).toBe(200);
      expectByteHeaders(res, 'image/webp');
      expect(res.headers.etag).toBe(etagOf(res.rawPayload));
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('a public image read through a signed URL is still anonymously readable: * CORS, but private caching', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const sig = t.container.ports.urlSigner.sign(pub.id, 'thumbnail', exp);
    const res = await get(`${variantUrl(pub, 'thumbnail')}?exp=${exp}&sig=${sig}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('private images and signed URLs', () => {
  it('anonymous and strangers → 404', async () => {
    for (const headers of [{}, bearer(stranger.access)]) {
      expectProblem(await get(variantUrl(priv, 'thumbnail'), headers), { status: 404, slug: 'not-found' });
    }
  });

  it("the signed URL from the owner's JSON works without a token: private, no-store, no * CORS", async () => {
    for (const name of ['thumbnail', 'original']) {
      const res = await get(pathOf(priv.variants[name]!.url));
      expect(res.statusCode, name).toBe(200);
      expect(res.headers.etag).toBe(etagOf(res.rawPayload));
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('a tampered or misapplied signature is ignored: the caller is judged on the token (anonymous → 404, owner → 200)', async () => {
    const url = new URL(priv.variants.thumbnail!.url, 'http://x');
    const sig = url.searchParams.get('sig')!;
    const exp = url.searchParams.get('exp')!;
    const tampered = `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const query of [`exp=${exp}&sig=${tampered}`, `exp=${Number(exp) + 600}&sig=${sig}`, `exp=${exp}`, `sig=${sig}`, `exp=abc&sig=${sig}`, `exp=${exp}&sig=`]) {
      expectProblem(await get(`${variantUrl(priv, 'thumbnail')}?${query}`), { status: 404, slug: 'not-found' });
    }
    // Signed for the thumbnail, not for another variant or the upload.
    expectProblem(await get(`${variantUrl(priv, 'small')}?exp=${exp}&sig=${sig}`), { status: 404, slug: 'not-found' });
    expectProblem(await get(`/api/v1/images/${priv.id}/original?exp=${exp}&sig=${sig}`), { status: 404, slug: 'not-found' });
    expect((await get(`${variantUrl(priv, 'thumbnail')}?exp=${exp}&sig=${tampered}`, bearer(owner.access))).statusCode).toBe(200);
  });

  it('an authentic but expired signature → 403 forbidden', async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    const sig = t.container.ports.urlSigner.sign(priv.id, 'thumbnail', past);
    const body = expectProblem(await get(`${variantUrl(priv, 'thumbnail')}?exp=${past}&sig=${sig}`), { status: 403, slug: 'forbidden' });
    expect(body.detail).toMatch(/expired/);
    const upload = t.container.ports.urlSigner.sign(priv.id, 'upload', past);
    expectProblem(await get(`/api/v1/images/${priv.id}/original?exp=${past}&sig=${upload}`), { status: 403, slug: 'forbidden' });
  });

  it('a deleted image is 404 whatever the signature', async () => {
    const image = await uploadOk(t, owner.access, [fixtureFile('small.webp')], { wait: true });
    await t.container.sql.db.updateTable('images').set({ status: 'deleted' }).where('id', '=', image.id).execute();
    expectProblem(await get(pathOf(image.variants.thumbnail!.url)), { status: 404, slug: 'not-found' });
    expectProblem(await get(pathOf(image.original_url!)), { status: 404, slug: 'not-found' });
  });
});

describe('/original', () => {
  it('the owner gets the exact uploaded bytes as an attachment, private, no-store, even for a public image', async () => {
    const res = await get(`/api/v1/images/${pub.id}/original`, bearer(owner.access));
    expect(res.statusCode).toBe(200);
    expectByteHeaders(res, 'image/jpeg');
    expect(res.rawPayload.equals(fixture('landscape.jpg'))).toBe(true);
    expect(res.headers.etag).toBe(etagOf(res.rawPayload));
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Harbour_at_dusk.jpg"; filename*=UTF-8''Harbour_at_dusk.jpg`);
    const ranged = await get(`/api/v1/images/${pub.id}/original`, { ...bearer(owner.access), range: 'bytes=0-2' });
    expect(ranged.statusCode).toBe(206);
    expect([...ranged.rawPayload]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('strangers, staff and anonymous callers → 404, public image or not', async () => {
    for (const image of [pub, priv]) {
      for (const headers of [{}, bearer(stranger.access), bearer(admin.access)]) {
        expectProblem(await get(`/api/v1/images/${image.id}/original`, headers), { status: 404, slug: 'not-found' });
      }
    }
  });

  it('the signed original_url works without a token', async () => {
    const res = await get(pathOf(priv.original_url!));
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(fixture('landscape.jpg'))).toBe(true);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-disposition']).toMatch(/^attachment; /);
  });
});

describe('images without variants', () => {
  it('a processing image: variants → 404 even for its owner; its original is served to the owner', async () => {
    const image = await uploadOk(t, owner.access, [field('visibility', 'public'), fixtureFile('small.webp')], { wait: true });
    await t.container.sql.db.updateTable('images').set({ status: 'processing', variants: '{}' }).where('id', '=', image.id).execute();
    const body = expectProblem(await get(variantUrl(image, 'thumbnail'), bearer(owner.access)), { status: 404, slug: 'not-found' });
    expect(body.detail).toMatch(/not yet available/);
    expectProblem(await get(variantUrl(image, 'thumbnail')), { status: 404, slug: 'not-found' });
    const original = await get(`/api/v1/images/${image.id}/original`, bearer(owner.access));
    expect(original.statusCode).toBe(200);
    expect(original.rawPayload.equals(fixture('small.webp'))).toBe(true);
  });
});
