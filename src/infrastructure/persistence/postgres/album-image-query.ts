/** SQL of album membership used by the image repository: album-order keysets and detaching a deleted image. */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { checkCursorKey } from './keyset-page.js';
import type { DB } from './schema.js';

/** Keyset condition "after [position, added_at, image_id]" in album order. */
export function afterAlbumKey(key: readonly (string | number)[]): Expression<SqlBool> {
  checkCursorKey(key, ['int', 'timestamptz', 'uuid']);
  const [position, addedAt, imageId] = key;
  return sql<SqlBool>`(album_images.position, album_images.added_at, album_images.image_id) > (${Number(position)}::int, ${String(addedAt)}::timestamptz, ${String(imageId)}::uuid)`;
}

/** A deleted image leaves every album at once (contract §7.6), and stops being any album's cover. */
export async function detachFromAlbums(db: Kysely<DB>, imageId: string): Promise<void> {
  await db.deleteFrom('album_images').where('image_id', '=', imageId).execute();
  await db.updateTable('albums').set({ cover_image_id: null }).where('cover_image_id', '=', imageId).execute();
}
