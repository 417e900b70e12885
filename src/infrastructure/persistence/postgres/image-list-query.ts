/** The WHERE and ORDER BY of image lists (feeds, a user's images), shared by the count and the page query. */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ImageListQuery } from '../../../domain/gallery/image-repository.js';
import type { DB } from './schema.js';

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
  if (query.text) {
    const pattern = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(eb.or([eb('images.title', 'ilike', pattern), eb('images.description', 'ilike', pattern)]));
  }
  return eb.and(conditions);
}

/** Keyset condition "after [value, id]" in the list's order; ids break ties so both modes are deterministic. */
export function afterKey(query: ImageListQuery, key: readonly (string | number)[]): Expression<SqlBool> {
  const [value, id] = key;
  const op = sql.raw(query.order === 'desc' ? '<' : '>');
  const column = sql.ref(`images.${query.sort}`);
  const typed = query.sort === 'created_at' ? sql`${String(value)}::timestamptz` : sql`${Number(value)}::int`;
  return sql<SqlBool>`(${column}, images.id) ${op} (${typed}, ${String(id)}::uuid)`;
}
