import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { Album } from '../../domain/gallery/album.js';
import type { AlbumListing } from '../../domain/gallery/album-repository.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import type { FieldError } from '../../domain/shared/errors.js';
import { albumCreated } from '../../domain/gallery/album-events.js';
import { validateAlbumInput } from './validate-album-input.js';
import { appendAlbumImages } from './append-album-images.js';
import { findReadableAlbum } from './find-readable-album.js';

export interface AlbumInput {
  readonly title?: string;
  readonly description?: string;
  readonly visibility?: string;
  readonly cover_image_id?: string | null;
}

/**
 * POST /albums (contract §8): `cover_image_id` must be a non-deleted image of the caller's and joins the album
 * as its first image. The album, that membership and `album.created` commit together.
 */
export async function createAlbum(deps: Pick<Ports, 'uow' | 'albums' | 'images' | 'clock' | 'ids' | 'gallery'>, actor: UserActor, input: AlbumInput, ctx: RequestContext): Promise<AlbumListing> {
  const coverId = input.cover_image_id ? input.cover_image_id.toLowerCase() : null;
  const referenceErrors: FieldError[] = [];
  if (coverId) {
    const cover = await deps.images.findById(coverId);
    if (!cover || cover.image.ownerId !== actor.userId) referenceErrors.push({ field: 'cover_image_id', message: 'no image of yours has this id' });
  }
  const fields = validateAlbumInput(input, { requireTitle: true }, referenceErrors);
  const now = deps.clock.now();
  const album: Album = {
    id: deps.ids.next(),
    ownerId: actor.userId,
    title: fields.title ?? '',
    description: fields.description ?? '',
    visibility: fields.visibility ?? 'private',
    coverImageId: coverId,
    createdAt: now,
    updatedAt: now,
  };
  await deps.uow.run(async (tx) => {
    await tx.albums.create(album);
    if (coverId) await appendAlbumImages(tx, album.id, [coverId], deps.gallery.albumMaxImages, now);
    await tx.outbox.add(albumCreated({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, album));
  });
  return findReadableAlbum(deps, actor, album.id);
}
