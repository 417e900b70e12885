import type { UserStatus } from '../identity/user.js';
import type { Exif } from './exif.js';
import type { Image } from './image.js';
import type { NormalizedTag } from './tag.js';
import type { Variant, VariantName } from './variant.js';

export type NewImage = Omit<Image, 'tags' | 'variants' | 'exif' | 'viewCount' | 'likeCount' | 'commentCount' | 'updatedAt'>;

/** An image with what every read needs about its owner: the summary shown and the status visibility checks. */
export interface ImageWithOwner {
  readonly image: Image;
  readonly owner: { readonly id: string; readonly username: string; readonly displayName: string; readonly status: UserStatus };
}

/** Images and their tags. Transactional when obtained from `uow.run`. */
export interface ImageRepository {
  /** Inserts the image with its tags (creating unknown tags; the first name used for a slug is kept). */
  create(image: NewImage, tags: readonly NormalizedTag[]): Promise<Image>;
  /** Any status except `deleted`; `null` when missing or deleted. */
  findById(id: string): Promise<ImageWithOwner | null>;
  /** Sets variants, EXIF and `active` only while the image is still `processing`; false when it no longer is. */
  markProcessed(id: string, variants: Readonly<Record<VariantName, Variant>>, exif: Exif | null, at: Date): Promise<boolean>;
  /** `processing` → `failed` with a short reason; false when it was not processing. */
  markFailed(id: string, reason: string, at: Date): Promise<boolean>;
  /** Any status → `deleted`; false when it was already deleted or missing. */
  markDeleted(id: string, at: Date): Promise<boolean>;
}
