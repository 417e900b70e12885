import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { LikeChange } from '../../../domain/social/like.js';
import type { LikeRepository } from '../../../domain/social/like-repository.js';
import { afterTimeAndId, limitToPage } from './keyset-page.js';
import { guardDb } from './pg-errors.js';
import { selectImages, toImageWithOwner, type ImageRow } from './image-rows.js';
import { readableImageFilter } from './readable-image-filter.js';
import type { DB } from './schema.js';

export function postgresLikeRepository(db: Kysely<DB>): LikeRepository {
  // The row change and the counter move in one statement: concurrent likes can neither lose nor double an
  // increment, since ON CONFLICT waits for a competing insert and the UPDATE re-reads the locked row.
  const change = async (changeCte: RawBuilder<unknown>, imageId: string, step: 1 | -1): Promise<LikeChange> => {
    const { rows } = await sql<{ changed: number; like_count: number }>`
      WITH changed AS (${changeCte}),
      counted AS (
        UPDATE images SET like_count = like_count + ${step}::int FROM changed WHERE images.id = changed.image_id RETURNING images.like_count
      )
      SELECT (SELECT count(*)::int FROM changed) AS changed,
             COALESCE((SELECT like_count FROM counted), (SELECT like_count FROM images WHERE id = ${imageId}::uuid), 0) AS like_count`.execute(db);
    const row = rows[0];
    return { changed: (row?.changed ?? 0) > 0, likeCount: row?.like_count ?? 0 };
  };
  return {
    add: (imageId, userId, at) =>
      guardDb('like image', () =>
        change(
          sql`INSERT INTO likes (image_id, user_id, created_at) VALUES (${imageId}::uuid, ${userId}::uuid, ${at.toISOString()}::timestamptz)
              ON CONFLICT DO NOTHING RETURNING image_id`,
          imageId,
          1,
        ),
      ),
    remove: (imageId, userId) =>
      guardDb('unlike image', () => change(sql`DELETE FROM likes WHERE image_id = ${imageId}::uuid AND user_id = ${userId}::uuid RETURNING image_id`, imageId, -1)),
    listLikers: (imageId, page) =>
      guardDb('list likers', async () => {
        const base = db.selectFrom('likes').innerJoin('users', 'users.id', 'likes.user_id').where('likes.image_id', '=', imageId).where('users.status', '<>', 'deleted');
        let rows = base.select(['users.id', 'users.username', 'users.display_name', 'likes.created_at']).orderBy('likes.created_at', 'desc').orderBy('likes.user_id', 'desc');
        if (page.mode === 'cursor' && page.after) rows = rows.where(afterTimeAndId('likes.created_at', 'likes.user_id', 'desc', page.after));
        const [found, total] = await Promise.all([
          limitToPage(rows, page).execute(),
          page.mode === 'page' ? base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n) : Promise.resolve(null),
        ]);
        return { rows: found.map((r) => ({ user: { id: r.id, username: r.username, displayName: r.display_name }, createdAt: r.created_at })), total };
      }),
    listLikedImages: (query, page) =>
      guardDb('list liked images', async () => {
        const rating = query.contentRating ? sql` AND images.content_rating = ${query.contentRating}` : sql``;
        const filter = sql<SqlBool>`likes.user_id = ${query.userId}::uuid AND ${readableImageFilter(query.viewer)}${rating}`;
        let rows = selectImages(db)
          .innerJoin('likes', 'likes.image_id', 'images.id')
          .select('likes.created_at as liked_at')
          .where(filter)
          .orderBy('likes.created_at', 'desc')
          .orderBy('likes.image_id', 'desc');
        if (page.mode === 'cursor' && page.after) rows = rows.where(afterTimeAndId('likes.created_at', 'likes.image_id', 'desc', page.after));
        const counted = db.selectFrom('likes').innerJoin('images', 'images.id', 'likes.image_id').innerJoin('users', 'users.id', 'images.owner_id').where(filter);
        const [found, total] = await Promise.all([
          limitToPage(rows, page).execute(),
          page.mode === 'page' ? counted.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n) : Promise.resolve(null),
        ]);
        return { rows: found.map((r) => ({ ...toImageWithOwner(r as ImageRow), likedAt: r.liked_at })), total };
      }),
    likedAmong: (userId, imageIds) =>
      guardDb('find likes', async () => {
        if (imageIds.length === 0) return new Set<string>();
        const rows = await db.selectFrom('likes').select('image_id').where('user_id', '=', userId).where('image_id', 'in', [...imageIds]).execute();
        return new Set(rows.map((r) => r.image_id));
      }),
    removeAllBy: (userId, limit) =>
      guardDb('remove likes of user', async () => {
        const { rows } = await sql<{ n: number }>`
          WITH removed AS (
            DELETE FROM likes WHERE user_id = ${userId}::uuid
              AND image_id IN (SELECT image_id FROM likes WHERE user_id = ${userId}::uuid LIMIT ${limit}::int)
            RETURNING image_id
          ),
          counted AS (UPDATE images SET like_count = like_count - 1 FROM removed WHERE images.id = removed.image_id RETURNING 1)
          SELECT count(*)::int AS n FROM removed`.execute(db);
        return rows[0]?.n ?? 0;
      }),
  };
}
