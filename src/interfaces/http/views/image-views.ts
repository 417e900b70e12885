/** Domain images → the contract's `Image` JSON (§7.1): viewer-dependent fields, signed URLs, owner-only GPS. */
import type { GallerySettings } from '../../../application/ports.js';
import type { ImageWithOwner } from '../../../domain/gallery/image-repository.js';
import type { Exif } from '../../../domain/gallery/exif.js';
import { MIME_TYPES } from '../../../domain/gallery/image-format.js';
import { signedUrlExpiry, type UrlSigner } from '../../../domain/gallery/url-signer.js';
import { VARIANT_NAMES } from '../../../domain/gallery/variant.js';
import { isAnonymouslyReadable, isOwner, type Viewer } from '../../../domain/gallery/visibility.js';

export interface ImageViewDeps {
  readonly urlSigner: UrlSigner;
  readonly gallery: Pick<GallerySettings, 'publicUrl' | 'signedUrlTtlS'>;
  readonly now: Date;
}

export function imageView(found: ImageWithOwner, viewer: Viewer, deps: ImageViewDeps) {
  const { image, owner } = found;
  const anonymous = isAnonymouslyReadable({ image, ownerStatus: owner.status });
  const variants: Record<string, unknown> = {};
  for (const name of VARIANT_NAMES) {
    const v = image.variants[name];
    if (!v) continue;
    const url = variantUrl(image.id, name, anonymous, deps);
    variants[name] = { url, width: v.width, height: v.height, format: v.format, file_size: v.fileSize };
  }
  const own = isOwner(viewer, image);
  return {
    id: image.id,
    owner: { id: owner.id, username: owner.username, display_name: owner.displayName },
    title: image.title,
    description: image.description,
    visibility: image.visibility,
    content_rating: image.contentRating,
    status: image.status,
    mime_type: MIME_TYPES[image.format],
    file_size: image.fileSize,
    width: image.width,
    height: image.height,
    sha256: image.sha256,
    variants,
    // Sorted here, not only in SQL: ORDER BY follows the database collation, and under a linguistic one
    // (en_US) `ab` sorts before `a-c`, so the order would depend on how PostgreSQL was initialised.
    tags: [...image.tags].sort(),
    exif: image.exif ? exifView(image.exif, own) : null,
    view_count: image.viewCount,
    like_count: image.likeCount,
    comment_count: image.commentCount,
    // Filled by the use case (`markLikedByMe`); `false` only where a list has not been wired to it.
    ...(viewer ? { liked_by_me: found.likedByMe ?? false } : {}),
    ...(own ? { album_ids: [...(found.albumIds ?? [])], original_filename: image.originalFilename, original_url: signedImageUrl(image.id, 'original', 'upload', deps) } : {}),
    created_at: image.createdAt.toISOString(),
    updated_at: image.updatedAt.toISOString(),
  };
}

/** A URL of the image's bytes carrying a signature that expires (contract §7.7). */
function signedImageUrl(imageId: string, path: string, variant: string, deps: ImageViewDeps): string {
  const exp = signedUrlExpiry(deps.now.getTime(), deps.gallery.signedUrlTtlS);
  return `${deps.gallery.publicUrl}/api/v1/images/${imageId}/${path}?exp=${exp}&sig=${deps.urlSigner.sign(imageId, variant, exp)}`;
}

/** A variant's URL: plain when anyone may read the image, signed otherwise (contract §7.1). */
export function variantUrl(imageId: string, name: string, anonymous: boolean, deps: ImageViewDeps): string {
  return anonymous ? `${deps.gallery.publicUrl}/api/v1/images/${imageId}/variants/${name}` : signedImageUrl(imageId, `variants/${name}`, name, deps);
}

/** GPS only for the owner: staff included, nobody else ever sees where a photo was taken. */
function exifView(exif: Exif, owner: boolean) {
  return {
    camera_make: exif.cameraMake,
    camera_model: exif.cameraModel,
    lens_model: exif.lensModel,
    taken_at: exif.takenAt,
    exposure_time: exif.exposureTime,
    f_number: exif.fNumber,
    focal_length_mm: exif.focalLengthMm,
    iso: exif.iso,
    ...(owner ? { gps: exif.gps ? { latitude: exif.gps.latitude, longitude: exif.gps.longitude, altitude_m: exif.gps.altitudeM } : null } : {}),
  };
}
