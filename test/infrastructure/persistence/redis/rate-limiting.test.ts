import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../../../src/domain/shared/errors.js';
import { openRedis, waitForRedis } from '../../../../src/infrastructure/persistence/redis/connection.js';
import { redisLoginAttempts } from '../../../../src/infrastructure/persistence/redis/login-attempts.js';
import { redisRateLimiter } from '../../../../src/infrastructure/persistence/redis/rate-limiter.js';
import { describeLoginAttemptsContract } from '../../../contract/login-attempts.contract.js';
import { describeRateLimiterContract } from '../../../contract/rate-limiter.contract.js';
import { REDIS_URL } from '../../../support/services.js';

async function connect() {
  const redis = openRedis(REDIS_URL, { keyPrefix: `test:${randomBytes(6).toString('hex')}:` });
  await waitForRedis(redis);
  return redis;
}

describeRateLimiterContract('redis', async () => {
  const redis = await connect();
  return { limiter: redisRateLimiter(redis), close: async () => void (await redis.quit()) };
});

describeLoginAttemptsContract('redis', async () => {
  const redis = await connect();
  return { attempts: redisLoginAttempts(redis), close: async () => void (await redis.quit()) };
});

describe('Redis rate limiting key layout', () => {
  it('keeps one bucket per window under rl:<key>:<window index>, expiring after two windows', async () => {
    const redis = await connect();
    try {
      const before = Math.floor(Date.now() / 60_000);
      await redisRateLimiter(redis).hit('ip:203.0.113.9', { count: 5, windowS: 60 });
      const after = Math.floor(Date.now() / 60_000);
      const ttls = await Promise.all([before, after].map((i) => redis.pttl(`rl:ip:203.0.113.9:${i}`)));
      const ttl = Math.max(...ttls);
      expect(ttl).toBeGreaterThan(110_000);
      expect(ttl).toBeLessThanOrEqual(120_000);
    } finally {
      await redis.quit();
    }
  });

  it('keeps a failure counter for windowS, then trades it for a lock key of lockS', async () => {
    const redis = await connect();
    try {
      const attempts = redisLoginAttempts(redis);
      const policy = { threshold: 2, windowS: 900, lockS: 600 };
      await attempts.recordFailure('a@example.test', policy);
      expect(await redis.get('lock:fail:a@example.test')).toBe('1');
      expect(await redis.pttl('lock:fail:a@example.test')).toBeGreaterThan(890_000);
      await attempts.recordFailure('a@example.test', policy);
      expect(await redis.exists('lock:fail:a@example.test')).toBe(0);
      expect(await redis.pttl('lock:until:a@example.test')).toBeGreaterThan(590_000);
    } finally {
      await redis.quit();
    }
  });

  it('survives a script cache flush (EVALSHA falls back to EVAL)', async () => {
    const redis = await connect();
    try {
      const limiter = redisRateLimiter(redis);
      await limiter.hit('flush', { count: 5, windowS: 60 });
      await redis.script('FLUSH');
      expect(await limiter.hit('flush', { count: 5, windowS: 60 })).toMatchObject({ allowed: true, remaining: 3 });
    } finally {
      await redis.quit();
    }
  });
});

describe('Rate limiting adapters when Redis is unreachable', () => {
  it('fail fast with UnavailableError', async () => {
    // Port 1 on loopback refuses at once; with no offline queue the command fails instead of hanging.
    const redis = openRedis('redis://127.0.0.1:1');
    try {
      const started = Date.now();
      const attempts = redisLoginAttempts(redis);
      const policy = { threshold: 5, windowS: 60, lockS: 60 };
      await expect(redisRateLimiter(redis).hit('x', { count: 1, windowS: 60 })).rejects.toBeInstanceOf(UnavailableError);
      await expect(attempts.lockedFor('x')).rejects.toBeInstanceOf(UnavailableError);
      await expect(attempts.recordFailure('x', policy)).rejects.toBeInstanceOf(UnavailableError);
      await expect(attempts.reset('x')).rejects.toBeInstanceOf(UnavailableError);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      redis.disconnect();
    }
  });
});
