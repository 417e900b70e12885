import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { requireEngageable } from '../../domain/social/require-engageable.js';
import { imageLiked } from '../../domain/social/social-events.js';
import { getImage } from '../gallery/get-image.js';

/** POST /images/{id}/like (contract §10.1). Idempotent: a repeat changes nothing and emits no second event. */
export async function likeImage(deps: Pick<Ports, 'uow' | 'clock' | 'ids'>, actor: UserActor, imageId: string, ctx: RequestContext): Promise<{ liked: true; likeCount: number }> {
  return deps.uow.run(async (tx) => {
    // Missing and unreadable answer alike, so likes cannot probe for private images.
    const { image } = await getImage(tx, actor, imageId);
    requireEngageable(image, 'like');
    const now = deps.clock.now();
    const { changed, likeCount } = await tx.likes.add(image.id, actor.userId, now);
    if (changed) await tx.outbox.add(imageLiked({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, image.id, actor.userId, likeCount));
    return { liked: true, likeCount };
  });
}
