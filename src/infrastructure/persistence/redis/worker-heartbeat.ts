import type { WorkerHeartbeat } from '../../../domain/shared/worker-heartbeat.js';
import { translateRedisError, type RedisClient } from './connection.js';

const KEY = 'tessera:worker:heartbeat';
// A beat older than this is meaningless; readiness already calls 60 s stale.
const TTL_S = 300;

export function redisWorkerHeartbeat(redis: RedisClient): WorkerHeartbeat {
  return {
    async beat(at) {
      try {
        await redis.set(KEY, String(at.getTime()), 'EX', TTL_S);
      } catch (err) {
        throw translateRedisError('worker heartbeat', err);
      }
    },
    async last() {
      try {
        const raw = await redis.get(KEY);
        return raw === null ? null : new Date(Number(raw));
      } catch (err) {
        throw translateRedisError('read worker heartbeat', err);
      }
    },
  };
}
