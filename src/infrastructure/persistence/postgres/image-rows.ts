/** How image rows are read: the columns every read selects (owner summary and tag slugs included) and their mapping. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Exif } from '../../../domain/gallery/exif.js';
import type { Image, ImageStatus } from '../../../domain/gallery/image.js';
import type { ImageWithOwner } from '../../../domain/gallery/image-repository.js';
import type { ImageFormat, VariantFormat } from '../../../domain/gallery/image-format.js';
import type { Variant, VariantName } from '../../../domain/gallery/variant.js';
import type { UserStatus } from '../../../domain/identity/user.js';
import type { DB, ImagesTable } from './schema.js';

const IMAGE_COLUMNS = [
  'images.id', 'images.owner_id', 'images.title', 'images.description', 'images.visibility', 'images.content_rating', 'images.status',
  'images.format', 'images.file_size', 'images.width', 'images.height', 'images.sha256', 'images.original_filename', 'images.variants',
  'images.exif', 'images.failure_reason', 'images.view_count', 'images.like_count', 'images.comment_count', 'images.created_at',
  'images.updated_at', 'images.deleted_at',
] as const;

export type ImageRow = Omit<Selectable<ImagesTable>, 'search_vector'> & { tags: string[] | null; owner_username: string; owner_display_name: string; owner_status: string; album_ids?: string[] | null };

/** Images joined with their owner; every column but the search vector, which would only add bytes to each row. */
export function selectImages(db: Kysely<DB>) {
  return db
    .selectFrom('images')
    .innerJoin('users', 'users.id', 'images.owner_id')
    .select(IMAGE_COLUMNS)
    .select([
      'users.username as owner_username',
      'users.display_name as owner_display_name',
      'users.status as owner_status',
      // Sorted slugs in one round trip; an image has at most 20 tags.
      sql<string[] | null>`(SELECT array_agg(t.slug ORDER BY t.slug) FROM image_tags it JOIN tags t ON t.id = it.tag_id WHERE it.image_id = images.id)`.as('tags'),
      // The owner's `album_ids` (text[] so both drivers parse it); the album_images image index keeps it cheap.
      sql<string[] | null>`(SELECT array_agg(ai.album_id::text ORDER BY ai.album_id) FROM album_images ai WHERE ai.image_id = images.id)`.as('album_ids'),
    ]);
}

export function toImageWithOwner(row: ImageRow): ImageWithOwner {
  return {
    image: toImage(row),
    owner: { id: row.owner_id, username: row.owner_username, displayName: row.owner_display_name, status: row.owner_status as UserStatus },
    albumIds: row.album_ids ?? [],
  };
}

export function toImage(row: ImageRow): Image {
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
