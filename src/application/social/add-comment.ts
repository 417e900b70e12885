import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { commentContent, type CommentWithAuthor } from '../../domain/social/comment.js';
import { requireEngageable } from '../../domain/social/require-engageable.js';
import { commentAdded } from '../../domain/social/social-events.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { getImage } from '../gallery/get-image.js';

/** POST /images/{id}/comments (contract §10.2): on a readable, active image; the text is stored verbatim. */
export async function addComment(deps: Pick<Ports, 'uow' | 'clock' | 'ids'>, actor: UserActor, imageId: string, input: { content: unknown }, ctx: RequestContext): Promise<CommentWithAuthor> {
  return deps.uow.run(async (tx) => {
    const { image } = await getImage(tx, actor, imageId);
    requireEngageable(image, 'comment');
    const content = commentContent(input.content);
    const author = await tx.users.findById(actor.userId);
    if (!author) throw new NotFoundError('user.not_found', 'user');
    const now = deps.clock.now();
    const comment = { id: deps.ids.next(), imageId: image.id, authorId: author.id, content, createdAt: now };
    await tx.comments.add(comment);
    await tx.outbox.add(commentAdded({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, comment));
    return { comment, author: { id: author.id, username: author.username, displayName: author.displayName } };
  });
}
