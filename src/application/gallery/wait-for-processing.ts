import type { Ports } from '../ports.js';
import type { Image } from '../../domain/gallery/image.js';
import { imageKeys } from '../../domain/gallery/image.js';
import { imageDeleted } from '../../domain/gallery/image-events.js';
import { DomainError } from '../../domain/shared/errors.js';

const POLL_MS = 100;

/**
 * `?wait=true` (contract §7.3): polls until processing ends or the deadline passes. A failed upload is removed
 * at once (row `deleted`, files deleted) and answered 422.
 */
export async function waitForProcessing(deps: Pick<Ports, 'uow' | 'images' | 'storage' | 'clock' | 'ids' | 'logger'>, image: Image, maxMs: number): Promise<Image> {
  const deadline = Date.now() + maxMs;
  let current = image;
  while (current.status === 'processing' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const found = await deps.images.findById(image.id);
    if (!found) return current;
    current = found.image;
  }
  if (current.status !== 'failed') return current;
  const now = deps.clock.now();
  await deps.uow.run(async (tx) => {
    if (await tx.images.markDeleted(image.id, now)) {
      await tx.outbox.add(imageDeleted({ id: deps.ids.next(), at: now, actorId: image.ownerId, requestId: null }, image, image.ownerId, 'processing_failed'));
    }
  });
  await Promise.all([deps.storage.delete(imageKeys.original(image.id)), deps.storage.deletePrefix(imageKeys.variantPrefix(image.id))]).catch((err: unknown) =>
    deps.logger.warn({ err, image_id: image.id }, 'could not delete the files of a failed upload; the delete job will'),
  );
  throw new DomainError('unprocessable', 'upload.processing_failed', 'the image could not be decoded; nothing was kept');
}
