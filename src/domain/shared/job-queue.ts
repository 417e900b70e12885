/** Background job names (contract §16: `<aggregate>.<verb>`). */
export const JOB_NAMES = ['image.process', 'image.delete_files', 'upload.sweep_temp', 'user.purge'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface Job {
  /** Unique per logical job (event id + job name): enqueuing the same id twice runs it once. */
  readonly id: string;
  readonly name: JobName;
  readonly payload: Readonly<Record<string, unknown>>;
  /** 1 on the first run. */
  readonly attempt: number;
}

/** Thrown by a handler for a failure that retrying cannot fix (a decode error): no further attempts. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export type JobHandler = (job: Job) => Promise<void>;

export interface JobOptions {
  readonly jobId: string;
  /** Total attempts including the first (default 4: one run and 3 retries with exponential backoff). */
  readonly attempts?: number;
  readonly delayMs?: number;
}

/**
 * At-least-once background jobs (BullMQ on Redis, or in process when embedded). A handler that throws is
 * retried with exponential backoff until its attempts are used up; PermanentJobError stops at once.
 * Handlers must therefore be idempotent. Throws UnavailableError when the queue backend is down.
 */
export interface JobQueue {
  /** Enqueues unless a job with `jobId` is already waiting, running or done recently (dedup). */
  enqueue(name: JobName, payload: Readonly<Record<string, unknown>>, options: JobOptions): Promise<void>;
  /** Starts consuming with the given handlers; `stop` lets running jobs finish. */
  consume(handlers: Readonly<Record<JobName, JobHandler>>, options: { readonly concurrency: number }): { stop(): Promise<void> };
  /** Jobs waiting or delayed (the `queue_depth` metric). */
  depth(): Promise<number>;
  close(): Promise<void>;
}
