import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { imageUnliked } from '../../domain/social/social-events.js';
import { getImage } from '../gallery/get-image.js';

/**
 * DELETE /images/{id}/like (contract §10.1). Idempotent; allowed on any image the caller can read, active or
 * not, so a like never gets stuck. Emits `image.unliked` only when a like was removed.
 */
export async function unlikeImage(deps: Pick<Ports, 'uow' | 'clock' | 'ids'>, actor: UserActor, imageId: string, ctx: RequestContext): Promise<{ liked: false; likeCount: number }> {
  return deps.uow.run(async (tx) => {
    const { image } = await getImage(tx, actor, imageId);
    const { changed, likeCount } = await tx.likes.remove(image.id, actor.userId);
    if (changed) {
      await tx.outbox.add(imageUnliked({ id: deps.ids.next(), at: deps.clock.now(), actorId: actor.userId, requestId: ctx.requestId }, image.id, actor.userId, likeCount));
    }
    return { liked: false, likeCount };
  });
}
