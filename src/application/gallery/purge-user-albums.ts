import type { Ports } from '../ports.js';
import { albumDeleted } from '../../domain/gallery/album-events.js';

const BATCH = 200;

/** Part of the `user.purge` job: every album of the user is deleted with `album.deleted`; resumable per batch. */
export async function purgeUserAlbums(deps: Pick<Ports, 'uow' | 'albums' | 'clock' | 'ids'>, userId: string): Promise<void> {
  for (;;) {
    const ids = await deps.albums.listIdsOfOwner(userId, BATCH);
    if (ids.length === 0) return;
    const now = deps.clock.now();
    await deps.uow.run(async (tx) => {
      for (const id of ids) {
        if (await tx.albums.delete(id)) await tx.outbox.add(albumDeleted({ id: deps.ids.next(), at: now, actorId: null, requestId: null }, { id, ownerId: userId }, null));
      }
    });
  }
}
