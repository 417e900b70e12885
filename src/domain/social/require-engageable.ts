import type { Image } from '../gallery/image.js';
import { ConflictError } from '../shared/errors.js';

/** Contract §7.2/§10: likes and comments are created only on `active` images, even by their owner or staff. */
export function requireEngageable(image: Pick<Image, 'status'>, action: 'like' | 'comment'): void {
  if (image.status !== 'active') {
    throw new ConflictError(`${action}.image_not_active`, `only active images can be ${action === 'like' ? 'liked' : 'commented on'}; this one is ${image.status}`);
  }
}
