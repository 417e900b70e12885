/** One page of an album's images in album order (contract §8): OFFSET with an exact count, or a keyset seek. */
import { sql, type Kysely } from 'kysely';
import type { ImageListRow } from '../../../domain/gallery/image-repository.js';
import type { PageRequest } from '../../../domain/shared/page.js';
import type { Viewer } from '../../../domain/gallery/visibility.js';
import { afterAlbumKey } from './album-image-query.js';
import { limitToPage } from './keyset-page.js';
import { readableImageFilter } from './readable-image-filter.js';
import { selectImages, toImageWithOwner, type ImageRow } from './image-rows.js';
import type { DB } from './schema.js';

export async function listAlbumImages(db: Kysely<DB>, albumId: string, viewer: Viewer, page: PageRequest): Promise<{ rows: ImageListRow[]; total: number | null }> {
  // An album never widens an image's visibility: each member is shown only to those who may read it.
  const members = () =>
    selectImages(db).innerJoin('album_images', 'album_images.image_id', 'images.id').where('album_images.album_id', '=', albumId).where(readableImageFilter(viewer));
  let rows = members().select(['album_images.position as album_position', 'album_images.added_at as album_added_at']);
  if (page.mode === 'cursor' && page.after) rows = rows.where(afterAlbumKey(page.after));
  const found = await limitToPage(rows.orderBy('album_images.position').orderBy('album_images.added_at').orderBy('album_images.image_id'), page).execute();
  const total = page.mode === 'page' ? (await members().clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n : null;
  return {
    rows: found.map((row) => ({ ...toImageWithOwner(row as unknown as ImageRow), key: [row.album_position, new Date(row.album_added_at).toISOString(), row.id] })),
    total,
  };
}
