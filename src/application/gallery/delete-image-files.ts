import type { Ports } from '../ports.js';
import { imageKeys } from '../../domain/gallery/image.js';

/** The `image.delete_files` job: removes an image's upload and variants. Idempotent (missing files are fine). */
export async function deleteImageFiles(deps: Pick<Ports, 'storage'>, input: { imageId: string }): Promise<void> {
  await deps.storage.delete(`tmp/${input.imageId}`);
  await deps.storage.delete(imageKeys.original(input.imageId));
  await deps.storage.deletePrefix(imageKeys.variantPrefix(input.imageId));
}
