/** Likes (contract §10.1): one per user and image; the image's `like_count` always equals their number. */
import type { ImageWithOwner } from '../gallery/image-repository.js';

/** How a user appears inside social objects (contract §6 `UserSummary`). */
export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
}

/** One entry of an image's likes list. */
export interface Liker {
  readonly user: UserSummary;
  readonly createdAt: Date;
}

/** An image a user liked, with when: `/users/{id}/likes` pages by that time. */
export type LikedImage = ImageWithOwner & { readonly likedAt: Date };

/** Outcome of an idempotent like or unlike: whether a row changed, and the count after it. */
export interface LikeChange {
  readonly changed: boolean;
  readonly likeCount: number;
}
