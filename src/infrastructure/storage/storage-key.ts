/** Key rules shared by every storage adapter, so a key valid on one driver is valid on the other. */
import { randomUUID } from 'node:crypto';

// Tessera builds every key itself (uuids, variant names); anything else is a bug, and on local disk a way out.
const KEY_CHARS = /^[A-Za-z0-9._/-]+$/;
const MAX_KEY_LENGTH = 512;

/** Throws a plain Error unless `key` is a relative, slash-separated path with no `.`/`..`/empty segment. */
export function assertStorageKey(key: string): string {
  const problem = keyProblem(key);
  if (problem) throw new Error(`invalid storage key ${JSON.stringify(key)}: ${problem}`);
  return key;
}

/** Like a key, but a trailing slash is allowed (`variants/<id>/`); the empty prefix, meaning everything, is refused. */
export function assertStoragePrefix(prefix: string): string {
  const problem = keyProblem(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
  if (problem) throw new Error(`invalid storage prefix ${JSON.stringify(prefix)}: ${problem}`);
  return prefix;
}

/** `tmp/<name>` for a named upload, else `tmp/<uuid>`. */
export function tempKeyFor(name: string | undefined): string {
  if (name !== undefined && (name.includes('/') || keyProblem(name))) {
    throw new Error(`invalid temporary object name ${JSON.stringify(name)}`);
  }
  return `${TEMP_PREFIX}${name ?? randomUUID()}`;
}

export const TEMP_PREFIX = 'tmp/';

function keyProblem(key: string): string | undefined {
  if (key.length === 0) return 'it is empty';
  if (key.length > MAX_KEY_LENGTH) return `it is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.includes('\0')) return 'it contains NUL';
  if (key.includes('\\')) return 'it contains a backslash';
  if (key.startsWith('/')) return 'it is absolute';
  if (!KEY_CHARS.test(key)) return 'it contains characters outside A-Z a-z 0-9 . _ / -';
  if (key.split('/').some((part) => part === '' || part === '.' || part === '..')) return 'it has an empty, "." or ".." segment';
  return undefined;
}
