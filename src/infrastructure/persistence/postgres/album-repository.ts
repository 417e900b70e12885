import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { AlbumListQuery, AlbumRepository } from '../../../domain/gallery/album-repository.js';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { afterTimeAndId, limitToPage } from './keyset-page.js';
import { selectAlbums, toAlbumListing, type AlbumRow } from './album-rows.js';
import { guardDb } from './pg-errors.js';
import type { DB } from './schema.js';

export function postgresAlbumRepository(db: Kysely<DB>): AlbumRepository {
  const guard = guardDb;
  return {
    create: (album) =>
      guard('insert album', async () => {
        await db
          .insertInto('albums')
          .values({
            id: album.id,
            owner_id: album.ownerId,
            title: album.title,
            description: album.description,
            visibility: album.visibility,
            cover_image_id: album.coverImageId,
            created_at: album.createdAt,
            updated_at: album.updatedAt,
          })
          .execute();
      }),
    findById: (id, viewer) =>
      guard('find album', async () => {
        const row = await selectAlbums(db, viewer).where('albums.id', '=', id).executeTakeFirst();
        return row ? toAlbumListing(row) : null;
      }),
    list: (query, viewer, page) =>
      guard('list albums', async () => {
        let rows = selectAlbums(db, viewer).where((eb) => albumListFilter(eb, query));
        if (page.mode === 'cursor' && page.after) rows = rows.where(afterTimeAndId(`albums.${query.sort}`, 'albums.id', query.order, page.after));
        const found = await limitToPage(rows.orderBy(`albums.${query.sort}`, query.order).orderBy('albums.id', query.order), page).execute();
        const total =
          page.mode === 'page'
            ? (
                await db
                  .selectFrom('albums')
                  .innerJoin('users', 'users.id', 'albums.owner_id')
                  .select(sql<number>`count(*)::int`.as('n'))
                  .where((eb) => albumListFilter(eb, query))
                  .executeTakeFirstOrThrow()
              ).n
            : null;
        return { rows: found.map((r) => toAlbumListing(r as AlbumRow)), total };
      }),
    update: (id, changes, at) =>
      guard('update album', async () => {
        const result = await db
          .updateTable('albums')
          .set({
            updated_at: at,
            ...(changes.title === undefined ? {} : { title: changes.title }),
            ...(changes.description === undefined ? {} : { description: changes.description }),
            ...(changes.visibility === undefined ? {} : { visibility: changes.visibility }),
            ...(changes.coverImageId === undefined ? {} : { cover_image_id: changes.coverImageId }),
          })
          .where('id', '=', id)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw new NotFoundError('album.not_found', 'album');
      }),
    delete: (id) => guard('delete album', async () => (await db.deleteFrom('albums').where('id', '=', id).executeTakeFirst()).numDeletedRows === 1n),
    lock: (id) => guard('lock album', async () => (await db.selectFrom('albums').select('id').where('id', '=', id).forUpdate().executeTakeFirst()) !== undefined),
    imageIds: (albumId) =>
      guard('list album members', async () =>
        (await db.selectFrom('album_images').select('image_id').where('album_id', '=', albumId).orderBy('position').orderBy('added_at').orderBy('image_id').execute()).map((r) => r.image_id),
      ),
    addImages: (albumId, imageIds, at) =>
      guard('add album images', async () => {
        if (imageIds.length === 0) return;
        const { last } = await db.selectFrom('album_images').select(sql<number>`coalesce(max(position), -1)::int`.as('last')).where('album_id', '=', albumId).executeTakeFirstOrThrow();
        await db
          .insertInto('album_images')
          .values(imageIds.map((imageId, i) => ({ album_id: albumId, image_id: imageId, position: last + 1 + i, added_at: at })))
          .execute();
      }),
    removeImage: (albumId, imageId) =>
      guard('remove album image', async () => {
        const removed = await db.deleteFrom('album_images').where('album_id', '=', albumId).where('image_id', '=', imageId).executeTakeFirst();
        if (removed.numDeletedRows === 0n) return false;
        await db.updateTable('albums').set({ cover_image_id: null }).where('id', '=', albumId).where('cover_image_id', '=', imageId).execute();
        return true;
      }),
    reorder: (albumId, imageIds) =>
      guard('reorder album', async () => {
        if (imageIds.length === 0) return;
        const positions = imageIds.map((_, i) => i);
        // One statement for the whole order: unnest pairs each id with its new position.
        await sql`UPDATE album_images SET position = v.position
                  FROM unnest(${[...imageIds]}::uuid[], ${positions}::int[]) AS v(image_id, position)
                  WHERE album_images.album_id = ${albumId}::uuid AND album_images.image_id = v.image_id`.execute(db);
      }),
    listIdsOfOwner: (ownerId, limit) =>
      guard('list owner albums', async () => (await db.selectFrom('albums').select('id').where('owner_id', '=', ownerId).orderBy('id').limit(limit).execute()).map((r) => r.id)),
  };
}

/** The list's WHERE (contract §8 listing rules), shared by the page and the count query. */
function albumListFilter(eb: ExpressionBuilder<DB, 'albums' | 'users'>, query: AlbumListQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.scope.kind === 'owner') conditions.push(eb('albums.owner_id', '=', query.scope.ownerId));
  else conditions.push(eb('users.status', 'not in', ['banned', 'deleted']));
  if (query.scope.kind === 'public' || !query.scope.all) conditions.push(eb('albums.visibility', '=', 'public'));
  return eb.and(conditions);
}
