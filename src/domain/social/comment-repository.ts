import type { PageRequest } from '../shared/page.js';
import type { Comment, CommentSort, CommentWithAuthor } from './comment.js';

/**
 * Comments and the `comment_count` of their image, which counts non-deleted ones and changes in the same
 * statement as the comment. Transactional when obtained from `uow.run`.
 */
export interface CommentRepository {
  /** Inserts the comment and raises its image's count. */
  add(comment: Comment): Promise<void>;
  /** A comment that is not deleted; `null` when missing or deleted. */
  findById(id: string): Promise<Comment | null>;
  /**
   * One page of an image's non-deleted comments by `sort` (id breaks ties), skipping deleted accounts. Cursor
   * mode fetches `perPage + 1` rows after `[createdAt ISO, id]`; `total` is null there.
   */
  list(imageId: string, sort: CommentSort, page: PageRequest): Promise<{ rows: CommentWithAuthor[]; total: number | null }>;
  /** Soft delete, lowering the count; false when it was already deleted or missing. */
  markDeleted(id: string, at: Date): Promise<boolean>;
  /** Removes up to `limit` comments of the author for good (account purge); returns how many went. */
  removeAllBy(authorId: string, limit: number): Promise<number>;
}
