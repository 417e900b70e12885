/**
 * The S3 adapter against s3rver, a real S3-compatible server on loopback (architecture §3), plus what only S3
 * does: presigned URLs, listing pages, and an unreachable endpoint answering UnavailableError. The contract's
 * "readers during an overwrite" case lives in the local disk test: s3rver rewrites objects in place, so
 * concurrent readers see torn files there (S3 itself swaps objects atomically).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStorage } from '../../../src/domain/gallery/blob-storage.js';
import { UnavailableError } from '../../../src/domain/shared/errors.js';
import { type S3StorageConfig, s3Storage } from '../../../src/infrastructure/storage/s3/s3-storage.js';
import { exactRange } from '../../../src/infrastructure/storage/s3/s3-range.js';
import { chunked, collect, describeBlobStorageContract } from '../../contract/blob-storage.contract.js';
import { S3RVER_ACCESS_KEY_ID, S3RVER_SECRET_ACCESS_KEY, startS3rver, type S3rverHandle } from '../../support/s3rver.js';

/** s3rver accepts only its built-in key pair. */
function configFor(server: Pick<S3rverHandle, 'endpoint' | 'bucket'>, overrides: Partial<S3StorageConfig> = {}): S3StorageConfig {
  return {
    bucket: server.bucket,
    region: 'us-east-1',
    endpoint: server.endpoint,
    accessKeyId: S3RVER_ACCESS_KEY_ID,
    secretAccessKey: S3RVER_SECRET_ACCESS_KEY,
    forcePathStyle: true,
    presignTtlS: 300,
    ...overrides,
  };
}

describeBlobStorageContract('s3 (s3rver)', async () => {
  const server = await startS3rver();
  return { storage: s3Storage(configFor(server)), close: () => server.stop() };
});

describe('s3Storage', () => {
  let server: S3rverHandle;
  let storage: BlobStorage;
  beforeAll(async () => {
    server = await startS3rver();
    storage = s3Storage(configFor(server));
  });
  afterAll(() => server.stop());

  it('presigns a GET that downloads the exact bytes with the overridden headers', async () => {
    const bytes = randomBytes(300_000);
    await storage.put('originals/presigned', bytes, { contentType: 'application/octet-stream' });
    const disposition = `attachment; filename="cat.png"; filename*=UTF-8''caf%C3%A9.png`;
    const url = await storage.presignGet('originals/presigned', { ttlS: 60, contentType: 'image/png', contentDisposition: disposition });
    expect(url).toMatch(/X-Amz-Expires=60(&|$)/);
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe(disposition);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('caps presigned URLs at the configured lifetime', async () => {
    const url = await storage.presignGet('originals/presigned', { ttlS: 86_400, contentType: 'image/png', contentDisposition: 'inline' });
    expect(url).toMatch(/X-Amz-Expires=300(&|$)/);
  });

  it('deletes a prefix spanning more than one listing page', async () => {
    const keys = Array.from({ length: 1005 }, (_, i) => `variants/many/${String(i).padStart(4, '0')}.webp`);
    for (let i = 0; i < keys.length; i += 100) {
      await Promise.all(keys.slice(i, i + 100).map((key) => storage.put(key, new Uint8Array([1]))));
    }
    await storage.deletePrefix('variants/many/');
    expect(await storage.stat(keys[0]!)).toBeNull();
    expect(await storage.stat(keys[1004]!)).toBeNull();
  }, 120_000);

  it('answers UnavailableError quickly when the endpoint refuses connections', async () => {
    const down = s3Storage(configFor({ endpoint: 'http://127.0.0.1:1', bucket: 'tessera-test' }, { connectionTimeoutMs: 2000, requestTimeoutMs: 10_000 }));
    const started = Date.now();
    const failures = await Promise.all([
      down.stat('originals/x').catch((e: unknown) => e),
      down.read('originals/x').catch((e: unknown) => e),
      down.put('originals/x', new Uint8Array(1)).catch((e: unknown) => e),
      down.putTemp(chunked(new Uint8Array(100)), { maxBytes: 1000 }).catch((e: unknown) => e),
      down.deletePrefix('variants/x/').catch((e: unknown) => e),
    ]);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(UnavailableError);
      expect(failure).toMatchObject({ kind: 'service-unavailable', code: 'storage.unavailable' });
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('still reads a streamed object after the client stopped reading another one early', async () => {
    await storage.put('originals/long', randomBytes(2 * 1024 * 1024));
    for await (const _ of (await storage.read('originals/long'))!) break;
    expect((await collect(await storage.read('originals/long', { start: 0, end: 9 })))!.length).toBe(10);
  });
});

describe('exactRange', () => {
  const source = Buffer.from('0123456789');
  const from = (bytes: Buffer) => chunked(bytes, 3);

  it('skips and trims the body of a store that ignored the Range header', async () => {
    expect((await collect(exactRange(from(source), { start: 2, end: 5 }, undefined)))!.toString()).toBe('2345');
  });

  it('trims a body that runs past the asked end, as s3rver does for bytes=0-0', async () => {
    expect((await collect(exactRange(from(source), { start: 0, end: 0 }, 'bytes 0-9/10')))!.toString()).toBe('0');
    expect((await collect(exactRange(from(source.subarray(4)), { start: 4, end: 6 }, 'bytes 4-9/10')))!.toString()).toBe('456');
  });

  it('refuses a body that starts after the asked start', async () => {
    await expect(collect(exactRange(from(source.subarray(5)), { start: 2, end: 6 }, 'bytes 5-9/10'))).rejects.toThrow(/served/);
  });
});
