/** What every Cache adapter must do alike. Run by the Redis and in-memory adapter tests. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/domain/shared/cache.js';

export interface CacheHarness {
  readonly cache: Cache;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeCacheContract(name: string, make: () => Promise<CacheHarness>): void {
  describe(`Cache contract (${name})`, () => {
    let h: CacheHarness;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(() => h.close());
    const key = () => `k-${randomBytes(6).toString('hex')}`;

    it('returns null for a missing key', async () => {
      expect(await h.cache.get(key())).toBeNull();
    });

    it('stores, overwrites and deletes a value', async () => {
      const k = key();
      await h.cache.set(k, 'one');
      expect(await h.cache.get(k)).toBe('one');
      await h.cache.set(k, 'two');
      expect(await h.cache.get(k)).toBe('two');
      await h.cache.delete(k);
      expect(await h.cache.get(k)).toBeNull();
    });

    it('deletes a missing key without complaint', async () => {
      await expect(h.cache.delete(key())).resolves.toBeUndefined();
    });

    it('keeps unicode and empty strings exactly', async () => {
      const k = key();
      await h.cache.set(k, '');
      expect(await h.cache.get(k)).toBe('');
      await h.cache.set(k, 'é🙂\n\u0000x');
      expect(await h.cache.get(k)).toBe('é🙂\n\u0000x');
    });

    it('forgets a value after its time to live', async () => {
      const k = key();
      await h.cache.set(k, 'short', 1);
      expect(await h.cache.get(k)).toBe('short');
      await sleep(1100);
      expect(await h.cache.get(k)).toBeNull();
    });

    it('sets only an absent key with setIfAbsent', async () => {
      const k = key();
      expect(await h.cache.setIfAbsent(k, 'first', 60)).toBe(true);
      expect(await h.cache.setIfAbsent(k, 'second', 60)).toBe(false);
      expect(await h.cache.get(k)).toBe('first');
    });

    it('lets setIfAbsent win again once the key expired', async () => {
      const k = key();
      expect(await h.cache.setIfAbsent(k, 'a', 1)).toBe(true);
      await sleep(1100);
      expect(await h.cache.setIfAbsent(k, 'b', 1)).toBe(true);
      expect(await h.cache.get(k)).toBe('b');
    });

    it('increments from zero, by steps, and keeps the first expiry', async () => {
      const k = key();
      expect(await h.cache.increment(k)).toBe(1);
      expect(await h.cache.increment(k, 5)).toBe(6);
      expect(await h.cache.increment(k, -2)).toBe(4);
      const windowed = key();
      expect(await h.cache.increment(windowed, 1, 1)).toBe(1);
      await sleep(600);
      expect(await h.cache.increment(windowed, 1, 1)).toBe(2);
      await sleep(600);
      // The second increment did not extend the window: the counter started over.
      expect(await h.cache.increment(windowed, 1, 1)).toBe(1);
    });

    it('counts correctly under concurrent increments', async () => {
      const k = key();
      await Promise.all(Array.from({ length: 50 }, () => h.cache.increment(k)));
      expect(await h.cache.get(k)).toBe('50');
    });

    it('refuses to increment a value that is not an integer', async () => {
      const k = key();
      await h.cache.set(k, 'abc');
      await expect(h.cache.increment(k)).rejects.toThrow();
      expect(await h.cache.get(k)).toBe('abc');
    });
  });
}
