import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { Liker } from '../../domain/social/like.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';
import { getImage } from '../gallery/get-image.js';
import type { PageParams } from './page-params.js';

/** GET /images/{id}/likes (contract §10.1): who liked a readable image, newest first. */
export async function listImageLikes(deps: Pick<Ports, 'images' | 'likes'>, actor: Actor, imageId: string, params: PageParams): Promise<Page<Liker>> {
  const { image } = await getImage(deps, actor, imageId);
  const fingerprint = JSON.stringify(['image-likes', image.id]);
  const page = pageRequest(params, fingerprint);
  const { rows, total } = await deps.likes.listLikers(image.id, page);
  return toPage(page, rows, total, (row) => [row.createdAt.toISOString(), row.user.id], fingerprint);
}
