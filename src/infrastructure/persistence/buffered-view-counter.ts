import type { ImageRepository } from '../../domain/gallery/image-repository.js';
import type { Cache } from '../../domain/shared/cache.js';
import type { ViewCounter } from '../../domain/social/view-counter.js';

const DEDUP_TTL_S = 3600;

/**
 * Deduplicates views through the shared cache (Redis, or in process) and buffers the increments in this
 * process; `flush` writes them in one statement. Several API processes each flush their own buffer.
 */
export function bufferedViewCounter(cache: Cache, images: Pick<ImageRepository, 'addViews'>): ViewCounter {
  let pending = new Map<string, number>();
  return {
    async record(imageId, viewerKey) {
      if (!(await cache.setIfAbsent(`view:${imageId}:${viewerKey}`, '1', DEDUP_TTL_S))) return;
      pending.set(imageId, (pending.get(imageId) ?? 0) + 1);
    },
    async flush() {
      if (pending.size === 0) return 0;
      const batch = pending;
      pending = new Map();
      try {
        await images.addViews(batch);
      } catch (err) {
        // Put the views back so a database hiccup loses none of them.
        for (const [id, n] of batch) pending.set(id, (pending.get(id) ?? 0) + n);
        throw err;
      }
      return batch.size;
    },
  };
}
