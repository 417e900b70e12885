/** Query schemas of the public feeds (contract §9, §11). */
import { Type } from '@sinclair/typebox';
import { paginationQuery } from './pagination.js';

/** Filters every public feed takes: content rating (default `safe`) and tags that must all match. */
export const feedFilters = {
  ...paginationQuery,
  content_rating: Type.Optional(Type.String({ enum: ['safe', 'nsfw', 'all'] })),
  tag: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 5 })),
};

export const RecentQuery = Type.Object(feedFilters);
export const PopularQuery = Type.Object({ ...feedFilters, period: Type.Optional(Type.String({ enum: ['day', 'week', 'month', 'all'] })) });
export const SearchQuery = Type.Object({ ...feedFilters, q: Type.String({ minLength: 1, maxLength: 200 }) });

export const TagsQuery = Type.Object(paginationQuery);
export const TagSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 50 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
});
export const TagImagesQuery = Type.Object({
  ...paginationQuery,
  content_rating: feedFilters.content_rating,
  sort: Type.Optional(Type.String({ enum: ['created_at', 'like_count', 'view_count'] })),
  order: Type.Optional(Type.String({ enum: ['asc', 'desc'] })),
});
export const TagParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });

export const TagSchema = Type.Object({ name: Type.String(), slug: Type.String(), usage_count: Type.Integer() });
