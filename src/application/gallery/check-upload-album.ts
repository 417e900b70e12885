import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import { ConflictError, ValidationError } from '../../domain/shared/errors.js';

/**
 * Contract §7.3 step 10, before the malware scan: `album_id` must name an album the caller owns (else 400
 * `body.album_id`), and a full album is refused early (409); the transaction re-checks fullness under a lock.
 */
export async function checkUploadAlbum(deps: Pick<Ports, 'albums' | 'gallery'>, actor: UserActor, albumId: string): Promise<void> {
  const found = await deps.albums.findById(albumId, { userId: actor.userId, role: actor.role });
  if (!found || found.album.ownerId !== actor.userId) throw new ValidationError('upload.album_not_found', [{ field: 'album_id', message: 'no album of yours has this id' }]);
  if ((await deps.albums.imageIds(albumId)).length >= deps.gallery.albumMaxImages) {
    throw new ConflictError('album.full', `an album holds at most ${deps.gallery.albumMaxImages} images`);
  }
}
