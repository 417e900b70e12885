/** One page of an image list (contract §4): OFFSET with an exact count, or a keyset seek fetching one extra row. */
import { sql, type Kysely } from 'kysely';
import type { ImageListQuery, ImageListRow } from '../../../domain/gallery/image-repository.js';
import type { PageRequest } from '../../../domain/shared/page.js';
import { afterKey, imageListFilter, orderBy, rankOf } from './image-list-query.js';
import { selectImages, toImageWithOwner, type ImageRow } from './image-rows.js';
import type { DB } from './schema.js';

export async function listImages(db: Kysely<DB>, query: ImageListQuery, page: PageRequest): Promise<{ rows: ImageListRow[]; total: number | null }> {
  let rows = selectImages(db)
    .select(query.sort === 'relevance' ? rankOf(query).as('rank') : sql<null>`null`.as('rank'))
    .where((eb) => imageListFilter(eb, query));
  if (page.mode === 'cursor' && page.after) {
    const after = afterKey(query, page.after);
    rows = rows.where(() => after);
  }
  rows = rows.orderBy(orderBy(query));
  rows = page.mode === 'page' ? rows.limit(page.perPage).offset((page.page - 1) * page.perPage) : rows.limit(page.perPage + 1);
  const [found, total] = await Promise.all([rows.execute(), page.mode === 'page' ? count(db, query) : Promise.resolve(null)]);
  return { rows: found.map((row) => ({ ...toImageWithOwner(row as ImageRow), key: keyOf(query, row as ImageRow & { rank: number | null }) })), total };
}

async function count(db: Kysely<DB>, query: ImageListQuery): Promise<number> {
  const row = await db
    .selectFrom('images')
    .innerJoin('users', 'users.id', 'images.owner_id')
    .select(sql<number>`count(*)::int`.as('n'))
    .where((eb) => imageListFilter(eb, query))
    .executeTakeFirstOrThrow();
  return row.n;
}

function keyOf(query: ImageListQuery, row: ImageRow & { rank: number | null }): (string | number)[] {
  const created = row.created_at.toISOString();
  switch (query.sort) {
    case 'popular':
      return [row.like_count, row.view_count, created, row.id];
    case 'relevance':
      return [row.rank ?? 0, created, row.id];
    case 'created_at':
      return [created, row.id];
    default:
      return [row[query.sort], row.id];
  }
}
