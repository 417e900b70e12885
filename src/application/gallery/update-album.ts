import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { AlbumChanges, AlbumListing } from '../../domain/gallery/album-repository.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import type { FieldError } from '../../domain/shared/errors.js';
import { albumUpdated } from '../../domain/gallery/album-events.js';
import { validateAlbumInput } from './validate-album-input.js';
import type { AlbumInput } from './create-album.js';
import { findAlbumToChange } from './find-album-to-change.js';
import { findReadableAlbum } from './find-readable-album.js';

/**
 * PATCH /albums/{id} (contract §8): owner or admin. A new `cover_image_id` must already be in the album; `null`
 * clears it. Only real changes are written, with `album.updated` naming them; `{}` returns the album as is.
 */
export async function updateAlbum(deps: Pick<Ports, 'uow' | 'albums' | 'clock' | 'ids'>, actor: UserActor, id: string, patch: AlbumInput, ctx: RequestContext): Promise<AlbumListing> {
  const found = await findAlbumToChange(deps, actor, id, { adminMay: true });
  const { album } = found;
  const coverId = typeof patch.cover_image_id === 'string' ? patch.cover_image_id.toLowerCase() : patch.cover_image_id;
  const referenceErrors: FieldError[] = [];
  if (coverId && !(await deps.albums.imageIds(album.id)).includes(coverId)) referenceErrors.push({ field: 'cover_image_id', message: 'is not an image of this album' });
  const fields = validateAlbumInput(patch, { requireTitle: false }, referenceErrors);

  const changed: string[] = [];
  const changes: AlbumChanges = {
    ...(fields.title !== undefined && fields.title !== album.title ? (changed.push('title'), { title: fields.title }) : {}),
    ...(fields.description !== undefined && fields.description !== album.description ? (changed.push('description'), { description: fields.description }) : {}),
    ...(fields.visibility !== undefined && fields.visibility !== album.visibility ? (changed.push('visibility'), { visibility: fields.visibility }) : {}),
    ...(coverId !== undefined && coverId !== album.coverImageId ? (changed.push('cover_image_id'), { coverImageId: coverId }) : {}),
  };
  if (changed.length === 0) return found;
  const now = deps.clock.now();
  await deps.uow.run(async (tx) => {
    await tx.albums.update(album.id, changes, now);
    await tx.outbox.add(albumUpdated({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, album, changed));
  });
  return findReadableAlbum(deps, actor, album.id);
}
