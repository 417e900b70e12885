import sharp, { type Metadata } from 'sharp';
import type { ImageFormat } from '../../domain/gallery/image-format.js';
import type { ImageInspector, InspectedImage } from '../../domain/gallery/image-inspector.js';
import { sniffSignature } from './sniff-signature.js';

/**
 * Whether the installed libvips decodes HEVC. libvips lists `.heic`/`.heif` among the heif loader's suffixes
 * only when libheif has an HEVC decoder; sharp's prebuilt binaries list `.avif` alone.
 */
export function heicDecodable(): boolean {
  const input = sharp.format.heif?.input as { buffer?: boolean; fileSuffix?: string[] } | undefined;
  return input?.buffer === true && (input.fileSuffix ?? []).some((s) => s === '.heic' || s === '.heif');
}

/** Header-only inspection with sharp: `metadata()` never decodes pixels, so bombs are measured, not expanded. */
export function sharpImageInspector(options: { heicDecodable: boolean }): ImageInspector {
  return {
    sniff(head) {
      return sniffSignature(head, options);
    },

    async inspect(bytes) {
      // sharp buffers streamed input whole before libvips looks at it, so collecting here costs nothing
      // more and keeps a failing source (storage error) apart from an unreadable header.
      const chunks: Uint8Array[] = [];
      for await (const chunk of bytes) chunks.push(chunk);
      const input = Buffer.concat(chunks);
      const format = sniffSignature(input.subarray(0, 4096), options);
      if (!format) return null;
      let meta: Metadata;
      try {
        // No pixel limit: the caller compares the dimensions against its own limits and says why it refuses.
        meta = await sharp(input, { limitInputPixels: false, failOn: 'none', sequentialRead: true }).metadata();
      } catch {
        return null;
      }
      return measured(format, meta);
    },
  };
}

/** Display-orientation size of one frame, provided libvips read the same format the signature claims. */
function measured(format: ImageFormat, meta: Metadata): InspectedImage | null {
  if (decodedFormat(meta) !== format) return null;
  const width = meta.width;
  const height = (meta.pages ?? 1) > 1 && meta.pageHeight ? meta.pageHeight : meta.height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) return null;
  // Orientations 5–8 turn the image a quarter, so the displayed width is the stored height.
  const turned = (meta.orientation ?? 1) >= 5 && (meta.orientation ?? 1) <= 8;
  return turned ? { format, width: height, height: width } : { format, width, height };
}

function decodedFormat(meta: Metadata): ImageFormat | null {
  switch (meta.format) {
    case 'jpeg':
    case 'png':
    case 'gif':
    case 'webp':
      return meta.format;
    case 'heif':
      return meta.compression === 'av1' ? 'avif' : meta.compression === 'hevc' ? 'heic' : null;
    default:
      return null;
  }
}
