import type { Cache } from '../../../domain/shared/cache.js';
import type { Clock } from '../../../domain/shared/clock.js';

interface Entry {
  value: string;
  expiresAt: number | null;
}

/** In-process twin of the Redis cache, for the embedded single-process mode. Expired keys are dropped lazily. */
export function memoryCache(clock: Clock, maxEntries = 100_000): Cache {
  const entries = new Map<string, Entry>();
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= clock.now().getTime()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    // Map keeps insertion order: evict the oldest writes first so memory stays bounded.
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };
  const expiry = (ttlS: number | undefined) => (ttlS === undefined ? null : clock.now().getTime() + ttlS * 1000);
  return {
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlS) {
      put(key, { value, expiresAt: expiry(ttlS) });
    },
    async setIfAbsent(key, value, ttlS) {
      if (live(key)) return false;
      put(key, { value, expiresAt: expiry(ttlS) });
      return true;
    },
    async delete(key) {
      entries.delete(key);
    },
    async increment(key, by = 1, ttlS) {
      const entry = live(key);
      const current = entry ? Number(entry.value) : 0;
      if (!Number.isInteger(current)) throw new Error(`cache key ${key} does not hold an integer`);
      const next = current + by;
      put(key, { value: String(next), expiresAt: entry ? entry.expiresAt : expiry(ttlS) });
      return next;
    },
  };
}
