import type { DomainEvent } from '../../domain/shared/domain-event.js';
import type { JobName } from '../../domain/shared/job-queue.js';

export interface JobRequest {
  readonly name: JobName;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Event id + job name: republishing an event (at least once) enqueues nothing new. */
  readonly jobId: string;
}

type JobMaker = (event: DomainEvent) => Readonly<Record<string, unknown>>;

// Image events are aggregated on the image, so the aggregate id is the image id.
const imageId: JobMaker = (event) => ({ image_id: event.aggregateId });

const JOBS_BY_EVENT: Readonly<Record<string, Readonly<Partial<Record<JobName, JobMaker>>>>> = {
  'image.uploaded': { 'image.process': imageId },
  'image.deleted': { 'image.delete_files': imageId },
  'user.deleted': { 'user.purge': (event) => ({ user_id: event.aggregateId }) },
};

/** The background jobs an event triggers (none for most types). Pure: the relay enqueues what it returns. */
export function jobsForEvent(event: DomainEvent): JobRequest[] {
  const makers = Object.hasOwn(JOBS_BY_EVENT, event.type) ? JOBS_BY_EVENT[event.type]! : {};
  return (Object.entries(makers) as [JobName, JobMaker][]).map(([name, make]) => ({
    name,
    payload: make(event),
    jobId: `${event.id}:${name}`,
  }));
}
