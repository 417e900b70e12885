import { sql, type Kysely } from 'kysely';
import type { CommentRepository } from '../../../domain/social/comment-repository.js';
import { afterTimeAndId, limitToPage } from './keyset-page.js';
import { guardDb } from './pg-errors.js';
import type { DB } from './schema.js';

export function postgresCommentRepository(db: Kysely<DB>): CommentRepository {
  return {
    add: (c) =>
      guardDb('insert comment', async () => {
        // Row and counter in one statement, so `comment_count` cannot drift from the rows.
        await sql`
          WITH added AS (
            INSERT INTO comments (id, image_id, author_id, content, created_at)
            VALUES (${c.id}::uuid, ${c.imageId}::uuid, ${c.authorId}::uuid, ${c.content}, ${c.createdAt.toISOString()}::timestamptz)
            RETURNING image_id
          )
          UPDATE images SET comment_count = comment_count + 1 FROM added WHERE images.id = added.image_id`.execute(db);
      }),
    findById: (id) =>
      guardDb('find comment', async () => {
        const row = await db.selectFrom('comments').select(['id', 'image_id', 'author_id', 'content', 'created_at']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
        return row ? { id: row.id, imageId: row.image_id, authorId: row.author_id, content: row.content, createdAt: row.created_at } : null;
      }),
    list: (imageId, sort, page) =>
      guardDb('list comments', async () => {
        const order = sort === 'oldest' ? 'asc' : 'desc';
        const base = db
          .selectFrom('comments')
          .innerJoin('users', 'users.id', 'comments.author_id')
          .where('comments.image_id', '=', imageId)
          .where('comments.deleted_at', 'is', null)
          // Comments of a deleted account wait for the purge job; they are not shown meanwhile.
          .where('users.status', '<>', 'deleted');
        let rows = base
          .select(['comments.id', 'comments.author_id', 'comments.content', 'comments.created_at', 'users.username', 'users.display_name'])
          .orderBy('comments.created_at', order)
          .orderBy('comments.id', order);
        if (page.mode === 'cursor' && page.after) rows = rows.where(afterTimeAndId('comments.created_at', 'comments.id', order, page.after));
        const [found, total] = await Promise.all([
          limitToPage(rows, page).execute(),
          page.mode === 'page' ? base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n) : Promise.resolve(null),
        ]);
        return {
          rows: found.map((r) => ({
            comment: { id: r.id, imageId, authorId: r.author_id, content: r.content, createdAt: r.created_at },
            author: { id: r.author_id, username: r.username, displayName: r.display_name },
          })),
          total,
        };
      }),
    markDeleted: (id, at) =>
      guardDb('delete comment', async () => {
        const { rows } = await sql<{ n: number }>`
          WITH removed AS (
            UPDATE comments SET deleted_at = ${at.toISOString()}::timestamptz WHERE id = ${id}::uuid AND deleted_at IS NULL RETURNING image_id
          ),
          counted AS (UPDATE images SET comment_count = comment_count - 1 FROM removed WHERE images.id = removed.image_id RETURNING 1)
          SELECT count(*)::int AS n FROM removed`.execute(db);
        return (rows[0]?.n ?? 0) > 0;
      }),
    removeAllBy: (authorId, limit) =>
      guardDb('remove comments of user', async () => {
        // Only comments still counted lower the counter; one author may have many on the same image.
        const { rows } = await sql<{ n: number }>`
          WITH removed AS (
            DELETE FROM comments WHERE id IN (SELECT id FROM comments WHERE author_id = ${authorId}::uuid LIMIT ${limit}::int)
            RETURNING image_id, deleted_at
          ),
          live AS (SELECT image_id, count(*)::int AS n FROM removed WHERE deleted_at IS NULL GROUP BY image_id),
          counted AS (UPDATE images SET comment_count = comment_count - live.n FROM live WHERE images.id = live.image_id RETURNING 1)
          SELECT count(*)::int AS n FROM removed`.execute(db);
        return rows[0]?.n ?? 0;
      }),
  };
}
