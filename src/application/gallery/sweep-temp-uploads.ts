import type { Ports } from '../ports.js';

const MAX_AGE_MS = 60 * 60 * 1000;

/**
 * The `upload.sweep_temp` job (contract §7.3): temporary objects older than an hour belong to uploads that
 * crashed before committing — or committed but were never promoted, which the processing job handles, so
 * a temp object whose image row exists is left for it.
 */
export async function sweepTempUploads(deps: Pick<Ports, 'storage' | 'images' | 'clock' | 'logger'>): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - MAX_AGE_MS);
  let removed = 0;
  for await (const key of deps.storage.listTemp(before)) {
    const imageId = key.slice('tmp/'.length);
    if (await deps.images.findById(imageId)) continue;
    await deps.storage.delete(key);
    removed++;
  }
  if (removed > 0) deps.logger.info({ removed }, 'swept abandoned temporary uploads');
  return removed;
}
