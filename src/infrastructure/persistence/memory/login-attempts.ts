import type { LoginAttempts } from '../../../domain/identity/login-attempts.js';
import type { Clock } from '../../../domain/shared/clock.js';

interface Entry {
  failures: number;
  /** When the failure counter lapses: `windowS` after the first failure it holds. */
  windowEndsAt: number;
  lockedUntil: number;
}

// How many least-recently-touched emails each write may inspect for expiry; keeps the sweep O(1).
const SWEEP_PER_WRITE = 8;

const secondsUntil = (at: number, nowMs: number) => (at > nowMs ? Math.ceil((at - nowMs) / 1000) : 0);
const expiresAt = (entry: Entry) => Math.max(entry.windowEndsAt, entry.lockedUntil);

/**
 * In-process twin of the Redis login attempts for the embedded mode, with the same rules: the counter runs
 * `windowS` from its first failure, reaching the threshold trades it for a lock, and a failure during a lock
 * neither counts nor extends it. Memory is bounded like the memory rate limiter: lapsed emails are dropped
 * lazily and beyond `maxKeys` the least recently touched one is forgotten.
 */
export function memoryLoginAttempts(clock: Clock, maxKeys = 100_000): LoginAttempts {
  // Map keeps insertion order and each write re-inserts its key, so the front is the least recently touched.
  const entries = new Map<string, Entry>();
  const live = (key: string, nowMs: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && expiresAt(entry) <= nowMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, entry: Entry, nowMs: number) => {
    entries.delete(key);
    entries.set(key, entry);
    let inspected = 0;
    for (const [k, e] of entries) {
      if (inspected++ >= SWEEP_PER_WRITE || expiresAt(e) > nowMs) break;
      entries.delete(k);
    }
    while (entries.size > maxKeys) entries.delete(entries.keys().next().value as string);
  };
  return {
    async lockedFor(emailKey) {
      const nowMs = clock.now().getTime();
      return secondsUntil(live(emailKey, nowMs)?.lockedUntil ?? 0, nowMs);
    },
    async recordFailure(emailKey, policy) {
      const nowMs = clock.now().getTime();
      const entry = live(emailKey, nowMs);
      if (entry && entry.lockedUntil > nowMs) return secondsUntil(entry.lockedUntil, nowMs);
      const counting = entry && entry.windowEndsAt > nowMs;
      const failures = (counting ? entry.failures : 0) + 1;
      const windowEndsAt = counting ? entry.windowEndsAt : nowMs + policy.windowS * 1000;
      if (failures < policy.threshold) {
        put(emailKey, { failures, windowEndsAt, lockedUntil: 0 }, nowMs);
        return 0;
      }
      const lockedUntil = nowMs + policy.lockS * 1000;
      put(emailKey, { failures: 0, windowEndsAt: 0, lockedUntil }, nowMs);
      return secondsUntil(lockedUntil, nowMs);
    },
    async reset(emailKey) {
      entries.delete(emailKey);
    },
  };
}
