import { sql, type Kysely, type Selectable } from 'kysely';
import type { Exif } from '../../../domain/gallery/exif.js';
import type { Image, ImageStatus } from '../../../domain/gallery/image.js';
import type { ImageRepository, ImageWithOwner, NewImage } from '../../../domain/gallery/image-repository.js';
import type { ImageFormat, VariantFormat } from '../../../domain/gallery/image-format.js';
import type { NormalizedTag } from '../../../domain/gallery/tag.js';
import type { Variant, VariantName } from '../../../domain/gallery/variant.js';
import type { UserStatus } from '../../../domain/identity/user.js';
import { afterKey, imageListFilter } from './image-list-query.js';
import { translateDbError } from './pg-errors.js';
import type { DB, ImagesTable } from './schema.js';

type Row = Selectable<ImagesTable> & { tags: string[] | null; owner_username: string; owner_display_name: string; owner_status: string };

export function postgresImageRepository(db: Kysely<DB>): ImageRepository {
  const guard = async <T>(context: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw translateDbError(context, err);
    }
  };
  const select = () =>
    db
      .selectFrom('images')
      .innerJoin('users', 'users.id', 'images.owner_id')
      .selectAll('images')
      .select([
        'users.username as owner_username',
        'users.display_name as owner_display_name',
        'users.status as owner_status',
        // Sorted slugs in one round trip; an image has at most 20 tags.
        sql<string[] | null>`(SELECT array_agg(t.slug ORDER BY t.slug) FROM image_tags it JOIN tags t ON t.id = it.tag_id WHERE it.image_id = images.id)`.as('tags'),
      ]);
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
      }),
    list: (query, page) =>
      guard('list images', async () => {
        let rows = select().where((eb) => imageListFilter(eb, query));
        if (page.mode === 'cursor' && page.after) rows = rows.where(() => afterKey(query, page.after!));
        const direction = query.order;
        rows = rows.orderBy(`images.${query.sort}`, direction).orderBy('images.id', direction);
        rows = page.mode === 'page' ? rows.limit(page.perPage).offset((page.page - 1) * page.perPage) : rows.limit(page.perPage + 1);
        const [found, total] = await Promise.all([
          rows.execute(),
          page.mode === 'page'
            ? db
                .selectFrom('images')
                .innerJoin('users', 'users.id', 'images.owner_id')
                .select(sql<number>`count(*)::int`.as('n'))
                .where((eb) => imageListFilter(eb, query))
                .executeTakeFirstOrThrow()
                .then((r) => r.n)
            : Promise.resolve(null),
        ]);
        return { rows: found.map((r) => toImageWithOwner(r as Row)), total };
      }),
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
    markDeleted: (id, at) => guard('delete image', () => setStatus(id, 'deleted', null, at)),
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

function toImageWithOwner(row: Row): ImageWithOwner {
  return {
    image: toImage(row),
    owner: { id: row.owner_id, username: row.owner_username, displayName: row.owner_display_name, status: row.owner_status as UserStatus },
  };
}

function toImage(row: Row): Image {
  const variants: Partial<Record<VariantName, Variant>> = {};
  for (const [name, v] of Object.entries(row.variants)) {
    variants[name as VariantName] = { name: name as VariantName, width: v.width, height: v.height, format: v.format as VariantFormat, fileSize: v.file_size, sha256: v.sha256 };
  }
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    description: row.description,
    visibility: row.visibility as Image['visibility'],
    contentRating: row.content_rating as Image['contentRating'],
    status: row.status as ImageStatus,
    format: row.format as ImageFormat,
    fileSize: row.file_size,
    width: row.width,
    height: row.height,
    sha256: row.sha256,
    originalFilename: row.original_filename,
    variants,
    tags: row.tags ?? [],
    exif: (row.exif as Exif | null) ?? null,
    viewCount: row.view_count,
    likeCount: row.like_count,
    commentCount: row.comment_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
