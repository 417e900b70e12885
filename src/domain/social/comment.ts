/** Comments (contract §10.2): plain text, never edited, soft-deleted. */
import { isStaff, type Role } from '../identity/role.js';
import { ValidationError } from '../shared/errors.js';
import { nonStringProblem, normalizeText, textProblem, type TextRule } from '../shared/text.js';
import type { UserSummary } from './like.js';

export const COMMENT_MAX_LENGTH = 1000;
const CONTENT_RULE: TextRule = { multiline: true, min: 1, max: COMMENT_MAX_LENGTH };

export interface Comment {
  readonly id: string;
  readonly imageId: string;
  readonly authorId: string;
  readonly content: string;
  readonly createdAt: Date;
}

export interface CommentWithAuthor {
  readonly comment: Comment;
  readonly author: UserSummary;
}

export type CommentSort = 'oldest' | 'newest';

/**
 * The stored form of `content`: NFC, `\r\n` → `\n`, trimmed, 1–1000 code points, no control characters but
 * `\n` and `\t`. Markup is kept verbatim: clients escape it (contract §1 "Plain text").
 */
export function commentContent(raw: unknown): string {
  if (typeof raw !== 'string') throw new ValidationError('comment.bad_content', [{ field: 'content', message: nonStringProblem(raw) }]);
  const content = normalizeText(raw, CONTENT_RULE);
  const problem = textProblem(content, CONTENT_RULE);
  if (problem) throw new ValidationError('comment.bad_content', [{ field: 'content', message: problem }]);
  return content;
}

/**
 * In which capacity `actor` may delete the comment, or `null` (→ 403 for a reader of the image). Staff is
 * checked before ownership of the image so that any staff deletion of another's comment is audited.
 */
export function commentDeleter(actor: { userId: string; role: Role }, comment: Pick<Comment, 'authorId'>, imageOwnerId: string): 'author' | 'staff' | 'image_owner' | null {
  if (comment.authorId === actor.userId) return 'author';
  if (isStaff(actor.role)) return 'staff';
  if (imageOwnerId === actor.userId) return 'image_owner';
  return null;
}
