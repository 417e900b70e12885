import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { AlbumListing } from '../../domain/gallery/album-repository.js';
import type { ImageListRow } from '../../domain/gallery/image-repository.js';
import type { Page } from '../../domain/shared/page.js';
import { findReadableAlbum } from './find-readable-album.js';
import { listAlbumImages } from './list-album-images.js';

/** GET /albums/{id} (contract §8): the album (404 unless readable) with page 1 of its images, page mode. */
export async function getAlbum(deps: Pick<Ports, 'albums' | 'images' | 'likes'>, actor: Actor, id: string, perPage: number): Promise<{ album: AlbumListing; images: Page<ImageListRow> }> {
  const album = await findReadableAlbum(deps, actor, id);
  const images = await listAlbumImages(deps, actor, id, { page: 1, per_page: perPage });
  return { album, images };
}
