import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { CommentSort, CommentWithAuthor } from '../../domain/social/comment.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';
import { getImage } from '../gallery/get-image.js';
import type { PageParams } from './page-params.js';

/** GET /images/{id}/comments (contract §10.2): a readable image's non-deleted comments, oldest first by default. */
export async function listComments(deps: Pick<Ports, 'images' | 'comments'>, actor: Actor, imageId: string, params: PageParams & { sort?: CommentSort }): Promise<Page<CommentWithAuthor>> {
  const { image } = await getImage(deps, actor, imageId);
  const sort = params.sort ?? 'oldest';
  const fingerprint = JSON.stringify(['comments', image.id, sort]);
  const page = pageRequest(params, fingerprint);
  const { rows, total } = await deps.comments.list(image.id, sort, page);
  return toPage(page, rows, total, ({ comment }) => [comment.createdAt.toISOString(), comment.id], fingerprint);
}
