/** Contract §10 shapes: like results, likers, comments, and the query parameters of their lists. */
import { Type } from '@sinclair/typebox';
import type { ContentRating } from '../../../domain/gallery/image.js';
import type { CommentSort } from '../../../domain/social/comment.js';
import { paginationQuery } from './pagination.js';
import { UserSummary } from './users.js';

const Timestamp = Type.String({ format: 'date-time' });

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const LikeResult = Type.Object({ liked: Type.Boolean(), like_count: Type.Integer() });

/** Either mode's envelope (contract §4): page mode fills the first four, cursor mode `per_page` and `next_cursor`. */
export const PageInfo = Type.Object({
  page: Type.Optional(Type.Integer()),
  per_page: Type.Integer(),
  total: Type.Optional(Type.Integer()),
  total_pages: Type.Optional(Type.Integer()),
  next_cursor: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const LikerView = Type.Object({ user: Type.Ref(UserSummary), created_at: Timestamp });

export const CommentView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  image_id: Type.String({ format: 'uuid' }),
  author: Type.Ref(UserSummary),
  content: Type.String(),
  created_at: Timestamp,
});

export const LikersPage = Type.Object({ items: Type.Array(LikerView), pagination: PageInfo });
export const CommentsPage = Type.Object({ items: Type.Array(CommentView), pagination: PageInfo });

// The content rules (length in code points after normalisation) live in the domain, which names the limit.
export const CommentBody = Type.Object({ content: Type.String() }, { additionalProperties: false });

export const LikersQuery = Type.Object(paginationQuery);
// Plain enums rather than unions of literals: a bad value then yields one error, not one per literal.
export const CommentsQuery = Type.Object({ ...paginationQuery, sort: Type.Optional(Type.Unsafe<CommentSort>({ type: 'string', enum: ['oldest', 'newest'] })) });
export const UserLikesQuery = Type.Object({
  ...paginationQuery,
  content_rating: Type.Optional(Type.Unsafe<ContentRating | 'all'>({ type: 'string', enum: ['safe', 'nsfw', 'all'] })),
});
