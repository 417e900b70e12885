import type { TxPorts } from '../ports.js';
import { ConflictError, NotFoundError } from '../../domain/shared/errors.js';

/**
 * Appends images to an album inside the caller's transaction: the album row is locked so concurrent appends
 * cannot overshoot `max` (ALBUM_MAX_IMAGES → 409); members already present are skipped. Returns the new ids and
 * the membership size after the append.
 */
export async function appendAlbumImages(tx: Pick<TxPorts, 'albums'>, albumId: string, imageIds: readonly string[], max: number, at: Date): Promise<{ added: string[]; total: number }> {
  if (!(await tx.albums.lock(albumId))) throw new NotFoundError('album.not_found', 'album');
  const current = new Set(await tx.albums.imageIds(albumId));
  const added = imageIds.filter((id) => !current.has(id));
  const total = current.size + added.length;
  if (total > max) throw new ConflictError('album.full', `an album holds at most ${max} images; it has ${current.size}`);
  await tx.albums.addImages(albumId, added, at);
  return { added, total };
}
