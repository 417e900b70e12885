/** What every BlobStorage adapter must do alike. Run by the local disk and S3 (s3rver) adapter tests. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStorage } from '../../src/domain/gallery/blob-storage.js';
import { DomainError } from '../../src/domain/shared/errors.js';

export interface BlobStorageHarness {
  readonly storage: BlobStorage;
  close(): Promise<void>;
}

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Yields `bytes` in `chunk`-sized slices, as a multipart request body would arrive. */
export async function* chunked(bytes: Uint8Array, chunk = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
}

/** Yields `good` bytes, then fails like a client that went away mid-upload. */
async function* failingAfter(good: Uint8Array, error: Error): AsyncGenerator<Uint8Array> {
  yield* chunked(good);
  throw error;
}

export async function collect(iterable: AsyncIterable<Uint8Array> | null): Promise<Buffer | null> {
  if (!iterable) return null;
  const parts: Buffer[] = [];
  for await (const part of iterable) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

async function keys(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const key of iterable) out.push(key);
  return out;
}

export function describeBlobStorageContract(name: string, make: () => Promise<BlobStorageHarness>): void {
  describe(`BlobStorage contract (${name})`, () => {
    let h: BlobStorageHarness;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(() => h.close());
    const id = () => randomUUID();
    const allTemp = async () => keys(h.storage.listTemp(new Date(Date.now() + 60_000)));

    it('streams a temporary object, reporting size, SHA-256 and head', async () => {
      const bytes = randomBytes(200 * 1024 + 17);
      const temp = await h.storage.putTemp(chunked(bytes, 10_000), { maxBytes: MiB });
      expect(temp.key).toMatch(/^tmp\/[0-9a-f-]{36}$/);
      expect(temp.size).toBe(bytes.length);
      expect(temp.sha256).toBe(sha256(bytes));
      expect(Buffer.from(temp.head).equals(bytes.subarray(0, 64 * 1024))).toBe(true);
      expect((await collect(await h.storage.read(temp.key)))!.equals(bytes)).toBe(true);
      await h.storage.delete(temp.key);
    });

    it('keeps a short upload whole in head, names a temp object on request and accepts an empty one', async () => {
      const small = randomBytes(100);
      const name = id();
      const temp = await h.storage.putTemp(chunked(small, 7), { maxBytes: MiB, name });
      expect(temp.key).toBe(`tmp/${name}`);
      expect(Buffer.from(temp.head).equals(small)).toBe(true);
      const empty = await h.storage.putTemp(chunked(new Uint8Array(0)), { maxBytes: MiB });
      expect(empty).toMatchObject({ size: 0, sha256: sha256(new Uint8Array(0)) });
      expect(empty.head.length).toBe(0);
      expect(await h.storage.stat(empty.key)).toEqual({ size: 0 });
      await Promise.all([h.storage.delete(temp.key), h.storage.delete(empty.key)]);
    });

    it('round-trips a streamed 7 MiB object byte for byte', async () => {
      const bytes = randomBytes(7 * MiB + 3);
      const started = performance.now();
      const temp = await h.storage.putTemp(chunked(bytes), { maxBytes: 10 * MiB });
      const seconds = (performance.now() - started) / 1000;
      console.info(`[${name}] putTemp 7 MiB: ${(seconds * 1000).toFixed(0)} ms, ${(7 / seconds).toFixed(1)} MiB/s`);
      expect(temp.sha256).toBe(sha256(bytes));
      expect(await h.storage.stat(temp.key)).toEqual({ size: bytes.length });
      const back = await collect(await h.storage.read(temp.key));
      expect(back!.length).toBe(bytes.length);
      expect(sha256(back!)).toBe(sha256(bytes));
      await h.storage.delete(temp.key);
    });

    it('accepts exactly maxBytes and refuses maxBytes + 1 without leaving a temp object', async () => {
      const limit = 6 * MiB;
      const exact = await h.storage.putTemp(chunked(randomBytes(limit)), { maxBytes: limit });
      expect(exact.size).toBe(limit);
      await h.storage.delete(exact.key);

      const failure = await h.storage.putTemp(chunked(randomBytes(limit + 1)), { maxBytes: limit }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(DomainError);
      expect(failure).toMatchObject({ kind: 'payload-too-large', code: 'upload.too_large' });
      expect((failure as DomainError).detail).toContain(String(limit));
      expect(await allTemp()).toEqual([]);
    });

    it('stops reading the source at the chunk that crosses the limit', async () => {
      let pulled = 0;
      async function* endless(): AsyncGenerator<Uint8Array> {
        for (;;) {
          pulled += 1;
          yield new Uint8Array(1000);
        }
      }
      await expect(h.storage.putTemp(endless(), { maxBytes: 10_500 })).rejects.toMatchObject({ kind: 'payload-too-large' });
      expect(pulled).toBe(11);
      expect(await allTemp()).toEqual([]);
    });

    it('rethrows a failing source, small or past the first part, and leaves nothing behind', async () => {
      for (const size of [0, 1000, 6 * MiB]) {
        const gone = new Error(`client went away after ${size}`);
        await expect(h.storage.putTemp(failingAfter(randomBytes(size), gone), { maxBytes: 10 * MiB })).rejects.toBe(gone);
      }
      expect(await allTemp()).toEqual([]);
    });

    it('promotes a temporary object to its final key, idempotently', async () => {
      const bytes = randomBytes(3000);
      const temp = await h.storage.putTemp(chunked(bytes), { maxBytes: MiB });
      const final = `originals/${id()}`;
      await h.storage.promote(temp.key, final);
      expect(await h.storage.stat(temp.key)).toBeNull();
      expect(Buffer.from((await h.storage.getBytes(final))!).equals(bytes)).toBe(true);
      await expect(h.storage.promote(temp.key, final)).resolves.toBeUndefined();
      expect(Buffer.from((await h.storage.getBytes(final))!).equals(bytes)).toBe(true);
      await h.storage.delete(final);
    });

    it('refuses to promote when neither the temporary nor the final object exists', async () => {
      await expect(h.storage.promote(`tmp/${id()}`, `originals/${id()}`)).rejects.toThrow();
    });

    it('reads byte ranges, inclusive at both ends', async () => {
      const bytes = randomBytes(10_000);
      const key = `variants/${id()}/small.webp`;
      await h.storage.put(key, bytes, { contentType: 'image/webp' });
      const range = async (start: number, end: number) => collect(await h.storage.read(key, { start, end }));
      expect((await range(0, 0))!.equals(bytes.subarray(0, 1))).toBe(true);
      expect((await range(4000, 4999))!.equals(bytes.subarray(4000, 5000))).toBe(true);
      expect((await range(9999, 9999))!.equals(bytes.subarray(9999))).toBe(true);
      expect((await range(0, 9999))!.equals(bytes)).toBe(true);
      await expect(h.storage.read(key, { start: 5, end: 4 })).rejects.toThrow(/invalid byte range/);
      await expect(h.storage.read(key, { start: -1, end: 4 })).rejects.toThrow(/invalid byte range/);
      await h.storage.delete(key);
    });

    it('answers null for a missing object, to read, getBytes and stat alike', async () => {
      const key = `originals/${id()}`;
      expect(await h.storage.read(key)).toBeNull();
      expect(await h.storage.read(key, { start: 0, end: 10 })).toBeNull();
      expect(await h.storage.getBytes(key)).toBeNull();
      expect(await h.storage.stat(key)).toBeNull();
    });

    it('stats and deletes objects; deleting a missing one succeeds', async () => {
      const key = `originals/${id()}`;
      await h.storage.put(key, new Uint8Array(1234));
      expect(await h.storage.stat(key)).toEqual({ size: 1234 });
      await h.storage.delete(key);
      expect(await h.storage.stat(key)).toBeNull();
      await expect(h.storage.delete(key)).resolves.toBeUndefined();
    });

    it('deletes every object under a prefix and nothing beside it', async () => {
      const image = id();
      const under = ['thumbnail.webp', 'small.webp', 'large.webp'].map((n) => `variants/${image}/${n}`);
      const beside = `variants/${id()}/small.webp`;
      await Promise.all([...under, beside].map((key) => h.storage.put(key, randomBytes(100))));
      await h.storage.deletePrefix(`variants/${image}/`);
      for (const key of under) expect(await h.storage.stat(key)).toBeNull();
      expect(await h.storage.stat(beside)).toEqual({ size: 100 });
      await expect(h.storage.deletePrefix(`variants/${id()}/`)).resolves.toBeUndefined();
      await h.storage.delete(beside);
    });

    it('lists temporary objects written before the given time only', async () => {
      const temp = await h.storage.putTemp(chunked(randomBytes(10)), { maxBytes: MiB });
      const other = `originals/${id()}`;
      await h.storage.put(other, randomBytes(10));
      expect(await keys(h.storage.listTemp(new Date(Date.now() - 60_000)))).not.toContain(temp.key);
      const later = await allTemp();
      expect(later).toContain(temp.key);
      expect(later.every((key) => key.startsWith('tmp/'))).toBe(true);
      await Promise.all([h.storage.delete(temp.key), h.storage.delete(other)]);
      expect(await allTemp()).not.toContain(temp.key);
    });

    it('overwrites with put: the new version replaces the old one whole', async () => {
      const key = `variants/${id()}/medium.webp`;
      await h.storage.put(key, Buffer.alloc(300_000, 1));
      const two = Buffer.alloc(1000, 2);
      await h.storage.put(key, two);
      expect(Buffer.from((await h.storage.getBytes(key))!).equals(two)).toBe(true);
      expect(await h.storage.stat(key)).toEqual({ size: 1000 });
      expect(await allTemp()).toEqual([]);
      await h.storage.delete(key);
    });

    it('rejects keys that could escape the store', async () => {
      const bad = ['', '../etc/passwd', 'originals/../../x', '/etc/passwd', 'a\\b', 'a\0b', 'a//b', 'a/./b', 'tmp/'];
      for (const key of bad) {
        await expect(h.storage.put(key, new Uint8Array(1)), key).rejects.toThrow(/invalid storage key/);
        await expect(h.storage.read(key), key).rejects.toThrow(/invalid storage key/);
        await expect(h.storage.stat(key), key).rejects.toThrow(/invalid storage key/);
        await expect(h.storage.delete(key), key).rejects.toThrow(/invalid storage key/);
        await expect(h.storage.promote('tmp/x', key), key).rejects.toThrow(/invalid storage key/);
      }
      await expect(h.storage.deletePrefix('')).rejects.toThrow(/invalid storage prefix/);
      await expect(h.storage.deletePrefix('../')).rejects.toThrow(/invalid storage prefix/);
      await expect(h.storage.putTemp(chunked(new Uint8Array(1)), { maxBytes: 10, name: '../x' })).rejects.toThrow();
    });

    it('keeps concurrent uploads independent', async () => {
      const bodies = Array.from({ length: 6 }, (_, i) => randomBytes(100_000 + i * 50_000));
      const temps = await Promise.all(bodies.map((b) => h.storage.putTemp(chunked(b, 8192), { maxBytes: MiB })));
      expect(new Set(temps.map((t) => t.key)).size).toBe(bodies.length);
      for (const [i, temp] of temps.entries()) {
        expect(temp.sha256).toBe(sha256(bodies[i]!));
        expect(sha256((await collect(await h.storage.read(temp.key)))!)).toBe(sha256(bodies[i]!));
      }
      await Promise.all(temps.map((t) => h.storage.delete(t.key)));
    });
  });
}
