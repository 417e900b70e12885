import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ImageWithOwner } from '../../domain/gallery/image-repository.js';

/**
 * Sets `likedByMe` (contract §7.1 `liked_by_me`) on images about to be returned to a signed-in caller, with
 * one query for the whole page; anonymous callers get the rows unchanged (the field is omitted for them).
 */
export async function markLikedByMe<T extends ImageWithOwner>(deps: Pick<Ports, 'likes'>, actor: Actor, rows: readonly T[]): Promise<T[]> {
  if (actor.kind !== 'user') return [...rows];
  const liked = await deps.likes.likedAmong(actor.userId, rows.map((r) => r.image.id));
  return rows.map((r) => ({ ...r, likedByMe: liked.has(r.image.id) }));
}
