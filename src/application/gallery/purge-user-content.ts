import type { Ports } from '../ports.js';
import { imageDeleted } from '../../domain/gallery/image-events.js';
import { purgeUserAlbums } from './purge-user-albums.js';
import { purgeUserSocial } from '../social/purge-user-social.js';

const BATCH = 200;

/**
 * The `user.purge` job after an account deletion (contract §6): every image of the user becomes `deleted`
 * with `image.deleted` (reason `account_deleted`), whose own job then removes the files. Idempotent and
 * resumable: each batch commits, and a rerun continues with what is left.
 */
export async function purgeUserContent(deps: Pick<Ports, 'uow' | 'images' | 'albums' | 'clock' | 'ids'>, input: { userId: string }): Promise<number> {
  let removed = 0;
  // Likes and comments first: they also sit on other people's images, whose counters must drop with them.
  await purgeUserSocial(deps, input.userId);
  // Albums before images: deleting an album leaves its images alone, deleting images would empty it row by row.
  await purgeUserAlbums(deps, input.userId);
  for (;;) {
    const ids = await deps.images.listIdsOfOwner(input.userId, BATCH);
    if (ids.length === 0) return removed;
    const now = deps.clock.now();
    await deps.uow.run(async (tx) => {
      for (const id of ids) {
        if (!(await tx.images.markDeleted(id, now))) continue;
        await tx.outbox.add(imageDeleted({ id: deps.ids.next(), at: now, actorId: null, requestId: null }, { id, ownerId: input.userId }, null, 'account_deleted'));
        removed++;
      }
    });
  }
}
