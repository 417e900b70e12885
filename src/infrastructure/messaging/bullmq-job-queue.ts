/**
 * JobQueue on BullMQ. Dedup is BullMQ's own: adding an existing job id is a no-op while the job exists
 * (waiting, delayed, active, then kept an hour after completing and a week after failing).
 */
import { Queue, UnrecoverableError, Worker, type Job as BullJob } from 'bullmq';
import { Redis } from 'ioredis';
import { UnavailableError } from '../../domain/shared/errors.js';
import { PermanentJobError, type JobHandler, type JobName, type JobQueue } from '../../domain/shared/job-queue.js';
import { wrapError } from '../errors.js';

export interface BullmqJobQueueOptions {
  /** BullMQ key prefix; tests give each file its own. */
  readonly prefix?: string;
  readonly queueName?: string;
  /** First retry delay; later ones double (tests shrink it). */
  readonly backoffBaseMs?: number;
  /** Connection and worker errors, for the log; BullMQ keeps reconnecting by itself. */
  readonly onError?: (err: Error) => void;
}

/** What a BullMQ job carries: the caller's id (BullMQ's may not contain ':') and the payload. */
interface JobData {
  readonly id: string;
  readonly payload: Record<string, unknown>;
}

const DEFAULT_ATTEMPTS = 4;
const KEEP_COMPLETED_S = 3600;
const KEEP_FAILED_S = 7 * 86_400;
const READY_WAIT_MS = 2000;
const CONNECTION_TROUBLE = /Connection is closed|Stream isn't writeable|enableOfflineQueue|max retries|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND/i;

/** BullMQ rejects ':' in custom ids (it separates key parts); event-derived ids contain one. */
export const toBullmqJobId = (id: string): string => id.replaceAll(':', '_');

export function bullmqJobQueue(redisUrl: string, options: BullmqJobQueueOptions = {}): JobQueue {
  const prefix = options.prefix ?? 'tessera';
  const queueName = options.queueName ?? 'jobs';
  const backoffBaseMs = options.backoffBaseMs ?? 1000;
  const onError = (err: Error) => options.onError?.(err);
  // Producer connection fails fast (no offline queue) so enqueue answers 503 instead of hanging while Redis is down.
  const producer = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  producer.on('error', onError);
  const queue = new Queue<JobData>(queueName, { connection: producer, prefix });
  queue.on('error', onError);
  const workers = new Set<Worker<JobData>>();

  async function call<T>(context: string, fn: () => Promise<T>): Promise<T> {
    await readyOrUnavailable(producer);
    try {
      return await fn();
    } catch (err) {
      throw CONNECTION_TROUBLE.test(err instanceof Error ? err.message : '') ? unavailable(err) : wrapError(context, err);
    }
  }

  return {
    async enqueue(name, payload, jobOptions) {
      await call(`enqueue ${name}`, () =>
        queue.add(
          name,
          { id: jobOptions.jobId, payload: { ...payload } },
          {
            jobId: toBullmqJobId(jobOptions.jobId),
            attempts: jobOptions.attempts ?? DEFAULT_ATTEMPTS,
            backoff: { type: 'exponential', delay: backoffBaseMs },
            removeOnComplete: { age: KEEP_COMPLETED_S },
            removeOnFail: { age: KEEP_FAILED_S },
            ...(jobOptions.delayMs ? { delay: jobOptions.delayMs } : {}),
          },
        ),
      );
    },

    consume(handlers, { concurrency }) {
      // Workers block on Redis; BullMQ requires maxRetriesPerRequest: null on their connections.
      const worker = new Worker<JobData>(queueName, (job) => runJob(handlers, job), {
        connection: { url: redisUrl, maxRetriesPerRequest: null, connectTimeout: 5000 },
        prefix,
        concurrency,
      });
      worker.on('error', onError);
      workers.add(worker);
      let stopping: Promise<void> | undefined;
      return {
        // close() without force waits for active jobs to finish.
        stop: () => (stopping ??= worker.close().finally(() => workers.delete(worker))),
      };
    },

    async depth() {
      const counts = await call('count queued jobs', () => queue.getJobCounts('waiting', 'delayed'));
      return (counts.waiting ?? 0) + (counts.delayed ?? 0);
    },

    async close() {
      await Promise.all([...workers].map((w) => w.close()));
      await queue.close().catch(() => undefined);
      // The producer connection is ours (BullMQ never closes a client it was handed).
      await producer.quit().catch(() => producer.disconnect());
    },
  };
}

async function runJob(handlers: Readonly<Record<JobName, JobHandler>>, job: BullJob<JobData>): Promise<void> {
  const handler = handlers[job.name as JobName] as JobHandler | undefined;
  if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
  try {
    // attemptsMade counts finished failed attempts, so the running one is the next.
    await handler({ id: job.data.id, name: job.name as JobName, payload: job.data.payload, attempt: job.attemptsMade + 1 });
  } catch (err) {
    // UnrecoverableError is how BullMQ skips the remaining attempts.
    if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
    throw err;
  }
}

/** BullMQ waits for 'ready' indefinitely while Redis is down; give a (re)connect a moment, then refuse. */
async function readyOrUnavailable(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(unavailable(new Error(`redis connection is ${redis.status}`)));
    }, READY_WAIT_MS);
    redis.once('ready', onReady);
  });
}

function unavailable(cause: unknown): UnavailableError {
  return new UnavailableError('queue.unavailable', 'the job queue is unavailable', { retryAfterS: 5, cause });
}
