import type { VariantFormat } from './image-format.js';

export const VARIANT_NAMES = ['thumbnail', 'small', 'medium', 'large', 'original'] as const;
export type VariantName = (typeof VARIANT_NAMES)[number];

/** A generated variant as stored and shown in `Image.variants` (contract §7.1). */
export interface Variant {
  readonly name: VariantName;
  readonly width: number;
  readonly height: number;
  readonly format: VariantFormat;
  readonly fileSize: number;
  /** SHA-256 of the stored bytes (hex), for the strong ETag of byte routes; never shown in JSON. */
  readonly sha256: string;
}

/** What to produce (contract §7.4): fit inside `maxSide` (never enlarge; `null` keeps the size). */
export interface VariantSpec {
  readonly name: VariantName;
  readonly maxSide: number | null;
  readonly format: VariantFormat;
  /** Encoder quality; ignored for PNG (lossless). */
  readonly quality: number;
}
