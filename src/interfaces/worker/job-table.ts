import { JOB_NAMES, type JobHandler, type JobName } from '../../domain/shared/job-queue.js';

/** Every job name with its handler; building one with `satisfies JobTable` makes a missing name a type error. */
export type JobTable = Record<JobName, JobHandler>;

/**
 * The boot-time twin of `satisfies JobTable`, for tables assembled at run time: a job without a handler
 * would sit in the queue failing forever, so the worker refuses to start instead.
 */
export function assertCompleteJobTable(table: Partial<Record<string, unknown>>): asserts table is JobTable {
  const missing = JOB_NAMES.filter((name) => typeof table[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(`the worker has no handler for job ${missing.map((n) => `"${n}"`).join(', ')}; refusing to start`);
  }
}
