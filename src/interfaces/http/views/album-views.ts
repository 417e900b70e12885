/** Domain albums → the contract's `Album` JSON (§8): the caller's count and cover, signed when not public. */
import type { AlbumCover, AlbumListing } from '../../../domain/gallery/album-repository.js';
import { signedUrlExpiry } from '../../../domain/gallery/url-signer.js';
import { isAnonymouslyReadable } from '../../../domain/gallery/visibility.js';
import type { ImageViewDeps } from './image-views.js';

export function albumView(listing: AlbumListing, deps: ImageViewDeps) {
  const { album, owner } = listing;
  return {
    id: album.id,
    owner: { id: owner.id, username: owner.username, display_name: owner.displayName },
    title: album.title,
    description: album.description,
    visibility: album.visibility,
    cover_image_id: album.coverImageId,
    cover: listing.cover ? coverView(listing.cover, owner.status, deps) : null,
    image_count: listing.imageCount,
    created_at: album.createdAt.toISOString(),
    updated_at: album.updatedAt.toISOString(),
  };
}

/** The thumbnail, unsigned only when anyone could fetch it (contract §7.7). */
function coverView(cover: AlbumCover, ownerStatus: AlbumListing['owner']['status'], deps: ImageViewDeps) {
  const url = `${deps.gallery.publicUrl}/api/v1/images/${cover.image.id}/variants/thumbnail`;
  const exp = signedUrlExpiry(deps.now.getTime(), deps.gallery.signedUrlTtlS);
  const anonymous = isAnonymouslyReadable({ image: cover.image, ownerStatus });
  return {
    image_id: cover.image.id,
    url: anonymous ? url : `${url}?exp=${exp}&sig=${deps.urlSigner.sign(cover.image.id, 'thumbnail', exp)}`,
    width: cover.width,
    height: cover.height,
  };
}
