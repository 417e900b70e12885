import type { Ports } from '../ports.js';
import type { Variant, VariantName } from '../../domain/gallery/variant.js';
import { extensionOf, imageKeys } from '../../domain/gallery/image.js';
import { imageProcessed, imageProcessingFailed } from '../../domain/gallery/image-events.js';
import { UndecodableImageError } from '../../domain/gallery/image-processor.js';
import { variantSpecsFor } from '../../domain/gallery/variant-specs.js';

type Deps = Pick<Ports, 'uow' | 'images' | 'storage' | 'processor' | 'clock' | 'ids' | 'logger' | 'gallery'>;

/**
 * The `image.process` job (contract §7.4). Idempotent, since jobs run at least once: it finishes a promote
 * the API could not, writes variants to deterministic keys, and flips `processing` → `active` only if the
 * image is still processing (deleted meanwhile → its variants are removed again). An undecodable upload
 * fails at once; anything else throws so the queue retries.
 */
export async function processImage(deps: Deps, input: { imageId: string; attempt: number }): Promise<'active' | 'failed' | 'skipped'> {
  const found = await deps.images.findById(input.imageId);
  if (!found || found.image.status !== 'processing') return 'skipped';
  const { image } = found;
  const started = performance.now();
  await deps.storage.promote(`tmp/${image.id}`, imageKeys.original(image.id));
  const source = await deps.storage.getBytes(imageKeys.original(image.id));
  if (!source) throw new Error(`the upload of image ${image.id} is missing from storage`);

  let variants: Record<VariantName, Variant>;
  try {
    const made = await deps.processor.makeVariants(source, variantSpecsFor(image.format, deps.gallery.variantFormat));
    for (const v of made) await deps.storage.put(imageKeys.variant(image.id, v.name, extensionOf(v.format)), v.bytes);
    variants = Object.fromEntries(made.map((v) => [v.name, { name: v.name, width: v.width, height: v.height, format: v.format, fileSize: v.fileSize, sha256: v.sha256 }])) as Record<VariantName, Variant>;
  } catch (err) {
    if (!(err instanceof UndecodableImageError)) throw err;
    await fail(deps, image, 'undecodable', input.attempt);
    return 'failed';
  }
  const exif = await deps.processor.readExif(source);
  const now = deps.clock.now();
  const activated = await deps.uow.run(async (tx) => {
    if (!(await tx.images.markProcessed(image.id, variants, exif, now))) return false;
    await tx.outbox.add(imageProcessed({ id: deps.ids.next(), at: now, actorId: null, requestId: null }, image, variants, Math.round(performance.now() - started)));
    return true;
  });
  if (!activated) {
    // Deleted (or otherwise moved on) while we worked: leave no orphan variants behind.
    await deps.storage.deletePrefix(imageKeys.variantPrefix(image.id));
    return 'skipped';
  }
  return 'active';
}

async function fail(deps: Deps, image: { id: string; ownerId: string }, reason: string, attempts: number): Promise<void> {
  const now = deps.clock.now();
  await deps.uow.run(async (tx) => {
    if (!(await tx.images.markFailed(image.id, reason, now))) return;
    await tx.outbox.add(imageProcessingFailed({ id: deps.ids.next(), at: now, actorId: null, requestId: null }, image, reason, attempts));
  });
  await deps.storage.deletePrefix(imageKeys.variantPrefix(image.id));
  deps.logger.warn({ image_id: image.id, reason }, 'image processing failed');
}
