import type { Role } from '../identity/role.js';
import type { Image } from './image.js';

/** The caller as visibility sees them: nobody, or a user with a role. */
export type Viewer = { readonly userId: string; readonly role: Role } | null;

export interface ImageAccessFacts {
  readonly image: Pick<Image, 'ownerId' | 'status' | 'visibility'>;
  /** Status of the image's owner: a banned owner's images are hidden from everyone but staff. */
  readonly ownerStatus: 'pending' | 'active' | 'banned' | 'deleted';
}

const isStaffRole = (role: Role) => role === 'moderator' || role === 'admin';

/**
 * Contract §7.2, the one rule every read path uses: deleted → nobody; owner and staff → everything else;
 * others → active images of a non-banned owner that are public or unlisted.
 */
export function canRead(viewer: Viewer, facts: ImageAccessFacts): boolean {
  const { image, ownerStatus } = facts;
  if (image.status === 'deleted') return false;
  if (viewer && isStaffRole(viewer.role)) return true;
  if (ownerStatus === 'banned' || ownerStatus === 'deleted') return false;
  if (viewer && viewer.userId === image.ownerId) return true;
  return image.status === 'active' && image.visibility !== 'private';
}

/** Readable by anyone without credentials: decides cache headers, `*` CORS and unsigned variant URLs. */
export function isAnonymouslyReadable(facts: ImageAccessFacts): boolean {
  return canRead(null, facts);
}

/** Only the owner sees GPS, original filename, album ids and the original's URL (contract §7.1, §7.5). */
export function isOwner(viewer: Viewer, image: Pick<Image, 'ownerId'>): boolean {
  return viewer !== null && viewer.userId === image.ownerId;
}
