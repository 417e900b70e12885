/**
 * In-process JobQueue for embedded mode, with BullMQ's semantics: dedup by job id while queued or running and
 * for an hour after completion (a week after final failure), exponential backoff, PermanentJobError stops.
 * Jobs live in memory: whatever is queued when the process exits is gone.
 */
import type { Clock } from '../../domain/shared/clock.js';
import { UnavailableError } from '../../domain/shared/errors.js';
import { PermanentJobError, type JobHandler, type JobName, type JobQueue } from '../../domain/shared/job-queue.js';

export interface MemoryJobQueueOptions {
  /** First retry delay; later ones double (tests shrink it). */
  readonly backoffBaseMs?: number;
}

interface Entry {
  readonly id: string;
  readonly name: JobName;
  readonly payload: Record<string, unknown>;
  readonly attempts: number;
  attempt: number;
}

interface Consumer {
  readonly handlers: Readonly<Record<JobName, JobHandler>>;
  readonly concurrency: number;
  stopping: boolean;
}

const DEFAULT_ATTEMPTS = 4;
// The same retention as the BullMQ adapter's removeOnComplete / removeOnFail, so dedup lasts as long.
const KEEP_COMPLETED_MS = 3600_000;
const KEEP_FAILED_MS = 7 * 86_400_000;
const PRUNE_EVERY_MS = 60_000;

export function memoryJobQueue(clock: Clock, options: MemoryJobQueueOptions = {}): JobQueue {
  const backoffBaseMs = options.backoffBaseMs ?? 1000;
  // Job id → when it may be enqueued again; `null` while it is queued, delayed or running.
  const known = new Map<string, number | null>();
  const ready: Entry[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();
  let consumer: Consumer | undefined;
  let closed = false;
  let lastPrune = 0;

  function prune(now: number): void {
    if (now - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now;
    for (const [id, until] of known) if (until !== null && until <= now) known.delete(id);
  }

  function schedule(entry: Entry, delayMs: number): void {
    if (delayMs <= 0) {
      ready.push(entry);
      pump();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      ready.push(entry);
      pump();
    }, delayMs);
    // A pending retry must not keep the process alive.
    timer.unref();
    timers.add(timer);
  }

  function pump(): void {
    while (consumer && !consumer.stopping && running.size < consumer.concurrency && ready.length > 0) {
      const entry = ready.shift()!;
      const task = run(consumer.handlers, entry).finally(() => {
        running.delete(task);
        pump();
      });
      running.add(task);
    }
  }

  async function run(handlers: Readonly<Record<JobName, JobHandler>>, entry: Entry): Promise<void> {
    const handler = handlers[entry.name] as JobHandler | undefined;
    try {
      if (!handler) throw new PermanentJobError(`no handler for job ${entry.name}`);
      await handler({ id: entry.id, name: entry.name, payload: entry.payload, attempt: entry.attempt });
      known.set(entry.id, clock.now().getTime() + KEEP_COMPLETED_MS);
    } catch (err) {
      if (err instanceof PermanentJobError || entry.attempt >= entry.attempts) {
        known.set(entry.id, clock.now().getTime() + KEEP_FAILED_MS);
        return;
      }
      // The same curve as BullMQ's 'exponential': base, 2×base, 4×base…
      const delay = backoffBaseMs * 2 ** (entry.attempt - 1);
      entry.attempt += 1;
      schedule(entry, delay);
    }
  }

  return {
    async enqueue(name, payload, jobOptions) {
      if (closed) throw new UnavailableError('queue.unavailable', 'the job queue is closed');
      const now = clock.now().getTime();
      prune(now);
      const until = known.get(jobOptions.jobId);
      if (until === null || (until !== undefined && until > now)) return;
      known.set(jobOptions.jobId, null);
      // A JSON copy, as BullMQ stores it: the handler never shares objects with the caller.
      const copy = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
      const attempts = jobOptions.attempts ?? DEFAULT_ATTEMPTS;
      schedule({ id: jobOptions.jobId, name, payload: copy, attempts, attempt: 1 }, jobOptions.delayMs ?? 0);
    },

    consume(handlers, { concurrency }) {
      if (consumer) throw new Error('this in-process queue already has a consumer');
      const mine: Consumer = { handlers, concurrency: Math.max(1, concurrency), stopping: false };
      consumer = mine;
      pump();
      let stopped: Promise<void> | undefined;
      return {
        stop: () =>
          (stopped ??= (async () => {
            mine.stopping = true;
            // Jobs already running finish; queued ones wait for a next consumer.
            while (running.size > 0) await Promise.allSettled([...running]);
            if (consumer === mine) consumer = undefined;
          })()),
      };
    },

    async depth() {
      return ready.length + timers.size;
    },

    async close() {
      closed = true;
      if (consumer) consumer.stopping = true;
      while (running.size > 0) await Promise.allSettled([...running]);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      consumer = undefined;
    },
  };
}
