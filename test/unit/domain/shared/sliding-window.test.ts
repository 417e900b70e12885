import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideSlidingWindow,
  msUntilNextHitAllowed,
  slidingEstimate,
  windowIndex,
  type WindowCounts,
} from '../../../../src/domain/shared/sliding-window.js';

const minute = (count: number) => ({ count, windowS: 60 });

describe('windowIndex', () => {
  it('aligns windows on the epoch', () => {
    expect(windowIndex(0, 1000)).toBe(0);
    expect(windowIndex(999, 1000)).toBe(0);
    expect(windowIndex(1000, 1000)).toBe(1);
    expect(windowIndex(Date.UTC(2026, 0, 1) + 59_999, 60_000)).toBe(Date.UTC(2026, 0, 1) / 60_000);
  });
});

describe('slidingEstimate', () => {
  it('weighs the previous window by its share still inside the sliding window', () => {
    expect(slidingEstimate({ current: 2, previous: 10, elapsedMs: 0 }, 60_000)).toBe(12);
    expect(slidingEstimate({ current: 2, previous: 10, elapsedMs: 15_000 }, 60_000)).toBe(9.5);
    expect(slidingEstimate({ current: 2, previous: 10, elapsedMs: 59_999 }, 60_000)).toBeCloseTo(2.00017, 4);
  });
});

describe('decideSlidingWindow', () => {
  it.each<[string, WindowCounts, number, { allowed: boolean; remaining: number; resetS: number }]>([
    ['first hit: remaining count − 1, reset at window end', { current: 1, previous: 0, elapsedMs: 20_000 }, 10, { allowed: true, remaining: 9, resetS: 40 }],
    ['remaining floors a fractional estimate', { current: 1, previous: 3, elapsedMs: 30_000 }, 10, { allowed: true, remaining: 7, resetS: 30 }],
    ['the hit that reaches the limit is allowed', { current: 10, previous: 0, elapsedMs: 0 }, 10, { allowed: true, remaining: 0, resetS: 66 }],
    ['an estimate of exactly count is allowed', { current: 5, previous: 10, elapsedMs: 30_000 }, 10, { allowed: true, remaining: 0, resetS: 6 }],
    ['one over is denied', { current: 6, previous: 10, elapsedMs: 30_000 }, 10, { allowed: false, remaining: 0, resetS: 12 }],
    ['capacity may only return in the next window', { current: 3, previous: 0, elapsedMs: 6_000 }, 2, { allowed: false, remaining: 0, resetS: 94 }],
    ['with count 1 the next hit waits for the window after next', { current: 1, previous: 0, elapsedMs: 0 }, 1, { allowed: true, remaining: 0, resetS: 120 }],
    ['count 0 denies everything and says two windows', { current: 1, previous: 0, elapsedMs: 0 }, 0, { allowed: false, remaining: 0, resetS: 120 }],
  ])('%s', (_name, counts, count, expected) => {
    expect(decideSlidingWindow(counts, minute(count))).toEqual({ ...expected, limit: count });
  });

  it('never says 0 seconds when denied', () => {
    // Capacity frees 1 ms from now; Retry-After still says 1.
    const d = decideSlidingWindow({ current: 1, previous: 1000, elapsedMs: 998 }, { count: 2, windowS: 1 });
    expect(d).toMatchObject({ allowed: false, remaining: 0, resetS: 1 });
  });
});

/** The counts one more hit would see `afterMs` from now, with no other hits in between. */
function nextHit(counts: WindowCounts, windowMs: number, afterMs: number): WindowCounts {
  const t = counts.elapsedMs + afterMs;
  if (t < windowMs) return { current: counts.current + 1, previous: counts.previous, elapsedMs: t };
  if (t < 2 * windowMs) return { current: 1, previous: counts.current, elapsedMs: t - windowMs };
  return { current: 1, previous: 0, elapsedMs: t % windowMs };
}

describe('msUntilNextHitAllowed', () => {
  const arbitraryState = fc
    .record({ windowMs: fc.integer({ min: 1, max: 3600 }).map((s) => s * 1000), count: fc.integer({ min: 1, max: 200 }) })
    .chain(({ windowMs, count }) =>
      fc.record({
        windowMs: fc.constant(windowMs),
        count: fc.constant(count),
        counts: fc.record({
          current: fc.integer({ min: 1, max: 3 * count }),
          previous: fc.integer({ min: 0, max: 3 * count }),
          elapsedMs: fc.integer({ min: 0, max: windowMs - 1 }),
        }),
      }),
    );

  it('is the first millisecond at which one more hit is allowed', () => {
    fc.assert(
      fc.property(arbitraryState, ({ windowMs, count, counts }) => {
        const wait = msUntilNextHitAllowed(counts, count, windowMs);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(slidingEstimate(nextHit(counts, windowMs, wait), windowMs)).toBeLessThanOrEqual(count);
        if (wait > 0) expect(slidingEstimate(nextHit(counts, windowMs, wait - 1), windowMs)).toBeGreaterThan(count);
      }),
    );
  });

  it('agrees with the decision: resetS covers the wait whenever nothing remains', () => {
    fc.assert(
      fc.property(arbitraryState, ({ windowMs, count, counts }) => {
        const d = decideSlidingWindow(counts, { count, windowS: windowMs / 1000 });
        expect(d.allowed).toBe(slidingEstimate(counts, windowMs) <= count);
        expect(d.remaining).toBe(Math.max(0, Math.floor(count - slidingEstimate(counts, windowMs))));
        expect(d.resetS).toBeGreaterThanOrEqual(1);
        if (d.remaining === 0) expect(d.resetS * 1000).toBeGreaterThanOrEqual(msUntilNextHitAllowed(counts, count, windowMs));
      }),
    );
  });
});
