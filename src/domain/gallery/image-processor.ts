import type { Exif } from './exif.js';
import type { VariantSpec, Variant } from './variant.js';

export interface ProcessedVariant extends Variant {
  readonly bytes: Uint8Array;
}

/** Thrown when the source cannot be decoded: processing fails at once, without retries. */
export class UndecodableImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndecodableImageError';
  }
}

/**
 * Decodes an upload and encodes its variants (contract §7.4): auto-orient, sRGB, strip every metadata, first
 * frame only, fit inside the box without enlarging, alpha flattened onto white for JPEG.
 */
export interface ImageProcessor {
  /** Throws UndecodableImageError for input that does not decode. */
  makeVariants(source: Uint8Array, specs: readonly VariantSpec[]): Promise<ProcessedVariant[]>;
  /** EXIF facts of the source, `null` when it has none of them; never throws for odd metadata. */
  readExif(source: Uint8Array): Promise<Exif | null>;
}
