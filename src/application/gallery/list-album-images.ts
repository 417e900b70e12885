import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { ImageListRow } from '../../domain/gallery/image-repository.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { pageRequest, toPage, type Page } from '../../domain/shared/page.js';
import { markLikedByMe } from '../social/mark-liked-by-me.js';
import { findReadableAlbum } from './find-readable-album.js';
import { viewerOf } from './get-image.js';

export interface AlbumImagesParams {
  readonly page?: number;
  readonly per_page?: number;
  readonly cursor?: string;
}

/**
 * GET /albums/{id}/images (contract §8) in album order, each image only if the caller may read it (owner and
 * staff: every non-deleted member; others: active public/unlisted ones). `emptyWhenUnreadable` serves
 * `GET /images?album_id=`, where an album the caller may not read yields an empty list instead of 404 (§7.6).
 */
export async function listAlbumImages(
  deps: Pick<Ports, 'albums' | 'images' | 'likes'>,
  actor: Actor,
  albumId: string,
  params: AlbumImagesParams,
  opts: { emptyWhenUnreadable?: boolean } = {},
): Promise<Page<ImageListRow>> {
  const fingerprint = JSON.stringify(['album_images', albumId]);
  const page = pageRequest(params, fingerprint);
  try {
    await findReadableAlbum(deps, actor, albumId);
  } catch (err) {
    if (opts.emptyWhenUnreadable && err instanceof NotFoundError) return toPage(page, [], 0, () => [], fingerprint);
    throw err;
  }
  const { rows, total } = await deps.images.listInAlbum(albumId, viewerOf(actor), page);
  const result = toPage(page, rows, total, (row) => [...row.key], fingerprint);
  return { ...result, items: await markLikedByMe(deps, actor, result.items) };
}
