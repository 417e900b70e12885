/** Contract §16 events of likes and comments. Payloads never carry comment text. */
import type { DomainEvent } from '../shared/domain-event.js';
import type { EventMeta } from '../identity/identity-events.js';
import type { Comment } from './comment.js';

function socialEvent(meta: EventMeta, type: string, aggregate: { type: 'image' | 'comment'; id: string }, payload: Record<string, unknown>): DomainEvent {
  return {
    id: meta.id,
    type,
    version: 1,
    occurredAt: meta.at,
    aggregateType: aggregate.type,
    aggregateId: aggregate.id,
    actorId: meta.actorId,
    requestId: meta.requestId,
    payload,
  };
}

export const imageLiked = (meta: EventMeta, imageId: string, userId: string, likeCount: number) =>
  socialEvent(meta, 'image.liked', { type: 'image', id: imageId }, { image_id: imageId, user_id: userId, like_count: likeCount });

export const imageUnliked = (meta: EventMeta, imageId: string, userId: string, likeCount: number) =>
  socialEvent(meta, 'image.unliked', { type: 'image', id: imageId }, { image_id: imageId, user_id: userId, like_count: likeCount });

export const commentAdded = (meta: EventMeta, comment: Comment) =>
  socialEvent(meta, 'comment.added', { type: 'comment', id: comment.id }, { comment_id: comment.id, image_id: comment.imageId, author_id: comment.authorId });

export const commentDeleted = (meta: EventMeta, comment: Comment, deletedBy: string) =>
  socialEvent(meta, 'comment.deleted', { type: 'comment', id: comment.id }, { comment_id: comment.id, image_id: comment.imageId, author_id: comment.authorId, deleted_by: deletedBy });
