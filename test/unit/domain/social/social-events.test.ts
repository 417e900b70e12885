import { describe, expect, it } from 'vitest';
import { commentAdded, commentDeleted, imageLiked, imageUnliked } from '../../../../src/domain/social/social-events.js';

const meta = { id: 'e1', at: new Date('2025-01-01T00:00:00.000Z'), actorId: 'u1', requestId: 'r1' };
const comment = { id: 'c1', imageId: 'i1', authorId: 'u2', content: 'secret words', createdAt: meta.at };

describe('social events', () => {
  it('carry the contract §16 payloads on their aggregate', () => {
    expect(imageLiked(meta, 'i1', 'u1', 3)).toMatchObject({ type: 'image.liked', aggregateType: 'image', aggregateId: 'i1', payload: { image_id: 'i1', user_id: 'u1', like_count: 3 } });
    expect(imageUnliked(meta, 'i1', 'u1', 2).payload).toEqual({ image_id: 'i1', user_id: 'u1', like_count: 2 });
    expect(commentAdded(meta, comment)).toMatchObject({ type: 'comment.added', aggregateType: 'comment', aggregateId: 'c1', payload: { comment_id: 'c1', image_id: 'i1', author_id: 'u2' } });
    expect(commentDeleted(meta, comment, 'u3').payload).toEqual({ comment_id: 'c1', image_id: 'i1', author_id: 'u2', deleted_by: 'u3' });
  });

  it('never carry comment text', () => {
    expect(JSON.stringify([commentAdded(meta, comment), commentDeleted(meta, comment, 'u3')])).not.toContain('secret');
  });
});
