import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ImageWithOwner } from '../../domain/gallery/image-repository.js';
import { canRead, isOwner } from '../../domain/gallery/visibility.js';
import { ForbiddenError, NotFoundError } from '../../domain/shared/errors.js';
import { viewerOf } from './get-image.js';

export interface UrlSignature {
  readonly exp?: string | undefined;
  readonly sig?: string | undefined;
}

/**
 * Who may read an image's bytes (contract §7.7): an authentic unexpired signature grants exactly those bytes;
 * an authentic expired one is 403; a malformed or wrong one is ignored and the caller is judged on their token.
 * `/original` (target `upload`) is the owner's alone — staff included, everyone else gets 404.
 */
export async function authorizeImageBytes(
  deps: Pick<Ports, 'images' | 'urlSigner' | 'clock'>,
  actor: Actor,
  imageId: string,
  target: string,
  signature: UrlSignature,
): Promise<{ found: ImageWithOwner; viaSignature: boolean }> {
  const found = await deps.images.findById(imageId);
  if (!found) throw new NotFoundError('image.not_found', 'image');
  const exp = signature.exp !== undefined && /^\d{1,12}$/.test(signature.exp) ? Number(signature.exp) : null;
  if (exp !== null && signature.sig && deps.urlSigner.verify(imageId, target, exp, signature.sig)) {
    if (exp * 1000 < deps.clock.now().getTime()) throw new ForbiddenError('image.link_expired', 'this link expired');
    return { found, viaSignature: true };
  }
  const viewer = viewerOf(actor);
  const allowed = target === 'upload' ? isOwner(viewer, found.image) : canRead(viewer, { image: found.image, ownerStatus: found.owner.status });
  if (!allowed) throw new NotFoundError('image.not_found', 'image');
  return { found, viaSignature: false };
}
