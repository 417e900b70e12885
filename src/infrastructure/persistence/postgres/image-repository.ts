import { sql, type Kysely } from 'kysely';
import type { ImageStatus } from '../../../domain/gallery/image.js';
import type { ImageRepository, NewImage } from '../../../domain/gallery/image-repository.js';
import type { NormalizedTag } from '../../../domain/gallery/tag.js';
import type { Variant, VariantName } from '../../../domain/gallery/variant.js';
import { listImages } from './image-list.js';
import { selectImages, toImage, toImageWithOwner } from './image-rows.js';
import { detachFromAlbums } from './album-image-query.js';
import { listAlbumImages } from './album-image-list.js';
import { guardDb } from './pg-errors.js';
import type { DB } from './schema.js';
import { refreshSearchVector } from './search-vector.js';

export function postgresImageRepository(db: Kysely<DB>): ImageRepository {
  const guard = guardDb;
  const select = () => selectImages(db);
  const setStatus = async (id: string, to: ImageStatus, from: readonly ImageStatus[] | null, at: Date, extra: { variants?: string; exif?: string | null; failure_reason?: string } = {}) => {
    let query = db
      .updateTable('images')
      .set({ status: to, updated_at: at, ...(to === 'deleted' ? { deleted_at: at } : {}), ...extra })
      .where('id', '=', id)
      .where('status', '<>', 'deleted');
    if (from) query = query.where('status', 'in', from);
    return (await query.executeTakeFirst()).numUpdatedRows === 1n;
  };
  return {
    create: (image: NewImage, tags: readonly NormalizedTag[]) =>
      guard('insert image', async () => {
        await db
          .insertInto('images')
          .values({
            id: image.id,
            owner_id: image.ownerId,
            title: image.title,
            description: image.description,
            visibility: image.visibility,
            content_rating: image.contentRating,
            status: image.status,
            format: image.format,
            file_size: image.fileSize,
            width: image.width,
            height: image.height,
            sha256: image.sha256,
            original_filename: image.originalFilename,
            variants: '{}',
            exif: null,
            created_at: image.createdAt,
            updated_at: image.createdAt,
          })
          .execute();
        await insertTags(db, image.id, tags, image.createdAt);
        await refreshSearchVector(db, image.id);
        const created = await select().where('images.id', '=', image.id).executeTakeFirstOrThrow();
        return toImage(created);
      }),
    findById: (id) =>
      guard('find image', async () => {
        const row = await select().where('images.id', '=', id).where('images.status', '<>', 'deleted').executeTakeFirst();
        return row ? toImageWithOwner(row) : null;
      }),
    markProcessed: (id, variants, exif, at) =>
      guard('mark image processed', () =>
        setStatus(id, 'active', ['processing'], at, { variants: JSON.stringify(toVariantJson(variants)), exif: exif ? JSON.stringify(exif) : null }),
      ),
    markFailed: (id, reason, at) => guard('mark image failed', () => setStatus(id, 'failed', ['processing'], at, { failure_reason: reason })),
    markFlagged: (id, at) => guard('flag image', () => setStatus(id, 'flagged', ['active'], at)),
    markRestored: (id, at) => guard('restore image', () => setStatus(id, 'active', ['flagged'], at)),
    update: (id, changes, at) =>
      guard('update image', async () => {
        await db
          .updateTable('images')
          .set({
            updated_at: at,
            ...(changes.title === undefined ? {} : { title: changes.title }),
            ...(changes.description === undefined ? {} : { description: changes.description }),
            ...(changes.visibility === undefined ? {} : { visibility: changes.visibility }),
            ...(changes.contentRating === undefined ? {} : { content_rating: changes.contentRating }),
          })
          .where('id', '=', id)
          .execute();
        if (changes.tags) {
          await db.deleteFrom('image_tags').where('image_id', '=', id).execute();
          await insertTags(db, id, changes.tags, at);
        }
        if (changes.title !== undefined || changes.description !== undefined || changes.tags) await refreshSearchVector(db, id);
      }),
    list: (query, page) => guard('list images', () => listImages(db, query, page)),
    listInAlbum: (albumId, viewer, page) => guard('list album images', () => listAlbumImages(db, albumId, viewer, page)),
    addViews: (counts) =>
      guard('add views', async () => {
        if (counts.size === 0) return;
        const ids = [...counts.keys()];
        const views = ids.map((id) => counts.get(id) ?? 0);
        // One statement for the whole batch: unnest pairs ids with their increments.
        await sql`UPDATE images SET view_count = view_count + v.n
                  FROM unnest(${ids}::uuid[], ${views}::int[]) AS v(id, n)
                  WHERE images.id = v.id AND images.status <> 'deleted'`.execute(db);
      }),
    listIdsOfOwner: (ownerId, limit) =>
      guard('list owner images', async () =>
        (await db.selectFrom('images').select('id').where('owner_id', '=', ownerId).where('status', '<>', 'deleted').orderBy('id').limit(limit).execute()).map((r) => r.id),
      ),
    listStale: (status, before, limit) =>
      guard('list stale images', async () => {
        const rows = await db
          .selectFrom('images')
          .select(['id', 'owner_id'])
          .where('status', '=', status)
          .where('updated_at', '<', before)
          .orderBy('updated_at')
          .limit(limit)
          .execute();
        return rows.map((r) => ({ id: r.id, ownerId: r.owner_id }));
      }),
    markDeleted: (id, at) =>
      guard('delete image', async () => {
        const deleted = await setStatus(id, 'deleted', null, at);
        if (deleted) await detachFromAlbums(db, id);
        return deleted;
      }),
  };
}

/** Creates unknown tags (the first name used for a slug is kept) and links them to the image. */
async function insertTags(db: Kysely<DB>, imageId: string, tags: readonly NormalizedTag[], at: Date): Promise<void> {
  if (tags.length === 0) return;
  await db
    .insertInto('tags')
    .values(tags.map((t) => ({ id: sql<string>`gen_random_uuid()`, slug: t.slug, name: t.name, created_at: at })))
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  await db
    .insertInto('image_tags')
    .columns(['image_id', 'tag_id'])
    .expression(db.selectFrom('tags').select([sql<string>`${imageId}::uuid`.as('image_id'), 'id as tag_id']).where('slug', 'in', tags.map((t) => t.slug)))
    .execute();
}

function toVariantJson(variants: Readonly<Record<VariantName, Variant>>) {
  return Object.fromEntries(
    Object.entries(variants).map(([name, v]) => [name, { width: v.width, height: v.height, format: v.format, file_size: v.fileSize, sha256: v.sha256 }]),
  );
}
