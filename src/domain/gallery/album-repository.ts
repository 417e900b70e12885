import type { UserStatus } from '../identity/user.js';
import type { PageRequest } from '../shared/page.js';
import type { Album } from './album.js';
import type { Image } from './image.js';
import type { Viewer } from './visibility.js';

/** The thumbnail an album shows (contract §8 `cover`), with what deciding on a signed URL needs. */
export interface AlbumCover {
  readonly image: Pick<Image, 'id' | 'ownerId' | 'status' | 'visibility'>;
  readonly width: number;
  readonly height: number;
}

/** An album with its owner and what the asking viewer may see of its contents. */
export interface AlbumListing {
  readonly album: Album;
  readonly owner: { readonly id: string; readonly username: string; readonly displayName: string; readonly status: UserStatus };
  /** Images of the album the viewer may see (contract §8: counted for the caller). */
  readonly imageCount: number;
  /** The chosen cover if the viewer may see it, else the first visible image in album order; only images with a thumbnail. */
  readonly cover: AlbumCover | null;
}

export interface AlbumChanges {
  readonly title?: string;
  readonly description?: string;
  readonly visibility?: Album['visibility'];
  /** `null` clears the cover. */
  readonly coverImageId?: string | null;
}

export type AlbumSort = 'created_at' | 'updated_at';

/** Which albums a list may contain; built by the use case from the read rules (contract §8). */
export interface AlbumListQuery {
  /** `public`: public albums of active owners. `owner`: one owner's albums; `all` (every visibility) for self/staff. */
  readonly scope: { readonly kind: 'public' } | { readonly kind: 'owner'; readonly ownerId: string; readonly all: boolean };
  readonly sort: AlbumSort;
  readonly order: 'asc' | 'desc';
}

/**
 * Albums and their membership. Transactional when obtained from `uow.run`. Counts and covers follow the
 * visibility rules for the given viewer: owner and staff see every non-deleted image, others only `active`
 * `public`/`unlisted` images (an album never widens an image's visibility).
 */
export interface AlbumRepository {
  /** Inserts the album without images. */
  create(album: Album): Promise<void>;
  /** `null` when missing; the count and cover are the viewer's. */
  findById(id: string, viewer: Viewer): Promise<AlbumListing | null>;
  /** Page mode returns `total`; cursor mode fetches `perPage + 1` rows after `[sortValue, id]` and `total` is null. */
  list(query: AlbumListQuery, viewer: Viewer, page: PageRequest): Promise<{ rows: AlbumListing[]; total: number | null }>;
  /** Applies the given changes and moves `updated_at`; a missing album throws `NotFoundError`. */
  update(id: string, changes: AlbumChanges, at: Date): Promise<void>;
  /** Hard delete with its memberships (images untouched); false when it was missing. */
  delete(id: string): Promise<boolean>;
  /** Locks the album row until the transaction ends, so membership checks and changes do not race; false when missing. */
  lock(id: string): Promise<boolean>;
  /** Every member image id in album order (position, then time added, then id); at most `ALBUM_MAX_IMAGES`. */
  imageIds(albumId: string): Promise<string[]>;
  /** Appends the images after the current last position, in the given order; ids must not be members yet. */
  addImages(albumId: string, imageIds: readonly string[], at: Date): Promise<void>;
  /** Removes one membership and clears the cover if it was that image; false when the image was not in the album. */
  removeImage(albumId: string, imageId: string): Promise<boolean>;
  /** Rewrites positions to the given order; the ids must be exactly the current members. */
  reorder(albumId: string, imageIds: readonly string[]): Promise<void>;
  /** Ids of the owner's albums, up to `limit` (the account purge deletes them in batches). */
  listIdsOfOwner(ownerId: string, limit: number): Promise<string[]>;
}
