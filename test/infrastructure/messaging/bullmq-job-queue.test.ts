import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { UnavailableError } from '../../../src/domain/shared/errors.js';
import { bullmqJobQueue, toBullmqJobId } from '../../../src/infrastructure/messaging/bullmq-job-queue.js';
import { CONTRACT_BACKOFF_BASE_MS, describeJobQueueContract } from '../../contract/job-queue.contract.js';
import { REDIS_URL } from '../../support/services.js';

// Every queue of this file lives under its own prefix; afterAll removes the keys.
const PREFIX = `test-bull-${randomBytes(6).toString('hex')}`;
let queues = 0;

describeJobQueueContract('bullmq', async () => {
  const queue = bullmqJobQueue(REDIS_URL, { prefix: PREFIX, queueName: `q${++queues}`, backoffBaseMs: CONTRACT_BACKOFF_BASE_MS });
  return { queue, close: () => queue.close() };
});

describe('bullmqJobQueue', () => {
  it('maps job ids to ones BullMQ accepts', () => {
    expect(toBullmqJobId('0190a1b2-c3d4:image.process')).toBe('0190a1b2-c3d4_image.process');
  });

  it('answers UnavailableError when Redis is unreachable, without hanging', async () => {
    // Port 1 on loopback refuses at once.
    const queue = bullmqJobQueue('redis://127.0.0.1:1', { prefix: PREFIX });
    try {
      const started = Date.now();
      await expect(queue.enqueue('image.process', {}, { jobId: 'a:image.process' })).rejects.toBeInstanceOf(UnavailableError);
      await expect(queue.depth()).rejects.toBeInstanceOf(UnavailableError);
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      await queue.close();
    }
  });
});

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
});
