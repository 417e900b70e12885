/**
 * Blob storage in a folder (`DATA_DIR/files`), one file per key. Whole-object writes go to a staging file under
 * `tmp/` and are renamed into place, so readers never see a part and a crash leaves only sweepable `tmp/` files.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStorage } from '../../../domain/gallery/blob-storage.js';
import { wrapError } from '../../errors.js';
import { assertByteRange } from '../byte-range.js';
import { meterBytes } from '../metered-bytes.js';
import { TEMP_PREFIX, assertStorageKey, assertStoragePrefix, tempKeyFor } from '../storage-key.js';
import { deleteByPrefix, listFilesBefore } from './local-disk-listing.js';

export function localDiskStorage(root: string): BlobStorage {
  const fileOf = (key: string): string => path.join(root, assertStorageKey(key));
  const tempDir = path.join(root, TEMP_PREFIX);

  return {
    async putTemp(bytes, { maxBytes, name }) {
      const key = tempKeyFor(name);
      const file = fileOf(key);
      const metered = meterBytes(bytes, maxBytes);
      try {
        await fs.mkdir(tempDir, { recursive: true });
        // Opened before streaming: a lazily opening stream could create the file after the cleanup below ran.
        const handle = await fs.open(file, 'w');
        await pipeline(Readable.from(metered.chunks), handle.createWriteStream());
      } catch (err) {
        await fs.rm(file, { force: true }).catch(() => undefined);
        // The source's own error (client gone, too large) is the story; the closed file is only its echo.
        const cause = metered.failure();
        if (cause) throw cause.error;
        throw wrapError(`write ${key}`, err);
      }
      return { key, ...metered.summary() };
    },

    async put(key, bytes) {
      const file = fileOf(key);
      const staging = path.join(tempDir, `put-${randomUUID()}.part`);
      try {
        await fs.mkdir(tempDir, { recursive: true });
        await fs.mkdir(path.dirname(file), { recursive: true });
        // No fsync: rename already gives readers all-or-nothing; durability across power loss is not promised.
        await fs.writeFile(staging, bytes);
        await fs.rename(staging, file);
      } catch (err) {
        await fs.rm(staging, { force: true }).catch(() => undefined);
        throw wrapError(`write ${key}`, err);
      }
    },

    async promote(tempKey, finalKey) {
      const from = fileOf(tempKey);
      const to = fileOf(finalKey);
      try {
        await fs.mkdir(path.dirname(to), { recursive: true });
        await fs.rename(from, to);
      } catch (err) {
        // A repeated promote (the job after a crash past the rename) finds the work done.
        if (isMissing(err) && (await isFile(to))) return;
        throw wrapError(`promote ${tempKey} to ${finalKey}`, err);
      }
    },

    async read(key, range) {
      const file = fileOf(key);
      if (range) assertByteRange(range);
      let handle: fs.FileHandle;
      try {
        // Opened here, not lazily by the stream, so a missing file answers null instead of failing mid-iteration.
        handle = await fs.open(file, 'r');
      } catch (err) {
        if (isMissing(err)) return null;
        throw wrapError(`read ${key}`, err);
      }
      const stream = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      return withContext(stream, `read ${key}`);
    },

    async getBytes(key) {
      const file = fileOf(key);
      try {
        return new Uint8Array(await fs.readFile(file));
      } catch (err) {
        if (isMissing(err)) return null;
        throw wrapError(`read ${key}`, err);
      }
    },

    async stat(key) {
      const file = fileOf(key);
      try {
        const stats = await fs.stat(file);
        return stats.isFile() ? { size: stats.size } : null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw wrapError(`stat ${key}`, err);
      }
    },

    async delete(key) {
      const file = fileOf(key);
      try {
        await fs.rm(file, { force: true });
      } catch (err) {
        throw wrapError(`delete ${key}`, err);
      }
    },

    async deletePrefix(prefix) {
      assertStoragePrefix(prefix);
      try {
        await deleteByPrefix(root, prefix);
      } catch (err) {
        throw wrapError(`delete prefix ${prefix}`, err);
      }
    },

    listTemp(before) {
      return listFilesBefore(tempDir, TEMP_PREFIX, before);
    },

    async presignGet() {
      return null;
    },
  };
}

async function* withContext(stream: AsyncIterable<Uint8Array>, context: string): AsyncGenerator<Uint8Array> {
  try {
    yield* stream;
  } catch (err) {
    throw wrapError(context, err);
  }
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then((s) => s.isFile(), () => false);
}
