/**
 * The two-bucket sliding-window arithmetic shared by every RateLimiter adapter (contract §13). Windows are
 * aligned on the epoch (`floor(nowMs / windowMs)`) so that every process and the store agree on bucket names.
 * All arithmetic is in integer milliseconds, so the allow/deny edge is exact rather than a float comparison.
 */
import type { RateLimitDecision, RateLimitRule } from './rate-limiter.js';

/** What one hit sees once it has been counted. */
export interface WindowCounts {
  /** Hits in the current window, this one included. */
  readonly current: number;
  /** Hits in the window before it. */
  readonly previous: number;
  /** Milliseconds since the current window began, in [0, windowMs). */
  readonly elapsedMs: number;
}

export function windowIndex(nowMs: number, windowMs: number): number {
  return Math.floor(nowMs / windowMs);
}

/** The estimate scaled by windowMs: current·W + previous·(W − elapsed), an exact integer. */
function scaledEstimate(current: number, previous: number, elapsedMs: number, windowMs: number): number {
  return current * windowMs + previous * (windowMs - elapsedMs);
}

/** The weighted estimate: this window's hits plus the previous window's share still inside the sliding window. */
export function slidingEstimate(counts: WindowCounts, windowMs: number): number {
  return scaledEstimate(counts.current, counts.previous, counts.elapsedMs, windowMs) / windowMs;
}

/**
 * Milliseconds from now until one more hit would be allowed, assuming no other hits arrive in between.
 * 0 when it would be allowed now. With `count` < 1 nothing is ever allowed; two windows is the honest cap.
 */
export function msUntilNextHitAllowed(counts: WindowCounts, count: number, windowMs: number): number {
  const { current, previous, elapsedMs } = counts;
  const limit = count * windowMs;
  if (scaledEstimate(current + 1, previous, elapsedMs, windowMs) <= limit) return 0;
  // Still in this window: the previous bucket's weight shrinks until (current+1)·W + previous·(W − t) ≤ limit.
  if (previous > 0 && current + 1 <= count) {
    const t = Math.ceil(windowMs - ((count - current - 1) * windowMs) / previous);
    if (t < windowMs) return Math.max(0, t - elapsedMs);
  }
  if (count < 1) return 2 * windowMs - elapsedMs;
  // In the next window this window's hits become the previous bucket: W + current·(W − g) ≤ limit.
  const g = current === 0 ? 0 : Math.max(0, Math.ceil(windowMs - ((count - 1) * windowMs) / current));
  return windowMs - elapsedMs + g;
}

/**
 * The decision for a hit already counted in `counts`. Allowed when the estimate including it is ≤ count.
 * `resetS` is when capacity frees up: the end of the current window while some remains, otherwise when the
 * next hit would be allowed again (≥ 1 so `Retry-After` never says 0).
 */
export function decideSlidingWindow(counts: WindowCounts, rule: RateLimitRule): RateLimitDecision {
  const windowMs = rule.windowS * 1000;
  const scaled = scaledEstimate(counts.current, counts.previous, counts.elapsedMs, windowMs);
  const allowed = scaled <= rule.count * windowMs;
  const remaining = Math.max(0, Math.floor((rule.count * windowMs - scaled) / windowMs));
  const untilMs = remaining > 0 ? windowMs - counts.elapsedMs : msUntilNextHitAllowed(counts, rule.count, windowMs);
  return { allowed, limit: rule.count, remaining, resetS: Math.max(1, Math.ceil(untilMs / 1000)) };
}
