/**
 * The gallery (issue 5): variant throughput against a raw sharp script making the same five outputs, upload
 * acceptance p95 against a bare Fastify route piping the file part to disk, and peak RSS while a 10× oversized
 * upload is refused.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { photoJpeg, photoJpegOfSize } from './lib/images.js';
import { createDatabase, postgresReachable, type BenchDatabase } from './lib/postgres.js';
import { startProcess, tempDir, type Running } from './lib/processes.js';
import { startRedis } from './lib/redis.js';
import { peakRssDuring, type PeakRss } from './lib/rss.js';
import { fmt, mb, median, percentile, ratioText, section, type Row, type Table } from './lib/table.js';
import { signUp, startTessera } from './lib/tessera.js';
import { servingBench } from './http.bench.js';
import { postMultipart, postOversize } from './lib/upload.js';

const VARIANT_FORMAT = 'webp';
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 6);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 30);
const MAX_UPLOAD_BYTES = 10 * 1_048_576;
const BLOCK = 5;
/**
 * The variant the serving benchmark fetches. A thumbnail by default: galleries ask for those most, and autocannon
 * itself tops out near 50 MB/s here, so with a 100 KiB medium every reference measures the client, not the server.
 */
const SERVED_VARIANT = process.env.BENCH_SERVE_VARIANT ?? 'thumbnail';

/** The whole section; a part that fails becomes a FAILED row and the rest still runs. */
export async function galleryBench(table: Table, durationS: number): Promise<void> {
  let gallery: Gallery | undefined;
  try {
    gallery = await startGallery();
    const served = await variantBench(table, gallery);
    await servingBench(table, served, durationS).catch((err: unknown) => table.failed('serving a private variant', err));
  } catch (err) {
    table.failed('variant throughput', err);
  } finally {
    await gallery?.stop();
  }
  await uploadBench(table).catch((err: unknown) => table.failed('upload acceptance and peak RSS', err));
}

/** A Tessera with an in-process worker, on PostgreSQL when the server answers (so the outbox can be read). */
export interface Gallery {
  readonly server: Running;
  readonly db: BenchDatabase | undefined;
  readonly auth: Record<string, string>;
  readonly workDir: string;
  stop(): Promise<void>;
}

