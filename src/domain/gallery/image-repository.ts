import type { UserStatus } from '../identity/user.js';
import type { PageRequest } from '../shared/page.js';
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

export interface ImageChanges {
  readonly title?: string;
  readonly description?: string;
  readonly visibility?: Image['visibility'];
  readonly contentRating?: Image['contentRating'];
  readonly tags?: readonly NormalizedTag[];
}

export type ImageSort = 'created_at' | 'like_count' | 'view_count';

/** Which images a list may contain; built by the use case from the visibility rules (contract §7.2, §6). */
export interface ImageListQuery {
  /** `public`: active public images of active owners. `owner`: one owner's images, `all` for self/staff. */
  readonly scope: { readonly kind: 'public' } | { readonly kind: 'owner'; readonly ownerId: string; readonly all: boolean };
  readonly visibility?: Image['visibility'];
  readonly contentRating?: Image['contentRating'];
  /** Tag slugs that must all be present. */
  readonly tags?: readonly string[];
  /** Substring of title or description (full-text search arrives with the explore feature). */
  readonly text?: string;
  readonly sort: ImageSort;
  readonly order: 'asc' | 'desc';
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
  /** Applies the given field changes and, when `tags` is given, replaces the whole tag set. */
  update(id: string, changes: ImageChanges, at: Date): Promise<void>;
  /**
   * One page of a list: page mode returns `total`; cursor mode fetches `perPage + 1` rows after the key
   * `[sortValue, id]` (the extra row tells whether there is a next page) and `total` is null.
   */
  list(query: ImageListQuery, page: PageRequest): Promise<{ rows: ImageWithOwner[]; total: number | null }>;
  /** Adds buffered view counts (image id → views); unknown or deleted images are skipped. */
  addViews(counts: ReadonlyMap<string, number>): Promise<void>;
  /** Ids of images in `status` whose last change is older than `before`, oldest first. */
  listStale(status: 'processing' | 'failed', before: Date, limit: number): Promise<{ id: string; ownerId: string }[]>;
  /** Ids of the owner's images that are not deleted, up to `limit`. */
  listIdsOfOwner(ownerId: string, limit: number): Promise<string[]>;
  /** Any status → `deleted`; false when it was already deleted or missing. */
  markDeleted(id: string, at: Date): Promise<boolean>;
}
