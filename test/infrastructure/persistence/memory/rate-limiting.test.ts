import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../src/domain/shared/clock.js';
import { memoryLoginAttempts } from '../../../../src/infrastructure/persistence/memory/login-attempts.js';
import { memoryRateLimiter } from '../../../../src/infrastructure/persistence/memory/rate-limiter.js';
import { systemClock } from '../../../../src/infrastructure/system/system-clock.js';
import { describeLoginAttemptsContract } from '../../../contract/login-attempts.contract.js';
import { describeRateLimiterContract } from '../../../contract/rate-limiter.contract.js';

describeRateLimiterContract('memory', async () => ({ limiter: memoryRateLimiter(systemClock()), close: async () => undefined }));
describeLoginAttemptsContract('memory', async () => ({ attempts: memoryLoginAttempts(systemClock()), close: async () => undefined }));

function manualClock(start = Date.UTC(2026, 0, 1)): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

describe('memoryRateLimiter bounds', () => {
  const rule = { count: 1, windowS: 60 };

  it('forgets the least recently hit key beyond its capacity', async () => {
    const limiter = memoryRateLimiter(manualClock(), 2);
    for (const k of ['a', 'b', 'c']) await limiter.hit(k, rule);
    expect((await limiter.hit('a', rule)).allowed).toBe(true);
    expect((await limiter.hit('c', rule)).allowed).toBe(false);
  });

  it('starts over once both buckets are two windows old', async () => {
    const clock = manualClock();
    const limiter = memoryRateLimiter(clock);
    await limiter.hit('a', rule);
    clock.advance(120_000);
    expect(await limiter.hit('a', rule)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('does not mix bucket scales when a key is reused with another window', async () => {
    const limiter = memoryRateLimiter(manualClock());
    await limiter.hit('a', { count: 1, windowS: 1 });
    expect((await limiter.hit('a', rule)).allowed).toBe(true);
  });
});

describe('memoryLoginAttempts bounds', () => {
  it('forgets the least recently touched email beyond its capacity', async () => {
    const attempts = memoryLoginAttempts(manualClock(), 2);
    const policy = { threshold: 2, windowS: 60, lockS: 60 };
    for (const k of ['a', 'b', 'c']) await attempts.recordFailure(k, policy);
    expect(await attempts.recordFailure('a', policy)).toBe(0);
    expect(await attempts.recordFailure('c', policy)).toBe(60);
  });
});
