import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { canRead } from '../../domain/gallery/visibility.js';
import { commentDeleter } from '../../domain/social/comment.js';
import { commentDeleted } from '../../domain/social/social-events.js';
import { ForbiddenError, NotFoundError } from '../../domain/shared/errors.js';
import { recordAudit } from '../identity/record-audit.js';
import { viewerOf } from '../gallery/get-image.js';

/**
 * DELETE /comments/{id} (contract §10.2): the author, the image's owner or staff; a soft delete. A comment on
 * an image the caller cannot read is 404 like a missing one; a reader without any of those roles gets 403.
 */
export async function deleteComment(deps: Pick<Ports, 'uow' | 'images' | 'comments' | 'clock' | 'ids'>, actor: UserActor, commentId: string, ctx: RequestContext): Promise<void> {
  const comment = await deps.comments.findById(commentId);
  const found = comment ? await deps.images.findById(comment.imageId) : null;
  if (!comment || !found || !canRead(viewerOf(actor), { image: found.image, ownerStatus: found.owner.status })) {
    throw new NotFoundError('comment.not_found', 'comment');
  }
  const capacity = commentDeleter(actor, comment, found.image.ownerId);
  if (!capacity) throw new ForbiddenError('comment.not_allowed', 'only the author, the image owner or staff may delete this comment');
  const now = deps.clock.now();
  await deps.uow.run(async (tx) => {
    if (!(await tx.comments.markDeleted(comment.id, now))) return;
    await tx.outbox.add(commentDeleted({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, comment, actor.userId));
    if (capacity === 'staff') {
      await recordAudit(deps, tx.auditLog, ctx, { action: 'comment.deleted_by_staff', actorId: actor.userId, targetType: 'comment', targetId: comment.id, details: { image_id: comment.imageId } });
    }
  });
}
