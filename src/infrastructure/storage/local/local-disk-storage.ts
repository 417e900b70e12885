/** Blob storage in a folder (`DATA_DIR/files`). Writes go to a temp file then rename, so they are atomic. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BlobStorage } from '../../../domain/gallery/blob-storage.js';
import { wrapError } from '../../errors.js';

const KEY_PATTERN = /^(?!\/)(?!.*\/\/)[A-Za-z0-9._/-]+$/;

export function localDiskStorage(root: string): BlobStorage {
  const resolve = (key: string): string => {
    // Keys come from Tessera, but a traversal here would escape the storage root, so refuse it anyway.
    if (!KEY_PATTERN.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
      throw new Error(`invalid storage key "${key}"`);
    }
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = resolve(key);
      const temp = `${file}.${randomUUID()}.part`;
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.writeFile(temp, bytes);
        await fs.rename(temp, file);
      } catch (err) {
        await fs.rm(temp, { force: true }).catch(() => undefined);
        throw wrapError(`store ${key}`, err);
      }
    },
    async getBytes(key) {
      try {
        return new Uint8Array(await fs.readFile(resolve(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw wrapError(`read ${key}`, err);
      }
    },
    async delete(key) {
      try {
        await fs.rm(resolve(key), { force: true });
      } catch (err) {
        throw wrapError(`delete ${key}`, err);
      }
    },
  };
}
