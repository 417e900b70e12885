import type { UserStatus } from '../identity/user.js';
import type { PageRequest } from '../shared/page.js';
import type { Exif } from './exif.js';
import type { Image } from './image.js';
import type { Viewer } from './visibility.js';
import type { NormalizedTag } from './tag.js';
import type { Variant, VariantName } from './variant.js';

export type NewImage = Omit<Image, 'tags' | 'variants' | 'exif' | 'viewCount' | 'likeCount' | 'commentCount' | 'updatedAt'>;

/** An image with what every read needs about its owner: the summary shown and the status visibility checks. */
export interface ImageWithOwner {
  readonly image: Image;
  readonly owner: { readonly id: string; readonly username: string; readonly displayName: string; readonly status: UserStatus };
  /** Albums holding the image, sorted; only the owner's view shows them (contract §7.1 `album_ids`). */
  readonly albumIds?: readonly string[];
  /** Whether the signed-in caller liked it; set by the use cases returning images (`markLikedByMe`), absent for anonymous callers. */
  readonly likedByMe?: boolean;
}

export interface ImageChanges {
  readonly title?: string;
  readonly description?: string;
  readonly visibility?: Image['visibility'];
  readonly contentRating?: Image['contentRating'];
  readonly tags?: readonly NormalizedTag[];
}

export type ImageSort = 'created_at' | 'like_count' | 'view_count';
/**
 * A list's order; every one ends with `id`. `popular`: likes, views, then recency (contract §11).
 * `relevance`: full-text rank, then recency; needs `text`.
 */
export type ImageOrder = ImageSort | 'popular' | 'relevance';

/** Which images a list may contain; built by the use case from the visibility rules (contract §7.2, §6). */
export interface ImageListQuery {
  /** `public`: active public images of active owners. `owner`: one owner's images, `all` for self/staff. */
  readonly scope: { readonly kind: 'public' } | { readonly kind: 'owner'; readonly ownerId: string; readonly all: boolean };
  readonly visibility?: Image['visibility'];
  readonly contentRating?: Image['contentRating'];
  /** Tag slugs that must all be present. */
  readonly tags?: readonly string[];
  /** Full-text query in web-search syntax over title, tags and description (contract §11). */
  readonly text?: string;
  /** Only images created at or after this instant (`/explore/popular?period=`). */
  readonly createdSince?: Date;
  readonly sort: ImageOrder;
  readonly order: 'asc' | 'desc';
}

/** A listed image with its position in the list's order, which a cursor resumes after. */
export type ImageListRow = ImageWithOwner & { readonly key: readonly (string | number)[] };

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
   * One page of a list: page mode returns `total`; cursor mode fetches `perPage + 1` rows after `page.after`,
   * a row's `key` (the extra row tells whether there is a next page), and `total` is null.
   */
  list(query: ImageListQuery, page: PageRequest): Promise<{ rows: ImageListRow[]; total: number | null }>;
  /**
   * One page of an album's images in album order (position, time added, id; `key` holds those three), only
   * those the viewer may read (`canRead`): an album never widens an image's visibility (contract §8).
   */
  listInAlbum(albumId: string, viewer: Viewer, page: PageRequest): Promise<{ rows: ImageListRow[]; total: number | null }>;
  /** Adds buffered view counts (image id → views); unknown or deleted images are skipped. */
  addViews(counts: ReadonlyMap<string, number>): Promise<void>;
  /** Ids of images in `status` whose last change is older than `before`, oldest first. */
  listStale(status: 'processing' | 'failed', before: Date, limit: number): Promise<{ id: string; ownerId: string }[]>;
  /** Ids of the owner's images that are not deleted, up to `limit`. */
  listIdsOfOwner(ownerId: string, limit: number): Promise<string[]>;
  /** Any status → `deleted`, removed from every album (clearing covers) in the same statement batch; false when it was already deleted or missing. */
  markDeleted(id: string, at: Date): Promise<boolean>;
  /** `active` → `flagged` (moderation removal, contract §7.4); false when it was not active. */
  markFlagged(id: string, at: Date): Promise<boolean>;
  /** `flagged` → `active` (staff restore, contract §12.2); false when it was not flagged. */
  markRestored(id: string, at: Date): Promise<boolean>;
}
