import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStorage } from '../../../src/domain/gallery/blob-storage.js';
import { localDiskStorage } from '../../../src/infrastructure/storage/local/local-disk-storage.js';
import { chunked, collect, describeBlobStorageContract } from '../../contract/blob-storage.contract.js';

describeBlobStorageContract('local disk', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-files-'));
  return { storage: localDiskStorage(root), close: () => fs.rm(root, { recursive: true, force: true }) };
});

describe('localDiskStorage', () => {
  let dir: string;
  let storage: BlobStorage;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-files-'));
    storage = localDiskStorage(path.join(dir, 'files'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('never presigns', async () => {
    expect(await storage.presignGet('originals/x', { ttlS: 60, contentType: 'image/png', contentDisposition: 'inline' })).toBeNull();
  });

  it('keeps every file inside its root, with the key as the relative path', async () => {
    await storage.put('variants/abc/small.webp', new Uint8Array([1, 2, 3]));
    expect(await fs.readFile(path.join(dir, 'files', 'variants', 'abc', 'small.webp'))).toEqual(Buffer.from([1, 2, 3]));
    await expect(storage.getBytes('../outside')).rejects.toThrow(/invalid storage key/);
  });

  it('reports a disk failure as a plain error with context, not as unavailable', async () => {
    // A root that is a file: every write fails with ENOTDIR, as a full or read-only disk would fail.
    const blocker = path.join(dir, 'blocker');
    await fs.writeFile(blocker, 'x');
    const broken = localDiskStorage(blocker);
    const err = await broken.put('originals/x', new Uint8Array(1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toHaveProperty('kind');
    expect((err as Error).message).toBe('write originals/x');
    expect((err as Error).cause).toMatchObject({ code: 'ENOTDIR' });
    await expect(broken.putTemp(chunked(new Uint8Array(10)), { maxBytes: 100 })).rejects.toThrow(/^write tmp\//);
  });

  it('finishes a promote whose rename already happened, even into a fresh folder', async () => {
    const temp = await storage.putTemp(chunked(new Uint8Array([9])), { maxBytes: 10 });
    await storage.promote(temp.key, 'originals/deep/er/x');
    await storage.promote(temp.key, 'originals/deep/er/x');
    expect(await storage.getBytes('originals/deep/er/x')).toEqual(new Uint8Array([9]));
  });

  it('swaps a put in whole: readers during an overwrite see the old or the new version, never a mix', async () => {
    const one = Buffer.alloc(4 * 1024 * 1024, 1);
    const two = Buffer.alloc(4 * 1024 * 1024, 2);
    await storage.put('originals/swap', one);
    const reads = Array.from({ length: 8 }, async () => collect(await storage.read('originals/swap')));
    await storage.put('originals/swap', two);
    for (const seen of await Promise.all(reads)) expect(seen!.equals(one) || seen!.equals(two)).toBe(true);
  });

  it('sweeps leftovers of an interrupted put along with temporary uploads', async () => {
    await fs.mkdir(path.join(dir, 'files', 'tmp'), { recursive: true });
    await fs.writeFile(path.join(dir, 'files', 'tmp', 'put-crashed.part'), 'partial');
    const old = new Date(Date.now() - 2 * 3600_000);
    await fs.utimes(path.join(dir, 'files', 'tmp', 'put-crashed.part'), old, old);
    const listed: string[] = [];
    for await (const key of storage.listTemp(new Date(Date.now() - 3600_000))) listed.push(key);
    expect(listed).toEqual(['tmp/put-crashed.part']);
  });
});
