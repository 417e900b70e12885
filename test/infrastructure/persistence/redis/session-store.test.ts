import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../../../src/domain/shared/errors.js';
import { openRedis, waitForRedis } from '../../../../src/infrastructure/persistence/redis/connection.js';
import { redisSessionStore } from '../../../../src/infrastructure/persistence/redis/session-store.js';
import { describeSessionStoreContract } from '../../../contract/session-store.contract.js';
import { REDIS_URL } from '../../../support/services.js';

describeSessionStoreContract('redis', async () => {
  const redis = openRedis(REDIS_URL, { keyPrefix: `test:${randomBytes(6).toString('hex')}:` });
  await waitForRedis(redis);
  return { store: redisSessionStore(redis, { tombstoneTtlS: 60 }), close: async () => void (await redis.quit()) };
});

describe('redisSessionStore when Redis is down', () => {
  it('fails with UnavailableError, so authentication answers 503 instead of failing open', async () => {
    const redis = openRedis('redis://127.0.0.1:1');
    try {
      const store = redisSessionStore(redis, { tombstoneTtlS: 60 });
      await expect(store.check(randomUUID(), randomUUID())).rejects.toBeInstanceOf(UnavailableError);
      await expect(store.revoke([randomUUID()])).rejects.toBeInstanceOf(UnavailableError);
    } finally {
      redis.disconnect();
    }
  });
});
