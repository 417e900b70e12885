/**
 * RateLimiter on Redis, shared by every API process. One round trip per hit: a Lua script counts the hit in
 * the current bucket `rl:<key>:<window index>`, reads the previous bucket and returns both with the position
 * in the window; the decision itself is the pure arithmetic of domain/shared/sliding-window.ts.
 *
 * Clock: the script reads Redis's own `TIME`, not the process clock, so that several API processes with
 * drifting clocks still agree on which bucket is current. The optional `clock` is therefore not used for
 * bucketing; it is accepted so the factory has the same shape as the in-memory one.
 *
 * Bucket keys are derived inside the script from KEYS[1]; that is fine on the single Redis Tessera uses,
 * not on Redis Cluster (where both buckets would need a hash tag).
 */
import type { Clock } from '../../../domain/shared/clock.js';
import type { RateLimiter } from '../../../domain/shared/rate-limiter.js';
import { decideSlidingWindow } from '../../../domain/shared/sliding-window.js';
import { translateRedisError, type RedisClient } from './connection.js';

const PREFIX = 'rl:';
const COMMAND = 'tesseraRateLimitHit';

// Buckets expire after two windows: a bucket is read as "previous" until the end of the window after its own.
// TIME before writes is safe: Redis ≥ 5 replicates script effects, not the script.
const HIT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local w = tonumber(ARGV[1])
local idx = math.floor(now / w)
local cur = KEYS[1] .. ':' .. string.format('%.0f', idx)
local prev = KEYS[1] .. ':' .. string.format('%.0f', idx - 1)
local c = redis.call('INCR', cur)
if c == 1 then redis.call('PEXPIRE', cur, 2 * w) end
local p = tonumber(redis.call('GET', prev) or '0')
return {c, p, now - idx * w}
`;

interface WithHitCommand {
  [COMMAND](key: string, windowMs: number): Promise<unknown>;
}

export function redisRateLimiter(redis: RedisClient, _clock?: Clock): RateLimiter {
  // defineCommand sends EVAL once per connection and EVALSHA after, falling back on NOSCRIPT after a restart.
  if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: HIT_SCRIPT });
  const client = redis as RedisClient & WithHitCommand;
  return {
    async hit(key, rule) {
      let reply: unknown;
      try {
        reply = await client[COMMAND](PREFIX + key, rule.windowS * 1000);
      } catch (err) {
        throw translateRedisError('rate limit hit', err);
      }
      if (!Array.isArray(reply) || reply.length !== 3 || !reply.every((n) => typeof n === 'number')) {
        throw new Error(`rate limit hit: unexpected script reply ${JSON.stringify(reply)}`);
      }
      const [current, previous, elapsedMs] = reply as [number, number, number];
      return decideSlidingWindow({ current, previous, elapsedMs }, rule);
    },
  };
}