export async function startGallery(): Promise<Gallery> {
  const db = (await postgresReachable()) ? await createDatabase('variants') : undefined;
  if (!db) process.stderr.write('  (PostgreSQL unreachable: PGlite, end-to-end timing only)\n');
  const workDir = tempDir('tessera-bench-photos-');
  try {
    const server = await startTessera({ RATE_LIMIT_ENABLED: 'false', VARIANT_FORMAT, ...(db ? { DATABASE_URL: db.url } : {}) });
    const auth = await signUp(server, 'bench_gallery').catch(async (err: unknown) => {
      await server.stop();
      throw err;
    });
    return {
      server,
      db,
      auth,
      workDir,
      async stop() {
        await server.stop();
        await db?.drop();
        fs.rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await db?.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
    throw err;
  }
}

interface VariantJson {
  readonly url: string;
  readonly format: string;
  readonly file_size: number;
}
interface ImageJson {
  readonly id: string;
  readonly status: string;
  readonly variants: Record<string, VariantJson>;
}

/** What the serving benchmark needs: a processed private image's variant, by its signed URL. */
export interface ServedVariant {
  readonly signedUrl: string;
  readonly contentType: string;
  readonly name: string;
  readonly size: number;
}

async function uploadPhoto(gallery: Gallery, file: Buffer): Promise<{ image: ImageJson; ms: number }> {
  const res = await postMultipart(`${gallery.server.url}/api/v1/images?wait=true`, file, { headers: gallery.auth, fields: { visibility: 'private' } });
  if (res.status !== 201) throw new Error(`upload ?wait=true answered ${res.status}: ${res.body.slice(0, 200)}`);
  const image = JSON.parse(res.body) as ImageJson;
  if (image.status !== 'active') throw new Error(`image ${image.id} is ${image.status} after ?wait=true`);
  return { image, ms: res.ms };
}

interface RawTimed {
  readonly file: string;
  readonly ms: number;
  readonly outputs: { name: string; sha256: string; size: number }[];
}

/** bench/reference/raw-variants.ts as a child process, warmed up, fed one JPEG at a time. */
async function startRawVariants(outDir: string, warmUp: string): Promise<{ run(file: string): Promise<RawTimed>; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/reference/raw-variants.ts', outDir, VARIANT_FORMAT, warmUp], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const nextLine = async (): Promise<string> => {
    const next = await Promise.race([lines.next(), exited.then((code) => ({ done: true as const, value: `exited with ${code}` }))]);
    if (next.done) throw new Error(`raw-variants.ts ${String(next.value ?? 'closed its output')}`);
    return next.value;
  };
  if ((await nextLine()) !== 'ready') throw new Error('raw-variants.ts did not warm up');
  return {
    async run(file) {
      child.stdin.write(`${file}\n`);
      return JSON.parse(await nextLine()) as RawTimed;
    },
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

/**
 * Variant throughput. Tessera: each 12 MP JPEG uploaded with `?wait=true`, one at a time, so exactly one image is
 * processed at once; the figure is the worker's own processing time from `image.processed`'s `duration_ms`
 * (promote, read, five variants, writes, EXIF), the like-for-like of the raw script (read, five variants, writes).
 * End to end (upload to `201` with the image active) is reported beside it. The outputs are checked byte for byte:
 * each variant's ETag (a sha256 prefix) against the raw script's sha256.
 */
export async function variantBench(table: Table, gallery: Gallery): Promise<ServedVariant> {
  section(`Variants: ${PHOTOS} photo-like 12 MP JPEGs → five ${VARIANT_FORMAT}/jpeg variants each`);
  const files: string[] = [];
  for (let i = 0; i < PHOTOS; i += 2) {
    const batch = await Promise.all(Array.from({ length: Math.min(2, PHOTOS - i) }, () => photoJpeg({ width: 4000, height: 3000 })));
    for (const jpeg of batch) {
      const file = path.join(gallery.workDir, `photo-${files.length}.jpg`);
      fs.writeFileSync(file, jpeg);
      files.push(file);
    }
  }
  const sizes = files.map((f) => fs.statSync(f).size);
  process.stderr.write(`  12 MP JPEGs of ${sizes.map((s) => mb(s)).join(', ')}\n`);

  // Interleaved one image at a time (and alternating who goes first), so background load hits both alike.
  const rawDir = path.join(gallery.workDir, 'raw');
  fs.mkdirSync(rawDir);
  const rawVariants = await startRawVariants(rawDir, files[0]!);
  const uploads: { image: ImageJson; ms: number }[] = [];
  const raw: RawTimed[] = [];
  try {
    await uploadPhoto(gallery, fs.readFileSync(files[0]!)); // warm-up, as the raw script's
    for (const [i, file] of files.entries()) {
      if (i % 2 === 1) raw.push(await rawVariants.run(file));
      uploads.push(await uploadPhoto(gallery, fs.readFileSync(file)));
      if (i % 2 === 0) raw.push(await rawVariants.run(file));
    }
  } finally {
    await rawVariants.stop();
  }
  const rawPerS = 1000 / median(raw.map((r) => r.ms));

  // Byte-identical outputs: the ETag of every variant is the first 32 hex digits of its sha256.
  let identical = 0;
  let compared = 0;
  for (const [i, { image }] of uploads.entries()) {
    for (const output of raw[i]!.outputs) {
      const variant = image.variants[output.name];
      if (!variant) continue;
      const res = await fetch(`${gallery.server.url}${variant.url}`, { method: 'HEAD' });
      compared++;
      if (res.headers.get('etag') === `"${output.sha256.slice(0, 32)}"`) identical++;
    }
  }
  const same = identical === compared && compared === raw.length * 5 ? 'outputs byte-identical' : `only ${identical}/${raw.length * 5} outputs identical`;

  const endToEndPerS = 1000 / median(uploads.map((u) => u.ms));
  if (gallery.db) {
    const ids = uploads.map((u) => u.image.id);
    const rows = await gallery.db.query<{ aggregate_id: string; duration_ms: string }>(
      `SELECT aggregate_id, payload->>'duration_ms' AS duration_ms FROM outbox WHERE type = 'image.processed' AND aggregate_id = ANY($1::uuid[])`,
      [ids],
    );
    if (rows.length !== ids.length) throw new Error(`found ${rows.length} image.processed events for ${ids.length} uploads`);
    const processingMs = new Map(rows.map((r) => [r.aggregate_id, Number(r.duration_ms)]));
    const ours = ids.map((id) => processingMs.get(id)!);
    process.stderr.write(`  per image, worker ms: ${ours.map((m) => fmt(m)).join(', ')}; raw sharp ms: ${raw.map((r) => fmt(r.ms)).join(', ')}\n`);
    // The median image time of each, taken in pairs side by side: one image slowed by a burst of background
    // load on this shared machine moves a mean, not a median.
    table.record(
      `variant processing, 12 MP JPEG → 5 variants (worker duration_ms from image.processed, one image at a time, median of ${ids.length})`,
      1000 / median(ours),
      'images/s',
      `raw sharp script, same settings (${same})`,
      rawPerS,
      { min: 0.9 },
    );
  }
  table.record(
    `variants end to end: ${fmt(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1_048_576)} MB upload ?wait=true → 201 active (median)`,
    endToEndPerS,
    'images/s',
    `raw sharp script (${same})`,
    rawPerS,
  );

  const { image } = uploads[0]!;
  const variant = image.variants[SERVED_VARIANT];
  if (!variant) throw new Error(`no variant named ${SERVED_VARIANT}`);
  return { signedUrl: `${gallery.server.url}${variant.url}`, contentType: `image/${variant.format}`, name: `${SERVED_VARIANT} ${variant.format}`, size: variant.file_size };
}

async function acceptLatencies(label: string, send: () => Promise<{ status: number; ms: number }>, count: number, concurrency: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const res = await send();
        if (res.status !== 201) throw new Error(`${label}: upload answered ${res.status}`);
        latencies.push(res.ms);
      }
    }),
  );
  return latencies;
}

