import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ImageWithOwner } from '../../domain/gallery/image-repository.js';
import { markLikedByMe } from '../social/mark-liked-by-me.js';
import { getImage } from './get-image.js';

/** An image as its reader is shown it: readable per §7.2 (else 404) and, for a signed-in reader, `likedByMe`. */
export async function showImage(deps: Pick<Ports, 'images' | 'likes'>, actor: Actor, id: string): Promise<ImageWithOwner> {
  const [shown] = await markLikedByMe(deps, actor, [await getImage(deps, actor, id)]);
  return shown!;
}
