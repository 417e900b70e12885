/** Domain likes and comments → the contract's JSON (§10), snake_case, timestamps with milliseconds. */
import type { CommentWithAuthor } from '../../../domain/social/comment.js';
import type { Liker, UserSummary } from '../../../domain/social/like.js';

export function userSummaryView(user: UserSummary) {
  return { id: user.id, username: user.username, display_name: user.displayName };
}

export function likerView(liker: Liker) {
  return { user: userSummaryView(liker.user), created_at: liker.createdAt.toISOString() };
}

export function commentView({ comment, author }: CommentWithAuthor) {
  return { id: comment.id, image_id: comment.imageId, author: userSummaryView(author), content: comment.content, created_at: comment.createdAt.toISOString() };
}