/**
 * Tessera runs as ROLE=api (with a private Redis) so no worker processes the accepted uploads on the same two
 * cores meanwhile. First its peak RSS while 100 MB uploads (10× MAX_UPLOAD_BYTES) are refused, against 8 MB ones
 * accepted; then upload acceptance (201 without `wait`) for 0.3, 3 and 8 MB JPEGs, UPLOADS each at concurrency 2
 * after 3 warm-ups, against bare Fastify + @fastify/multipart piping the part to a file.
 */
export async function uploadBench(table: Table): Promise<void> {
  const uploads = [
    { label: '0.3 MB', bytes: 0.3 * 1_048_576, options: {} },
    { label: '3 MB', bytes: 3 * 1_048_576, options: {} },
    { label: '8 MB', bytes: 8 * 1_048_576, options: { noise: 20, detail: 0.5, quality: 95 } },
  ];
  const jpegs = await Promise.all(uploads.map((u) => photoJpegOfSize(u.bytes, u.options)));
  const redis = await startRedis();
  const db = (await postgresReachable()) ? await createDatabase('uploads') : undefined;
  const role = redis ? 'ROLE=api' : 'ROLE=all';
  if (!redis) process.stderr.write('  (no redis-server: Tessera runs ROLE=all, its worker processes the uploads meanwhile)\n');
  const running: Running[] = [];
  try {
    const env = { RATE_LIMIT_ENABLED: 'false', MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES), ...(redis ? { ROLE: 'api', REDIS_URL: redis.url } : {}), ...(db ? { DATABASE_URL: db.url } : {}) };
    const tessera = await startTessera(env);
    running.push(tessera);
    const bare = await startProcess(['bench/reference/bare-upload.mjs'], { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) }, '/health/live');
    running.push(bare);
    const auth = await signUp(tessera, 'bench_uploader');
    const toTessera = (file: Buffer) => () => postMultipart(`${tessera.url}/api/v1/images`, file, { headers: auth });
    const toBare = (file: Buffer) => () => postMultipart(`${bare.url}/upload`, file);

    // Peak RSS first, on the fresh process: the 100 MB uploads come before any 8 MB one, so they cannot hide
    // under memory an earlier large upload left behind; then 8 MB ones accepted, as the reference.
    section(`Peak RSS (MAX_UPLOAD_BYTES=${mb(MAX_UPLOAD_BYTES)})`);
    await acceptLatencies('warm-up', toTessera(jpegs[0]!), 3, 1);
    const oversize = 10 * MAX_UPLOAD_BYTES;
    const declared = await peakRssDuring(tessera.pid, () => postOversize(`${tessera.url}/api/v1/images`, oversize, { headers: auth, declareLength: true }));
    const chunked = await peakRssDuring(tessera.pid, () => postOversize(`${tessera.url}/api/v1/images`, oversize, { headers: auth, declareLength: false }));
    const accepted = await peakRssDuring(tessera.pid, () => acceptLatencies('8 MB', toTessera(jpegs[2]!), 3, 1));
    const peak = (r: PeakRss) => `peak ${mb(r.peakBytes)} (${r.peakBytes >= r.beforeBytes ? '+' : ''}${mb(r.peakBytes - r.beforeBytes)})${r.exact ? '' : ' sampled'}`;
    const reference = `8 MB upload accepted (3×, after): ${peak(accepted.rss)}`;
    const rssRows: Row[] = [];
    for (const [how, run] of [
      ['with Content-Length', declared],
      ['chunked, no length', chunked],
    ] as const) {
      const { result, rss } = run;
      const growth = rss.peakBytes / accepted.rss.peakBytes;
      process.stderr.write(`  ${how}: ${result.status || 'closed'} after ${fmt(result.ms)} ms, ${peak(rss)}\n`);
      rssRows.push({
        name: `peak RSS, ${mb(oversize)} upload ${how}: ${result.status || 'closed'} after ${fmt(result.ms)} ms, ${mb(result.sentBytes)} sent`,
        value: peak(rss),
        reference,
        ratio: `${growth.toFixed(2)}× (${result.status !== 413 && result.status !== 0 ? `NOT REFUSED` : growth <= 1.1 ? 'flat: no growth with size' : 'GROWS WITH SIZE'})`,
      });
    }

    section('Upload acceptance');
    for (const [i, u] of uploads.entries()) {
      const file = jpegs[i]!;
      await acceptLatencies('warm-up', toTessera(file), 3, 1);
      await acceptLatencies('warm-up', toBare(file), 3, 1);
      // In blocks of BLOCK, alternating server and who goes first, so background load hits both alike.
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let done = 0, block = 0; done < UPLOADS; done += BLOCK, block++) {
        const n = Math.min(BLOCK, UPLOADS - done);
        const order = block % 2 === 0 ? ([ours, theirs] as const) : ([theirs, ours] as const);
        for (const into of order) into.push(...(await acceptLatencies(into === ours ? 'tessera' : 'bare', into === ours ? toTessera(file) : toBare(file), n, 2)));
      }
      ours.sort((a, b) => a - b);
      theirs.sort((a, b) => a - b);
      const p = (l: number[]) => `p95 ${fmt(percentile(l, 0.95))} ms (p50 ${fmt(percentile(l, 0.5))})`;
      table.add({
        name: `upload acceptance, ${u.label} JPEG (${mb(file.length)}): ${UPLOADS}× at concurrency 2, 201 without wait (${role})`,
        value: p(ours),
        reference: `bare Fastify multipart → disk: ${p(theirs)}`,
        ratio: ratioText(percentile(ours, 0.95), percentile(theirs, 0.95), { max: 2 }),
      });
    }

    for (const row of rssRows) table.add(row);
  } finally {
    for (const r of running.reverse()) await r.stop();
    await redis?.stop();
    await db?.drop();
  }
}
