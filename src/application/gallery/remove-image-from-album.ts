import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { albumImageRemoved } from '../../domain/gallery/album-events.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { findAlbumToChange } from './find-album-to-change.js';

/** DELETE /albums/{id}/images/{image_id} (contract §8): owner only; 404 when the image is not in the album. */
export async function removeImageFromAlbum(deps: Pick<Ports, 'uow' | 'albums' | 'clock' | 'ids'>, actor: UserActor, albumId: string, imageId: string, ctx: RequestContext): Promise<void> {
  const { album } = await findAlbumToChange(deps, actor, albumId, { adminMay: false });
  const now = deps.clock.now();
  await deps.uow.run(async (tx) => {
    if (!(await tx.albums.removeImage(album.id, imageId))) throw new NotFoundError('album.image_not_member', 'image');
    await tx.outbox.add(albumImageRemoved({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, album, imageId));
  });
}
