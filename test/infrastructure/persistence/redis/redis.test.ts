import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../../../src/domain/shared/errors.js';
import { redisCache } from '../../../../src/infrastructure/persistence/redis/cache.js';
import { openRedis, waitForRedis } from '../../../../src/infrastructure/persistence/redis/connection.js';
import { redisWorkerHeartbeat } from '../../../../src/infrastructure/persistence/redis/worker-heartbeat.js';
import { describeCacheContract } from '../../../contract/cache.contract.js';
import { describeWorkerHeartbeatContract } from '../../../contract/worker-heartbeat.contract.js';
import { REDIS_URL } from '../../../support/services.js';

async function connect() {
  const redis = openRedis(REDIS_URL, { keyPrefix: `test:${randomBytes(6).toString('hex')}:` });
  await waitForRedis(redis);
  return redis;
}

describeCacheContract('redis', async () => {
  const redis = await connect();
  return { cache: redisCache(redis), close: async () => void (await redis.quit()) };
});

describeWorkerHeartbeatContract('redis', async () => {
  const redis = await connect();
  return { heartbeat: redisWorkerHeartbeat(redis), close: async () => void (await redis.quit()) };
});

describe('Redis adapters when Redis is unreachable', () => {
  it('fail fast with UnavailableError instead of queueing commands', async () => {
    // Port 1 on loopback refuses at once; with no offline queue the command fails instead of hanging.
    const redis = openRedis('redis://127.0.0.1:1');
    try {
      const started = Date.now();
      await expect(redisCache(redis).get('x')).rejects.toBeInstanceOf(UnavailableError);
      await expect(redisCache(redis).increment('x')).rejects.toBeInstanceOf(UnavailableError);
      await expect(redisWorkerHeartbeat(redis).last()).rejects.toBeInstanceOf(UnavailableError);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      redis.disconnect();
    }
  });
});
