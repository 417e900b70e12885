import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { AlbumListing } from '../../domain/gallery/album-repository.js';
import { ForbiddenError } from '../../domain/shared/errors.js';
import { findReadableAlbum } from './find-readable-album.js';
import { viewerOf } from './get-image.js';

/** A readable album the caller may change: the owner, or an admin where `adminMay` (PATCH, DELETE); else 403. */
export async function findAlbumToChange(deps: Pick<Ports, 'albums'>, actor: Actor, id: string, opts: { adminMay: boolean }): Promise<AlbumListing> {
  const found = await findReadableAlbum(deps, actor, id);
  const viewer = viewerOf(actor);
  const own = viewer !== null && viewer.userId === found.album.ownerId;
  const admin = viewer !== null && viewer.role === 'admin';
  if (!own && !(opts.adminMay && admin)) throw new ForbiddenError('album.not_owner', 'only the owner may change this album');
  return found;
}
