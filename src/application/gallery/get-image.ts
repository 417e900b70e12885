import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ImageWithOwner } from '../../domain/gallery/image-repository.js';
import { canRead, type Viewer } from '../../domain/gallery/visibility.js';
import { NotFoundError } from '../../domain/shared/errors.js';

export function viewerOf(actor: Actor): Viewer {
  return actor.kind === 'user' ? { userId: actor.userId, role: actor.role } : null;
}

/** The image if the caller may read it (contract §7.2); missing and unreadable answer alike (404). */
export async function getImage(deps: Pick<Ports, 'images'>, actor: Actor, id: string): Promise<ImageWithOwner> {
  const found = await deps.images.findById(id);
  if (!found || !canRead(viewerOf(actor), { image: found.image, ownerStatus: found.owner.status })) {
    throw new NotFoundError('image.not_found', 'image');
  }
  return found;
}
