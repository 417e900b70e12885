import type { Cache } from '../../../domain/shared/cache.js';
import { execAll, translateRedisError, type RedisClient } from './connection.js';

const PREFIX = 'tessera:cache:';

export function redisCache(redis: RedisClient): Cache {
  const k = (key: string) => PREFIX + key;
  const guard = async <T>(context: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw translateRedisError(context, err);
    }
  };
  return {
    get: (key) => guard('cache get', () => redis.get(k(key))),
    set: (key, value, ttlS) =>
      guard('cache set', async () => {
        if (ttlS === undefined) await redis.set(k(key), value);
        else await redis.set(k(key), value, 'EX', ttlS);
      }),
    setIfAbsent: (key, value, ttlS) =>
      guard('cache setIfAbsent', async () => (await redis.set(k(key), value, 'EX', ttlS, 'NX')) === 'OK'),
    delete: (key) =>
      guard('cache delete', async () => {
        await redis.del(k(key));
      }),
    increment: (key, by = 1, ttlS) =>
      guard('cache increment', async () => {
        // One round trip; NX keeps the first expiry so repeated increments do not extend the window.
        const pipeline = redis.multi().incrby(k(key), by);
        if (ttlS !== undefined) pipeline.expire(k(key), ttlS, 'NX');
        const [value] = await execAll(pipeline);
        return Number(value);
      }),
  };
}
