/** `count` requests per `windowS` seconds (contract §13, `RATE_LIMIT_*`). */
export interface RateLimitRule {
  readonly count: number;
  readonly windowS: number;
}

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** The rule's count, for `RateLimit-Limit`. */
  readonly limit: number;
  /** Requests left in the current window (0 when denied), for `RateLimit-Remaining`. */
  readonly remaining: number;
  /** Seconds until capacity frees up, for `RateLimit-Reset` and `Retry-After` (≥ 1 when denied). */
  readonly resetS: number;
}

/**
 * A sliding-window limiter (two-bucket approximation: this window's count plus the previous window's count
 * weighted by its share still inside the sliding window). Every hit counts, allowed or not. State is shared
 * by all processes (Redis) or kept in process (embedded). Throws UnavailableError when the store is down;
 * callers fail open on that (contract §13).
 */
export interface RateLimiter {
  hit(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
}
