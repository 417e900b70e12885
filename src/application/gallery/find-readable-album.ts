import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { AlbumListing } from '../../domain/gallery/album-repository.js';
import { canReadAlbum } from '../../domain/gallery/album.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { viewerOf } from './get-image.js';

/** The album as the caller sees it, if they may read it (contract §8); missing and unreadable answer alike (404). */
export async function findReadableAlbum(deps: Pick<Ports, 'albums'>, actor: Actor, id: string): Promise<AlbumListing> {
  const viewer = viewerOf(actor);
  const found = await deps.albums.findById(id, viewer);
  if (!found || !canReadAlbum(viewer, found.album, found.owner.status)) throw new NotFoundError('album.not_found', 'album');
  return found;
}
