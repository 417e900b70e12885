import type { Exif } from './exif.js';
import type { ImageFormat } from './image-format.js';
import type { Variant, VariantName } from './variant.js';

export const VISIBILITIES = ['public', 'unlisted', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const CONTENT_RATINGS = ['safe', 'nsfw'] as const;
export type ContentRating = (typeof CONTENT_RATINGS)[number];

export const IMAGE_STATUSES = ['processing', 'active', 'failed', 'flagged', 'deleted'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

/** An image as the domain sees it (contract §7.1). Storage keys are derived from the id, never stored here. */
export interface Image {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly description: string;
  readonly visibility: Visibility;
  readonly contentRating: ContentRating;
  readonly status: ImageStatus;
  readonly format: ImageFormat;
  readonly fileSize: number;
  readonly width: number;
  readonly height: number;
  readonly sha256: string;
  readonly originalFilename: string;
  readonly variants: Readonly<Partial<Record<VariantName, Variant>>>;
  readonly tags: readonly string[];
  readonly exif: Exif | null;
  readonly viewCount: number;
  readonly likeCount: number;
  readonly commentCount: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Deterministic storage keys (architecture §7): a retried job writes the same objects. */
export const imageKeys = {
  original: (id: string) => `originals/${id}`,
  variantPrefix: (id: string) => `variants/${id}/`,
  variant: (id: string, name: VariantName, ext: string) => `variants/${id}/${name}.${ext}`,
};

/** File extension of a stored variant format (contract §19: JPEG is `jpg`). */
export function extensionOf(format: string): string {
  return format === 'jpeg' ? 'jpg' : format;
}
