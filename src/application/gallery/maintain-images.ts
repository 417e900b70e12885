import type { Ports } from '../ports.js';
import { imageDeleted } from '../../domain/gallery/image-events.js';

// A processing job older than this was most likely lost (an embedded queue dies with its process).
const STUCK_AFTER_MS = 2 * 60 * 1000;
const FAILED_KEPT_MS = 7 * 24 * 3600 * 1000;
const BATCH = 100;

/**
 * Periodic upkeep run by workers: re-enqueues processing jobs that were lost (the job is idempotent and
 * guarded, so a duplicate only finds nothing to do), and removes failed images after 7 days (contract §7.4).
 */
export async function maintainImages(deps: Pick<Ports, 'uow' | 'images' | 'queue' | 'clock' | 'ids' | 'logger'>): Promise<{ requeued: number; expired: number }> {
  const now = deps.clock.now();
  const stuck = await deps.images.listStale('processing', new Date(now.getTime() - STUCK_AFTER_MS), BATCH);
  const window = Math.floor(now.getTime() / STUCK_AFTER_MS);
  for (const { id } of stuck) {
    await deps.queue.enqueue('image.process', { image_id: id }, { jobId: `requeue:${id}:${window}` });
  }
  const failed = await deps.images.listStale('failed', new Date(now.getTime() - FAILED_KEPT_MS), BATCH);
  for (const image of failed) {
    await deps.uow.run(async (tx) => {
      if (await tx.images.markDeleted(image.id, now)) {
        await tx.outbox.add(imageDeleted({ id: deps.ids.next(), at: now, actorId: null, requestId: null }, image, null, 'failed_expired'));
      }
    });
  }
  if (stuck.length + failed.length > 0) deps.logger.info({ requeued: stuck.length, expired: failed.length }, 'image upkeep');
  return { requeued: stuck.length, expired: failed.length };
}
