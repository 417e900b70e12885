import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import {
  UndecodableImageError,
  type ImageProcessor,
  type ProcessedVariant,
} from '../../domain/gallery/image-processor.js';
import type { VariantFormat } from '../../domain/gallery/image-format.js';
import type { VariantSpec } from '../../domain/gallery/variant.js';
import { readExif } from './read-exif.js';

/** sharp's own default (0x3FFF²): a backstop only, since uploads were already held to MAX_IMAGE_PIXELS. */
const MAX_DECODE_PIXELS = 268_402_689;

/**
 * Variants with sharp (contract §7.4). Every spec is a `clone()` of one configured pipeline: clones share the
 * input buffer and settings but each decodes it again, with shrink-on-load for the small boxes; that measured as
 * fast as decoding once to raw pixels, without holding a raw copy. `concurrency` bounds encoders in flight.
 */
export function sharpImageProcessor(options: { concurrency?: number } = {}): ImageProcessor {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  return {
    async makeVariants(source, specs) {
      let base: Sharp;
      try {
        // 'error' tolerates recoverable warnings but refuses truncated or corrupt data; pages: 1 keeps frame one.
        base = sharp(source, { failOn: 'error', limitInputPixels: MAX_DECODE_PIXELS, pages: 1 })
          .autoOrient()
          .toColourspace('srgb');
      } catch (err) {
        throw undecodable(err);
      }
      return mapLimited(specs, concurrency, (spec) => encode(base.clone(), spec));
    },

    async readExif(source) {
      return readExif(source);
    },
  };
}

async function encode(pipeline: Sharp, spec: VariantSpec): Promise<ProcessedVariant> {
  if (spec.maxSide !== null) {
    pipeline.resize({ width: spec.maxSide, height: spec.maxSide, fit: 'inside', withoutEnlargement: true });
  }
  // No withMetadata/keep*: sharp then writes no EXIF, ICC or XMP, which is exactly "strip all metadata".
  encoder(pipeline, spec);
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return {
      name: spec.name,
      width: info.width,
      height: info.height,
      format: spec.format,
      fileSize: info.size,
      sha256: createHash('sha256').update(data).digest('hex'),
      bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch (err) {
    throw undecodable(err);
  }
}

function encoder(pipeline: Sharp, spec: { format: VariantFormat; quality: number }): void {
  switch (spec.format) {
    case 'webp':
      pipeline.webp({ quality: spec.quality });
      return;
    case 'avif':
      // effort 3: the default 4 costs ~6× the time (22 s for a 12 MP set) for barely smaller files.
      pipeline.avif({ quality: spec.quality, effort: 3 });
      return;
    case 'jpeg':
      // JPEG has no alpha: transparent areas become white rather than libvips' default black.
      pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: spec.quality, mozjpeg: true });
      return;
    case 'png':
      pipeline.png({ compressionLevel: 6 });
      return;
  }
}

function undecodable(err: unknown): UndecodableImageError {
  const error = new UndecodableImageError(err instanceof Error ? err.message : String(err));
  error.cause = err;
  return error;
}

/** `fn` over `items` with at most `limit` calls pending; results keep the order of `items`. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await fn(items[index]!);
      } catch (err) {
        next = items.length; // one failure fails the whole call: start nothing new
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
