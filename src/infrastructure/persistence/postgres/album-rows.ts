/** How album rows are read: owner summary plus the viewer's image count and cover, in one query per page. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Album } from '../../../domain/gallery/album.js';
import type { AlbumCover, AlbumListing } from '../../../domain/gallery/album-repository.js';
import type { Image } from '../../../domain/gallery/image.js';
import type { Viewer } from '../../../domain/gallery/visibility.js';
import type { UserStatus } from '../../../domain/identity/user.js';
import { readableImageFilter } from './readable-image-filter.js';
import type { AlbumsTable, DB } from './schema.js';

type CoverJson = { id: string; owner_id: string; status: string; visibility: string; width: number; height: number };
export type AlbumRow = Selectable<AlbumsTable> & { owner_username: string; owner_display_name: string; owner_status: string; image_count: number; cover: CoverJson | null };

/** Albums joined with their owner, plus `image_count` and `cover` as `viewer` sees them. */
export function selectAlbums(db: Kysely<DB>, viewer: Viewer) {
  // `users` is the album's owner, who owns every member too, so the image rule reads the right account status.
  const visible = readableImageFilter(viewer);
  return db
    .selectFrom('albums')
    .innerJoin('users', 'users.id', 'albums.owner_id')
    .selectAll('albums')
    .select([
      'users.username as owner_username',
      'users.display_name as owner_display_name',
      'users.status as owner_status',
      sql<number>`(SELECT count(*)::int FROM album_images ai JOIN images ON images.id = ai.image_id WHERE ai.album_id = albums.id AND ${visible})`.as('image_count'),
      // Only images with a thumbnail can be a cover; the chosen one first, then album order.
      sql<CoverJson | null>`(SELECT jsonb_build_object('id', images.id, 'owner_id', images.owner_id, 'status', images.status, 'visibility', images.visibility,
          'width', (images.variants -> 'thumbnail' ->> 'width')::int, 'height', (images.variants -> 'thumbnail' ->> 'height')::int)
        FROM album_images ai JOIN images ON images.id = ai.image_id
        WHERE ai.album_id = albums.id AND (images.variants -> 'thumbnail') IS NOT NULL AND ${visible}
        ORDER BY CASE WHEN images.id = albums.cover_image_id THEN 0 ELSE 1 END, ai.position, ai.added_at, ai.image_id
        LIMIT 1)`.as('cover'),
    ]);
}

export function toAlbumListing(row: AlbumRow): AlbumListing {
  return {
    album: toAlbum(row),
    owner: { id: row.owner_id, username: row.owner_username, displayName: row.owner_display_name, status: row.owner_status as UserStatus },
    imageCount: row.image_count,
    cover: row.cover ? toCover(row.cover) : null,
  };
}

function toCover(c: CoverJson): AlbumCover {
  return {
    image: { id: c.id, ownerId: c.owner_id, status: c.status as Image['status'], visibility: c.visibility as Image['visibility'] },
    width: c.width,
    height: c.height,
  };
}

function toAlbum(row: Selectable<AlbumsTable>): Album {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    description: row.description,
    visibility: row.visibility as Album['visibility'],
    coverImageId: row.cover_image_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
