import type { Clock } from '../../domain/shared/clock.js';
import type { EventBus } from '../../domain/shared/event-bus.js';
import type { JobQueue } from '../../domain/shared/job-queue.js';
import type { Logger } from '../../domain/shared/logger.js';
import type { OutboxRelayStore } from '../../domain/shared/outbox-relay-store.js';
import { jobsForEvent } from './event-jobs.js';

export interface OutboxRelayDeps {
  readonly store: OutboxRelayStore;
  readonly bus: EventBus;
  readonly queue: JobQueue;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly intervalMs?: number;
  readonly batchSize?: number;
}

export interface OutboxRelay {
  /** Ends the timer and waits for a pass in progress. */
  stop(): Promise<void>;
  /**
   * One pass now (e.g. right after a commit): publishes until the outbox is empty or something fails, and
   * resolves with the number of events published. Never rejects: failures are logged and retried next tick.
   * Called while a pass runs, it runs one more pass after it, so events committed meanwhile are not left waiting.
   */
  runOnce(): Promise<number>;
}

/**
 * Publishes committed outbox events to the bus and enqueues the jobs they trigger, at least once and in
 * `seq` order. One relay at a time (the store's lock) and stopping at the first failure keep per-aggregate
 * order: an event is never published before one committed earlier.
 */
export function startOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const intervalMs = deps.intervalMs ?? 200;
  const batchSize = deps.batchSize ?? 100;
  let failing = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<number> | undefined;
  let next: Promise<number> | undefined;

  /** Publishes one batch in order, stopping at the first failure; `onDone` counts what was marked. */
  async function publishBatch(onDone: (count: number) => void): Promise<boolean> {
    const batch = await deps.store.pending(batchSize);
    const done: string[] = [];
    try {
      for (const { seq, event } of batch) {
        await deps.bus.publish(event);
        // Job ids derive from the event id, so a republished event enqueues nothing twice.
        for (const job of jobsForEvent(event)) await deps.queue.enqueue(job.name, job.payload, { jobId: job.jobId });
        done.push(seq);
      }
    } finally {
      // Mark what went out even when a later event failed, so only the failed one and its successors repeat.
      if (done.length > 0) {
        await deps.store.markPublished(done, deps.clock.now());
        onDone(done.length);
      }
    }
    return batch.length === batchSize;
  }

  async function pass(): Promise<number> {
    let published = 0;
    const count = (n: number) => void (published += n);
    try {
      await deps.store.withRelayLock(async () => {
        while (!stopped && (await publishBatch(count)));
      });
      if (failing) deps.logger.info({ published }, 'outbox relay recovered');
      failing = false;
    } catch (err) {
      // One error line per outage, not one per 200 ms tick.
      if (!failing) deps.logger.error({ err, published }, 'outbox relay failed; retrying every tick');
      failing = true;
    }
    return published;
  }

  function runOnce(): Promise<number> {
    if (stopped) return Promise.resolve(0);
    if (!current) {
      current = pass().finally(() => {
        current = undefined;
      });
      return current;
    }
    next ??= current.then(() => {
      next = undefined;
      return runOnce();
    });
    return next;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void runOnce().then(schedule), intervalMs);
    // The relay must not keep a process alive that is otherwise done.
    timer.unref();
  }

  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([current, next]);
    },
    runOnce,
  };
}
