import type { Clock } from '../../../domain/shared/clock.js';
import type { RateLimiter } from '../../../domain/shared/rate-limiter.js';
import { decideSlidingWindow, windowIndex } from '../../../domain/shared/sliding-window.js';

interface Buckets {
  windowMs: number;
  index: number;
  current: number;
  previous: number;
  /** When both buckets are useless: the end of the window after the current one. */
  expiresAt: number;
}

// How many least-recently-hit keys each hit may inspect for expiry; keeps the sweep O(1) per hit.
const SWEEP_PER_HIT = 8;

/**
 * In-process twin of the Redis rate limiter for the embedded single-process mode, with the same epoch-aligned
 * buckets and arithmetic. Memory is bounded: expired keys are dropped lazily, and beyond `maxKeys` the
 * least recently hit key is forgotten (which only ever lets that client through sooner).
 */
export function memoryRateLimiter(clock: Clock, maxKeys = 100_000): RateLimiter {
  // Map keeps insertion order and each hit re-inserts its key, so the front is the least recently hit.
  const keys = new Map<string, Buckets>();
  const sweep = (nowMs: number) => {
    let inspected = 0;
    for (const [key, buckets] of keys) {
      if (inspected++ >= SWEEP_PER_HIT || buckets.expiresAt > nowMs) break;
      keys.delete(key);
    }
    while (keys.size > maxKeys) keys.delete(keys.keys().next().value as string);
  };
  return {
    async hit(key, rule) {
      const windowMs = rule.windowS * 1000;
      const nowMs = clock.now().getTime();
      // A key reused with another window size starts over rather than mixing bucket scales.
      const found = keys.get(key);
      const old = found?.windowMs === windowMs ? found : undefined;
      // A clock that stepped back must not resurrect an older bucket; stay in the newest one seen.
      const index = Math.max(windowIndex(nowMs, windowMs), old?.index ?? -Infinity);
      let current = 1;
      let previous = 0;
      if (old?.index === index) {
        current = old.current + 1;
        previous = old.previous;
      } else if (old?.index === index - 1) {
        previous = old.current;
      }
      keys.delete(key);
      keys.set(key, { windowMs, index, current, previous, expiresAt: (index + 2) * windowMs });
      sweep(nowMs);
      const elapsedMs = Math.max(0, nowMs - index * windowMs);
      return decideSlidingWindow({ current, previous, elapsedMs }, rule);
    },
  };
}
