/** Directory walks for the local disk storage: prefix deletes and the temp sweep's listing. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { wrapError } from '../../errors.js';

/**
 * Removes every file whose key starts with `prefix`. A prefix ending in `/` is a whole folder; otherwise the
 * last segment matches names in its folder (`variants/ab` takes `variants/ab/…` and `variants/abc`).
 */
export async function deleteByPrefix(root: string, prefix: string): Promise<void> {
  if (prefix.endsWith('/')) {
    await fs.rm(path.join(root, prefix), { recursive: true, force: true });
    return;
  }
  const slash = prefix.lastIndexOf('/');
  const dir = path.join(root, prefix.slice(0, slash + 1));
  const start = prefix.slice(slash + 1);
  const names = await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  await Promise.all(
    names.filter((n) => n.startsWith(start)).map((n) => fs.rm(path.join(dir, n), { recursive: true, force: true })),
  );
}

/** Keys (`keyPrefix` + name) of the plain files in `dir` last modified before `before`; a missing folder is empty. */
export async function* listFilesBefore(dir: string, keyPrefix: string, before: Date): AsyncGenerator<string> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw wrapError(`list ${keyPrefix}`, err);
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const mtime = await fs.stat(path.join(dir, entry.name)).then(
      (s) => s.mtimeMs,
      // Swept or promoted since the listing: not a candidate any more.
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw wrapError(`stat ${keyPrefix}${entry.name}`, err);
      },
    );
    if (mtime !== undefined && mtime < before.getTime()) yield `${keyPrefix}${entry.name}`;
  }
}
