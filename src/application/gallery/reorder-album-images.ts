import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { albumImagesReordered } from '../../domain/gallery/album-events.js';
import { checkReorder } from '../../domain/gallery/album.js';
import { ConflictError, ValidationError } from '../../domain/shared/errors.js';
import { findAlbumToChange } from './find-album-to-change.js';

/**
 * PUT /albums/{id}/images/order (contract §8): owner only; the body lists every member exactly once. Duplicates
 * are 400; a different set (the album changed meanwhile, or a wrong id) is 409. Checked under the album's lock.
 */
export async function reorderAlbumImages(deps: Pick<Ports, 'uow' | 'albums' | 'clock' | 'ids'>, actor: UserActor, albumId: string, rawIds: readonly string[], ctx: RequestContext): Promise<void> {
  const { album } = await findAlbumToChange(deps, actor, albumId, { adminMay: false });
  const ids = rawIds.map((id) => id.toLowerCase());
  const { duplicates } = checkReorder([], ids);
  if (duplicates.length > 0) throw new ValidationError('album.duplicate_ids', duplicates.map((i) => ({ field: `image_ids.${i}`, message: 'is listed twice' })));
  const now = deps.clock.now();
  await deps.uow.run(async (tx) => {
    await tx.albums.lock(album.id);
    if (!checkReorder(await tx.albums.imageIds(album.id), ids).sameSet) {
      throw new ConflictError('album.order_mismatch', 'the order must list every image of the album exactly once');
    }
    await tx.albums.reorder(album.id, ids);
    await tx.outbox.add(albumImagesReordered({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, album));
  });
}
