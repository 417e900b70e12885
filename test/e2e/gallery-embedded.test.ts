/**
 * The gallery journey against the real process on the embedded default: `node dist/main.js` with nothing
 * configured (PGlite, local files under DATA_DIR/files, in-process queue). A phone photo with GPS uploaded with
 * `?wait=true` through a real multipart request, its five variants, the thumbnail bytes, GPS hidden from a
 * stranger, the image made private, deleted (files gone), and an upload left unprocessed by a SIGTERM that is
 * processed after the restart. The tests of this file run in order and share one server and DATA_DIR.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/infrastructure/persistence/postgres/connection.js';
import { call, getBytes, poll, register, tail, upload, type Body } from '../support/e2e-client.js';
import { ensureBuilt, killAll, sleep, spawnServer, tempDataDir, type ServerProcess } from '../support/spawn-server.js';

const VARIANTS = ['thumbnail', 'small', 'medium', 'large', 'original'];
const LANDSCAPE = fs.readFileSync(fileURLToPath(new URL('../fixtures/images/landscape.jpg', import.meta.url)));

/** Every file under DATA_DIR/files whose path names the image. */
function filesOf(dataDir: string, imageId: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((relative) => relative.includes(imageId));
}

describe('gallery journey: node dist/main.js with nothing configured', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;
  let owner: string;
  let stranger: string;
  let imageId: string;
  let image: Body;

  beforeAll(async () => {
    await ensureBuilt();
    server = await spawnServer({ env: { DATA_DIR: dataDir } });
    await server.waitForReady();
    owner = await register(server, 'gallery_owner');
    stranger = await register(server, 'gallery_stranger');
  }, 180_000);
  afterAll(async () => {
    await killAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads a phone photo with GPS with ?wait=true: 201 active with all five variants and the GPS for the owner', { timeout: 60_000 }, async () => {
    const res = await upload(server, owner, { title: 'Harbour at dusk', visibility: 'public', tags: 'sea, dusk' }, LANDSCAPE, { wait: true });
    console.log(`[e2e] embedded upload → active with ?wait=true: ${res.ms} ms`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    image = res.body;
    imageId = image.id as string;
    expect(res.headers.get('location')).toBe(`/api/v1/images/${imageId}`);
    expect(image).toMatchObject({ status: 'active', visibility: 'public', mime_type: 'image/jpeg', file_size: LANDSCAPE.length, title: 'Harbour at dusk' });
    expect(image.sha256).toBe(createHash('sha256').update(LANDSCAPE).digest('hex'));
    expect(image.tags).toEqual(['dusk', 'sea']);
    expect(Object.keys(image.variants).sort()).toEqual([...VARIANTS].sort());
    for (const name of VARIANTS) expect(image.variants[name].url).toBe(`/api/v1/images/${imageId}/variants/${name}`);
    expect(image.variants.thumbnail).toMatchObject({ format: 'webp' });
    expect(Math.max(image.variants.thumbnail.width as number, image.variants.thumbnail.height as number)).toBeLessThanOrEqual(150);
    expect(image.exif?.gps).toMatchObject({ latitude: expect.any(Number), longitude: expect.any(Number) });
    expect(image.original_filename).toBe('IMG_2041.jpg');
    expect(filesOf(dataDir, imageId)).toHaveLength(6); // the original and five variants
  });

  it('serves the thumbnail: 200 image/webp that decodes, with a strong ETag and no metadata', async () => {
    const res = await getBytes(server, image.variants.thumbnail.url as string);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(res.bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect(res.bytes.length).toBe(image.variants.thumbnail.file_size);
    const etag = `"${createHash('sha256').update(res.bytes).digest('hex').slice(0, 32)}"`;
    expect(res.headers.get('etag')).toBe(etag);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const decoded = await sharp(res.bytes).metadata();
    expect(decoded).toMatchObject({ format: 'webp', width: image.variants.thumbnail.width, height: image.variants.thumbnail.height });
    expect(decoded.exif).toBeUndefined();
    const again = await fetch(new URL(image.variants.thumbnail.url as string, server.url), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('shows the public image to a stranger and to anonymous callers without GPS', async () => {
    for (const token of [stranger, undefined]) {
      const res = await call(server, 'GET', `/images/${imageId}`, undefined, token);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('active');
      expect(res.body.exif).not.toBeNull();
      expect(res.body.exif).not.toHaveProperty('gps');
      expect(JSON.stringify(res.body)).not.toMatch(/latitude|longitude/);
      expect(res.body).not.toHaveProperty('original_url');
    }
    expect((await call(server, 'GET', `/images/${imageId}`, undefined, owner)).body.exif.gps).toEqual(image.exif.gps);
  });

  it('made private: a stranger gets 404 for the JSON and the thumbnail; the owner\'s signed URL works without a token', async () => {
    const patched = await call(server, 'PATCH', `/images/${imageId}`, { visibility: 'private' }, owner);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.visibility).toBe('private');
    const signedUrl = patched.body.variants.thumbnail.url as string;
    expect(signedUrl).toMatch(new RegExp(`^/api/v1/images/${imageId}/variants/thumbnail\\?.*exp=\\d+.*&sig=[A-Za-z0-9_-]+`));

    for (const token of [stranger, undefined]) {
      expect((await call(server, 'GET', `/images/${imageId}`, undefined, token)).status).toBe(404);
      expect((await getBytes(server, `/api/v1/images/${imageId}/variants/thumbnail`, { token })).status).toBe(404);
    }
    const signed = await getBytes(server, signedUrl);
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-type')).toBe('image/webp');
    expect(signed.headers.get('cache-control')).toBe('private, no-store');
    expect(signed.bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
  });

  it('deletes: 204, 404 for everyone, and the files leave DATA_DIR/files within seconds', { timeout: 30_000 }, async () => {
    expect((await call(server, 'DELETE', `/images/${imageId}`, undefined, owner)).status).toBe(204);
    expect((await call(server, 'GET', `/images/${imageId}`, undefined, owner)).status).toBe(404);
    expect((await getBytes(server, image.variants.thumbnail.url as string, { token: owner })).status).toBe(404);
    await poll('files of the deleted image removed', () => filesOf(dataDir, imageId), (files) => files.length === 0, 10_000);
  });

  it('an upload without wait right before SIGTERM is processed after the restart on the same DATA_DIR', { timeout: 120_000 }, async () => {
    const res = await upload(server, owner, { title: 'last one before shutdown', visibility: 'public' }, LANDSCAPE);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('processing');
    const pendingId = res.body.id as string;
    const stopped = await server.stop('SIGTERM');
    expect(stopped, tail(server)).toEqual({ code: 0, signal: null });

    // What the shutdown left, for the log: processed during the graceful stop, or still waiting.
    const db = await openPglite({ dataDir: path.join(dataDir, 'db') });
    let statusAtStop: string | undefined;
    try {
      const rows = await db.withSession((s) => s.query<{ status: string }>('SELECT status FROM images WHERE id = $1', [pendingId]));
      statusAtStop = rows[0]?.status;
    } finally {
      await db.close();
    }
    console.log(`[e2e] embedded: image uploaded right before SIGTERM was '${statusAtStop}' when the process exited`);

    // NOTE: if this times out with status 'processing', the in-process job queue lost the job on exit (the
    // outbox row was already marked published, so nothing re-enqueues it after the restart). A fix for durable
    // in-process jobs is being made in parallel; this test is the acceptance check for it.
    server = await spawnServer({ env: { DATA_DIR: dataDir } });
    await server.waitForReady();
    const processed = await poll(
      'the image uploaded before SIGTERM becomes active after the restart',
      async () => (await call(server, 'GET', `/images/${pendingId}`, undefined, owner)).body,
      (body) => body.status !== 'processing',
      30_000,
    );
    expect(processed.status).toBe('active');
    expect(Object.keys(processed.variants).sort()).toEqual([...VARIANTS].sort());
    expect((await getBytes(server, processed.variants.thumbnail.url as string)).status).toBe(200);
    const stoppedAgain = await server.stop('SIGTERM');
    expect(stoppedAgain, tail(server)).toEqual({ code: 0, signal: null });
    expect(server.stderr).toBe('');
  });
});

describe('SIGTERM during a download on a keep-alive connection', () => {
  const dataDir = tempDataDir();
  afterAll(async () => {
    await killAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the download, closes the connection and exits 0 at once instead of waiting out the keep-alive', { timeout: 120_000 }, async () => {
    await ensureBuilt();
    // Noise does not compress: a ~5 MB original that cannot fit in the socket buffers of a client that stalls.
    const noise = Buffer.alloc(3000 * 2000 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const big = await sharp(noise, { raw: { width: 3000, height: 2000, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
    const server = await spawnServer({ env: { DATA_DIR: dataDir } });
    await server.waitForReady();
    const token = await register(server, 'keepalive_owner');
    const form = new FormData();
    form.append('visibility', 'public');
    form.append('file', new Blob([big], { type: 'image/jpeg' }), 'noise.jpg');
    const uploaded = await fetch(`${server.url}/api/v1/images?wait=true`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const image = (await uploaded.json()) as Body;
    expect(uploaded.status, JSON.stringify(image)).toBe(201);

    const socket = net.createConnection({ host: '127.0.0.1', port: server.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.pause();
    socket.write(`GET ${image.original_url as string} HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n`);
    await sleep(300);
    const started = performance.now();
    const stopping = server.stop('SIGTERM', 20_000);
    await sleep(300);
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.resume();
    const stopped = await stopping;
    const ms = Math.round(performance.now() - started);
    await closed;
    expect(stopped, tail(server)).toEqual({ code: 0, signal: null });
    expect(ms).toBeLessThan(5_000);
    expect(received).toBeGreaterThan(big.length);
  });
});
