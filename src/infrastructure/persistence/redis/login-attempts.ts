/**
 * LoginAttempts on Redis (contract §5.5), one round trip per operation. `lock:fail:<emailKey>` counts failures
 * and expires `windowS` after the first of them; `lock:until:<emailKey>` is the lock itself and expires after
 * `lockS`, so Redis's own clock ends both and no process clock is involved.
 */
import type { LoginAttempts } from '../../../domain/identity/login-attempts.js';
import { translateRedisError, type RedisClient } from './connection.js';

const FAIL = 'lock:fail:';
const UNTIL = 'lock:until:';
const COMMAND = 'tesseraLoginFailure';

// Returns the lock's remaining milliseconds, 0 when not locked. A failure during a lock neither counts nor
// extends it: the API rejects locked attempts before checking a password, so only races get here, and the
// contract says the lock runs from the threshold failure. Reaching the threshold trades the counter for a lock.
const FAILURE_SCRIPT = `
local left = redis.call('PTTL', KEYS[2])
if left > 0 then return left end
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n < tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
return tonumber(ARGV[3])
`;

interface WithFailureCommand {
  [COMMAND](failKey: string, untilKey: string, threshold: number, windowMs: number, lockMs: number): Promise<unknown>;
}

const toSeconds = (ms: number) => (ms > 0 ? Math.ceil(ms / 1000) : 0);

export function redisLoginAttempts(redis: RedisClient): LoginAttempts {
  if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: FAILURE_SCRIPT });
  const client = redis as RedisClient & WithFailureCommand;
  return {
    async lockedFor(emailKey) {
      try {
        // PTTL is -2 for no lock (and -1 for a lock without expiry, which this adapter never writes).
        return toSeconds(await redis.pttl(UNTIL + emailKey));
      } catch (err) {
        throw translateRedisError('read login lock', err);
      }
    },
    async recordFailure(emailKey, policy) {
      let reply: unknown;
      try {
        reply = await client[COMMAND](FAIL + emailKey, UNTIL + emailKey, policy.threshold, policy.windowS * 1000, policy.lockS * 1000);
      } catch (err) {
        throw translateRedisError('record login failure', err);
      }
      if (typeof reply !== 'number') throw new Error(`record login failure: unexpected script reply ${JSON.stringify(reply)}`);
      return toSeconds(reply);
    },
    async reset(emailKey) {
      try {
        await redis.del(FAIL + emailKey, UNTIL + emailKey);
      } catch (err) {
        throw translateRedisError('reset login failures', err);
      }
    },
  };
}
