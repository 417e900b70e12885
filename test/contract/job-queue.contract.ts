/** What every JobQueue adapter must do alike. Run by the BullMQ and in-process adapter tests. */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentJobError, type Job, type JobHandler, type JobName, type JobQueue, JOB_NAMES } from '../../src/domain/shared/job-queue.js';

export interface JobQueueHarness {
  readonly queue: JobQueue;
  close(): Promise<void>;
}

/** The retry backoff base every runner must configure, so the retry cases take milliseconds. */
export const CONTRACT_BACKOFF_BASE_MS = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await sleep(10);
  }
}

/** Every job name handled by `fn`, so consume() gets a complete table. */
const handleAll = (fn: JobHandler): Record<JobName, JobHandler> => Object.fromEntries(JOB_NAMES.map((name) => [name, fn])) as Record<JobName, JobHandler>;

/** `make` must give a fresh, empty queue whose retry backoff base is CONTRACT_BACKOFF_BASE_MS. */
export function describeJobQueueContract(name: string, make: () => Promise<JobQueueHarness>): void {
  describe(`JobQueue contract (${name})`, () => {
    let h: JobQueueHarness;
    let stops: (() => Promise<void>)[];
    beforeEach(async () => {
      h = await make();
      stops = [];
    });
    afterEach(async () => {
      for (const stop of stops) await stop();
      await h.close();
    });
    // Ids in the shape the relay uses (event id + ':' + job name).
    const jobId = () => `${randomBytes(8).toString('hex')}:image.process`;
    const consume = (fn: JobHandler, concurrency = 1) => {
      const consumer = h.queue.consume(handleAll(fn), { concurrency });
      stops.push(() => consumer.stop());
      return consumer;
    };

    it('runs a job with its id, name, payload and attempt 1', async () => {
      const seen: Job[] = [];
      consume(async (job) => void seen.push(job));
      const id = jobId();
      await h.queue.enqueue('image.process', { image_id: 'abc' }, { jobId: id });
      await waitFor(() => seen.length === 1);
      expect(seen[0]).toEqual({ id, name: 'image.process', payload: { image_id: 'abc' }, attempt: 1 });
    });

    it('round-trips a nested payload as JSON', async () => {
      const seen: Job[] = [];
      consume(async (job) => void seen.push(job));
      const payload = { s: 'é🙂', n: 1.5, b: false, nil: null, list: [1, 'two', { three: 3 }], nested: { deep: { x: [] } } };
      await h.queue.enqueue('image.delete_files', payload, { jobId: jobId() });
      await waitFor(() => seen.length === 1);
      expect(seen[0]!.name).toBe('image.delete_files');
      expect(seen[0]!.payload).toEqual(payload);
    });

    it('runs a job enqueued twice with the same id once, before and after it ran', async () => {
      let runs = 0;
      const id = jobId();
      await h.queue.enqueue('image.process', { n: 1 }, { jobId: id });
      await h.queue.enqueue('image.process', { n: 2 }, { jobId: id });
      consume(async () => void runs++);
      await waitFor(() => runs === 1);
      await h.queue.enqueue('image.process', { n: 3 }, { jobId: id });
      await sleep(300);
      expect(runs).toBe(1);
    });

    it('retries a failing handler with backoff until it succeeds', async () => {
      const attempts: { attempt: number; at: number }[] = [];
      let done = false;
      consume(async (job) => {
        attempts.push({ attempt: job.attempt, at: Date.now() });
        if (job.attempt < 3) throw new Error('transient');
        done = true;
      });
      await h.queue.enqueue('image.process', {}, { jobId: jobId() });
      await waitFor(() => done);
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      // Exponential backoff: base, then twice the base (a little slack for timer granularity).
      expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(CONTRACT_BACKOFF_BASE_MS - 2);
      expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(2 * CONTRACT_BACKOFF_BASE_MS - 2);
    });

    it('gives up after `attempts` runs', async () => {
      const seen: number[] = [];
      consume(async (job) => {
        seen.push(job.attempt);
        throw new Error('always');
      });
      await h.queue.enqueue('image.process', {}, { jobId: jobId(), attempts: 3 });
      await waitFor(() => seen.length === 3);
      await sleep(500);
      expect(seen).toEqual([1, 2, 3]);
      expect(await h.queue.depth()).toBe(0);
    });

    it('does not retry a PermanentJobError', async () => {
      let runs = 0;
      consume(async () => {
        runs++;
        throw new PermanentJobError('cannot decode');
      });
      await h.queue.enqueue('image.process', {}, { jobId: jobId() });
      await waitFor(() => runs === 1);
      await sleep(500);
      expect(runs).toBe(1);
      expect(await h.queue.depth()).toBe(0);
    });

    it('runs at most `concurrency` jobs at once, and uses them all', async () => {
      let active = 0;
      let peak = 0;
      let finished = 0;
      consume(async () => {
        active++;
        peak = Math.max(peak, active);
        await sleep(150);
        active--;
        finished++;
      }, 2);
      for (let i = 0; i < 5; i++) await h.queue.enqueue('image.process', { i }, { jobId: jobId() });
      await waitFor(() => finished === 5);
      expect(peak).toBe(2);
    });

    it('stop waits for a running job to finish and starts no new one', async () => {
      let started = 0;
      let finished = 0;
      const consumer = consume(async () => {
        started++;
        await sleep(300);
        finished++;
      });
      await h.queue.enqueue('image.process', {}, { jobId: jobId() });
      await waitFor(() => started === 1);
      await consumer.stop();
      expect(finished).toBe(1);
      await h.queue.enqueue('image.process', {}, { jobId: jobId() });
      await sleep(300);
      expect(started).toBe(1);
    });

    it('counts waiting and delayed jobs in depth', async () => {
      expect(await h.queue.depth()).toBe(0);
      await h.queue.enqueue('image.process', {}, { jobId: jobId() });
      await h.queue.enqueue('upload.sweep_temp', {}, { jobId: jobId() });
      await h.queue.enqueue('image.process', {}, { jobId: jobId(), delayMs: 60_000 });
      expect(await h.queue.depth()).toBe(3);
      let runs = 0;
      consume(async () => void runs++);
      await waitFor(() => runs === 2);
      expect(await h.queue.depth()).toBe(1);
    });
  });
}
