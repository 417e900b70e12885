import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ContentRating } from '../../domain/gallery/image.js';
import type { LikedImage } from '../../domain/social/like.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';
import { viewerOf } from '../gallery/get-image.js';
import { findVisibleUser } from '../identity/resolve-user-target.js';
import { markLikedByMe } from './mark-liked-by-me.js';
import type { PageParams } from './page-params.js';

/**
 * GET /users/{id}/likes (contract §6): the images a visible user liked, newest like first, narrowed to those
 * the caller can read (§7.2), so a like never reveals a private image.
 */
export async function listUserLikes(
  deps: Pick<Ports, 'users' | 'likes'>,
  actor: Actor,
  userId: string,
  params: PageParams & { contentRating?: ContentRating | 'all' },
): Promise<Page<LikedImage>> {
  const user = await findVisibleUser(deps, actor, userId);
  const contentRating = params.contentRating ?? 'all';
  const fingerprint = JSON.stringify(['user-likes', user.id, contentRating]);
  const page = pageRequest(params, fingerprint);
  const { rows, total } = await deps.likes.listLikedImages({ userId: user.id, viewer: viewerOf(actor), ...(contentRating === 'all' ? {} : { contentRating }) }, page);
  const result = toPage(page, rows, total, (row) => [row.likedAt.toISOString(), row.image.id], fingerprint);
  return { ...result, items: await markLikedByMe(deps, actor, result.items) };
}
