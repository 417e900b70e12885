import { describe, expect, it } from 'vitest';
import { memoryJobQueue } from '../../../src/infrastructure/messaging/memory-job-queue.js';
import { CONTRACT_BACKOFF_BASE_MS, describeJobQueueContract } from '../../contract/job-queue.contract.js';

describeJobQueueContract('in-process', async () => {
  const queue = memoryJobQueue({ now: () => new Date() }, { backoffBaseMs: CONTRACT_BACKOFF_BASE_MS });
  return { queue, close: () => queue.close() };
});

describe('memoryJobQueue', () => {
  it('forgets a completed job id after an hour, so the same id runs again', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const queue = memoryJobQueue({ now: () => now });
    let runs = 0;
    const consumer = queue.consume(
      { 'image.process': async () => void runs++, 'image.delete_files': async () => undefined, 'upload.sweep_temp': async () => undefined, 'user.purge': async () => undefined },
      { concurrency: 1 },
    );
    await queue.enqueue('image.process', {}, { jobId: 'e1:image.process' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    now = new Date(now.getTime() + 59 * 60_000);
    await queue.enqueue('image.process', {}, { jobId: 'e1:image.process' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(1);
    now = new Date(now.getTime() + 2 * 60_000);
    await queue.enqueue('image.process', {}, { jobId: 'e1:image.process' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(2);
    await consumer.stop();
    await queue.close();
  });

  it('refuses to enqueue after close', async () => {
    const queue = memoryJobQueue({ now: () => new Date() });
    await queue.close();
    await expect(queue.enqueue('image.process', {}, { jobId: 'x' })).rejects.toMatchObject({ kind: 'service-unavailable' });
  });
});
