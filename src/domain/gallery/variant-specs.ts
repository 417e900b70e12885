import type { ImageFormat, VariantFormat } from './image-format.js';
import type { VariantSpec } from './variant.js';

/** Formats `VARIANT_FORMAT` may name; PNG is reserved for lossless originals. */
export type SizedVariantFormat = Exclude<VariantFormat, 'png'>;

// The `original` keeps a format the browser can show that loses as little as possible of the upload.
const ORIGINAL_FORMATS: Readonly<Record<ImageFormat, VariantFormat>> = {
  jpeg: 'jpeg',
  png: 'png',
  gif: 'png',
  webp: 'webp',
  avif: 'avif',
  heic: 'jpeg',
};

const ORIGINAL_QUALITY: Readonly<Record<VariantFormat, number>> = { jpeg: 92, webp: 92, avif: 80, png: 100 };

/** The five variants of contract §7.4 for an upload of `uploadFormat`, boxes smallest first. */
export function variantSpecsFor(uploadFormat: ImageFormat, variantFormat: SizedVariantFormat): VariantSpec[] {
  const original = ORIGINAL_FORMATS[uploadFormat];
  return [
    { name: 'thumbnail', maxSide: 150, format: variantFormat, quality: 82 },
    { name: 'small', maxSide: 320, format: variantFormat, quality: 85 },
    { name: 'medium', maxSide: 800, format: variantFormat, quality: 85 },
    { name: 'large', maxSide: 1600, format: variantFormat, quality: 88 },
    { name: 'original', maxSide: null, format: original, quality: ORIGINAL_QUALITY[original] },
  ];
}
