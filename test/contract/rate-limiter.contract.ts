/** What every RateLimiter adapter must do alike (contract §13). Run by the Redis and in-memory adapter tests. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../src/domain/shared/rate-limiter.js';

export interface RateLimiterHarness {
  readonly limiter: RateLimiter;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sleeps until the next moment that lies `fraction` into an epoch-aligned window (adapters align on the epoch). */
async function untilPhase(windowMs: number, fraction: number): Promise<void> {
  const target = fraction * windowMs;
  const phase = Date.now() % windowMs;
  await sleep((target - phase + windowMs) % windowMs);
}

/** Sleeps until `fraction` into the window after the current one. */
async function intoNextWindow(windowMs: number, fraction: number): Promise<void> {
  await sleep(windowMs - (Date.now() % windowMs) + fraction * windowMs);
}

export function describeRateLimiterContract(name: string, make: () => Promise<RateLimiterHarness>): void {
  describe(`RateLimiter contract (${name})`, () => {
    let h: RateLimiterHarness;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(() => h.close());
    const key = () => `k-${randomBytes(6).toString('hex')}`;
    const minute = (count: number) => ({ count, windowS: 60 });

    it('allows the first hits with a decreasing remaining count, then denies', async () => {
      const k = key();
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await h.limiter.hit(k, minute(3)));
      expect(decisions.map((d) => [d.allowed, d.remaining, d.limit])).toEqual([
        [true, 2, 3],
        [true, 1, 3],
        [true, 0, 3],
        [false, 0, 3],
      ]);
      for (const d of decisions) {
        expect(Number.isInteger(d.resetS)).toBe(true);
        expect(d.resetS).toBeGreaterThanOrEqual(1);
      }
      expect(decisions[0]!.resetS).toBeLessThanOrEqual(60);
    });

    it('keeps keys independent', async () => {
      const a = key();
      const b = key();
      await h.limiter.hit(a, minute(1));
      expect((await h.limiter.hit(a, minute(1))).allowed).toBe(false);
      const other = await h.limiter.hit(b, minute(1));
      expect(other).toMatchObject({ allowed: true, remaining: 0 });
    });

    it('counts denied hits too, pushing back when capacity frees up', async () => {
      const k = key();
      const hits = [];
      for (let i = 0; i < 10; i++) hits.push(await h.limiter.hit(k, minute(2)));
      expect(hits.filter((d) => d.allowed)).toHaveLength(2);
      // After 3 hits the next is allowed about 40 s into the next window; after 10 hits, about 54 s into it.
      expect(hits[9]!.resetS - hits[2]!.resetS).toBeGreaterThanOrEqual(12);
      expect(hits[9]!.resetS).toBeLessThanOrEqual(120);
    });

    it('allows exactly the limit under concurrent hits', async () => {
      const k = key();
      const decisions = await Promise.all(Array.from({ length: 50 }, () => h.limiter.hit(k, minute(10))));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect(decisions.filter((d) => !d.allowed).every((d) => d.remaining === 0 && d.resetS >= 1)).toBe(true);
    });

    it('slides: the previous window still weighs after the boundary, and capacity returns after resetS', async () => {
      const k = key();
      const rule = { count: 2, windowS: 1 };
      await untilPhase(1000, 0.1);
      const first = [await h.limiter.hit(k, rule), await h.limiter.hit(k, rule), await h.limiter.hit(k, rule)];
      expect(first.map((d) => d.allowed)).toEqual([true, true, false]);
      // 0.3 s into the next window the 3 earlier hits still weigh 0.7 each: 1 + 2.1 > 2. A fixed window would allow it.
      await intoNextWindow(1000, 0.3);
      const early = await h.limiter.hit(k, rule);
      expect(early).toMatchObject({ allowed: false, remaining: 0 });
      expect(early.resetS).toBeGreaterThanOrEqual(1);
      await sleep(early.resetS * 1000 + 50);
      expect((await h.limiter.hit(k, rule)).allowed).toBe(true);
    });
  });
}
