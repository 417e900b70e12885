import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { albumImagesAdded } from '../../domain/gallery/album-events.js';
import { ValidationError, type FieldError } from '../../domain/shared/errors.js';
import { appendAlbumImages } from './append-album-images.js';
import { findAlbumToChange } from './find-album-to-change.js';

/**
 * POST /albums/{id}/images (contract §8): owner only. Every id must be a distinct, non-deleted image of the
 * caller's (else 400 naming `image_ids.<i>`); members already present are skipped, new ones appended in request
 * order; past ALBUM_MAX_IMAGES → 409. `image_count` is the owner's count, i.e. every member.
 */
export async function addImagesToAlbum(
  deps: Pick<Ports, 'uow' | 'albums' | 'images' | 'clock' | 'ids' | 'gallery'>,
  actor: UserActor,
  albumId: string,
  rawIds: readonly string[],
  ctx: RequestContext,
): Promise<{ addedCount: number; imageCount: number }> {
  const { album } = await findAlbumToChange(deps, actor, albumId, { adminMay: false });
  const ids = rawIds.map((id) => id.toLowerCase());
  const errors: FieldError[] = [];
  for (const [i, id] of ids.entries()) {
    if (ids.indexOf(id) !== i) {
      errors.push({ field: `image_ids.${i}`, message: 'is listed twice' });
      continue;
    }
    const found = await deps.images.findById(id);
    if (!found || found.image.ownerId !== actor.userId) errors.push({ field: `image_ids.${i}`, message: 'no image of yours has this id' });
  }
  if (errors.length > 0) throw new ValidationError('album.bad_image_ids', errors);
  const now = deps.clock.now();
  return deps.uow.run(async (tx) => {
    const { added, total } = await appendAlbumImages(tx, album.id, ids, deps.gallery.albumMaxImages, now);
    if (added.length > 0) await tx.outbox.add(albumImagesAdded({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, album, added));
    return { addedCount: added.length, imageCount: total };
  });
}
