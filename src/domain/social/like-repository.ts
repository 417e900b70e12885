import type { ContentRating } from '../gallery/image.js';
import type { Viewer } from '../gallery/visibility.js';
import type { PageRequest } from '../shared/page.js';
import type { LikeChange, LikedImage, Liker } from './like.js';

/** Which of a user's likes `/users/{id}/likes` shows: only images `viewer` may read (contract §7.2). */
export interface LikedImagesQuery {
  readonly userId: string;
  readonly viewer: Viewer;
  readonly contentRating?: ContentRating;
}

/**
 * Likes and the `like_count` they make up. Every change updates the counter in the same statement, so the
 * count stays exact under concurrent likes. Transactional when obtained from `uow.run`.
 */
export interface LikeRepository {
  /** Idempotent: a second like of the same image by the same user changes nothing (`changed: false`). */
  add(imageId: string, userId: string, at: Date): Promise<LikeChange>;
  /** Idempotent: removing a like that does not exist changes nothing (`changed: false`). */
  remove(imageId: string, userId: string): Promise<LikeChange>;
  /**
   * One page of an image's likers, newest first (user id breaks ties), skipping deleted accounts. Cursor mode
   * fetches `perPage + 1` rows after `[createdAt ISO, userId]`; `total` is null there.
   */
  listLikers(imageId: string, page: PageRequest): Promise<{ rows: Liker[]; total: number | null }>;
  /**
   * One page of a user's likes, newest first (image id breaks ties), of images the viewer may read. Cursor
   * mode fetches `perPage + 1` rows after `[likedAt ISO, imageId]`; `total` is null there.
   */
  listLikedImages(query: LikedImagesQuery, page: PageRequest): Promise<{ rows: LikedImage[]; total: number | null }>;
  /** The subset of `imageIds` that `userId` has liked, in one query. */
  likedAmong(userId: string, imageIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** Removes up to `limit` likes of the user, lowering the counters they made up; returns how many went. */
  removeAllBy(userId: string, limit: number): Promise<number>;
}
