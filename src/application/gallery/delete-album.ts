import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { albumDeleted } from '../../domain/gallery/album-events.js';
import { findAlbumToChange } from './find-album-to-change.js';

/** DELETE /albums/{id} (contract §8): owner or admin; the album and its memberships go, the images stay. */
export async function deleteAlbum(deps: Pick<Ports, 'uow' | 'albums' | 'clock' | 'ids'>, actor: UserActor, id: string, ctx: RequestContext): Promise<void> {
  const { album } = await findAlbumToChange(deps, actor, id, { adminMay: true });
  const now = deps.clock.now();
  await deps.uow.run(async (tx) => {
    // A concurrent delete already wrote its event.
    if (!(await tx.albums.delete(album.id))) return;
    await tx.outbox.add(albumDeleted({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, album, actor.userId));
  });
}
