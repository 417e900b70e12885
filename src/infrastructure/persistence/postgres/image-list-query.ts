/** The WHERE, ORDER BY and keyset seek of image lists (feeds, search, a user's images), shared by count and page. */
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { ImageListQuery } from '../../../domain/gallery/image-repository.js';
import { checkCursorKey, type KeyType } from './keyset-page.js';
import type { DB } from './schema.js';
import { searchQuery } from './search-vector.js';

type Eb = ExpressionBuilder<DB & { users: DB['users'] }, 'images' | 'users'>;

export function imageListFilter(eb: Eb, query: ImageListQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('images.status', '<>', 'deleted')];
  const publicOnly = query.scope.kind === 'public' || !query.scope.all;
  if (query.scope.kind === 'owner') conditions.push(eb('images.owner_id', '=', query.scope.ownerId));
  if (publicOnly) {
    conditions.push(eb('images.status', '=', 'active'), eb('images.visibility', '=', 'public'), eb('users.status', '=', 'active'));
  }
  if (query.visibility) conditions.push(eb('images.visibility', '=', query.visibility));
  if (query.contentRating) conditions.push(eb('images.content_rating', '=', query.contentRating));
  if (query.createdSince) conditions.push(eb('images.created_at', '>=', query.createdSince));
  if (query.tags && query.tags.length > 0) {
    const slugs = [...query.tags];
    conditions.push(
      eb(
        'images.id',
        'in',
        eb
          .selectFrom('image_tags')
          .innerJoin('tags', 'tags.id', 'image_tags.tag_id')
          .select('image_tags.image_id')
          .where('tags.slug', 'in', slugs)
          .groupBy('image_tags.image_id')
          .having(sql`count(*)`, '=', slugs.length),
      ),
    );
  }
  if (query.text !== undefined) conditions.push(sql<SqlBool>`images.search_vector @@ ${searchQuery(query.text)}`);
  return eb.and(conditions);
}

/** The sort key columns of the list's order, most significant first; `id` always last. */
function keyColumns(query: ImageListQuery): RawBuilder<unknown>[] {
  switch (query.sort) {
    case 'popular':
      return [sql`images.like_count`, sql`images.view_count`, sql`images.created_at`, sql`images.id`];
    case 'relevance':
      return [rankOf(query), sql`images.created_at`, sql`images.id`];
    default:
      return [sql.ref(`images.${query.sort}`), sql`images.id`];
  }
}

/** `popular` and `relevance` read best first whatever `order` says; the others follow it. */
export function directionOf(query: ImageListQuery): 'asc' | 'desc' {
  return query.sort === 'popular' || query.sort === 'relevance' ? 'desc' : query.order;
}

export function rankOf(query: ImageListQuery): RawBuilder<number> {
  return sql<number>`ts_rank(images.search_vector, ${searchQuery(query.text ?? '')})`;
}

export function orderBy(query: ImageListQuery): RawBuilder<unknown> {
  const direction = sql.raw(directionOf(query));
  return sql.join(keyColumns(query).map((column) => sql`${column} ${direction}`));
}

/** Keyset condition "after `key`" in the list's order (one row comparison: every column runs the same way). */
export function afterKey(query: ImageListQuery, key: readonly (string | number)[]): Expression<SqlBool> {
  const op = sql.raw(directionOf(query) === 'desc' ? '<' : '>');
  const types = keyTypes(query);
  checkCursorKey(key, types);
  const values = key.map((value, i) => sql`${value}::${sql.raw(types[i]!)}`);
  return sql<SqlBool>`(${sql.join(keyColumns(query))}) ${op} (${sql.join(values)})`;
}

function keyTypes(query: ImageListQuery): KeyType[] {
  switch (query.sort) {
    case 'popular':
      return ['int', 'int', 'timestamptz', 'uuid'];
    case 'relevance':
      return ['real', 'timestamptz', 'uuid'];
    case 'created_at':
      return ['timestamptz', 'uuid'];
    default:
      return ['int', 'uuid'];
  }
}
