import type { ImageFormat } from '../../domain/gallery/image-format.js';

export interface SniffOptions {
  /** Whether the installed decoder reads HEVC; without it a HEIC upload could never be processed. */
  readonly heicDecodable: boolean;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx']);

/**
 * The upload format from its magic bytes alone (contract §7.3 #7); `null` for anything else, SVG included.
 * Reads nothing past `head`, so a short or hostile prefix only ever yields `null`.
 */
export function sniffSignature(head: Uint8Array, options: SniffOptions): ImageFormat | null {
  if (startsWith(head, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, 0, PNG)) return 'png';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  const brands = ftypBrands(head);
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
  if (brands.some((b) => HEIC_BRANDS.has(b))) return options.heicDecodable ? 'heic' : null;
  return null;
}

/** Major and compatible brands of a leading ISO-BMFF `ftyp` box, as far as `head` holds them. */
function ftypBrands(head: Uint8Array): string[] {
  if (head.length < 12 || ascii(head, 4, 4) !== 'ftyp') return [];
  const declared = ((head[0]! << 24) >>> 0) + (head[1]! << 16) + (head[2]! << 8) + head[3]!;
  // Size 0 means "to the end of the file"; 1 (64-bit size) and anything shorter than a full header are bogus here.
  if (declared !== 0 && declared < 16) return [];
  const end = Math.min(declared === 0 ? head.length : declared, head.length);
  const brands = [ascii(head, 8, 4)];
  // Bytes 12..16 are the minor version, not a brand.
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(head, at, 4));
  return brands;
}

function startsWith(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  if (bytes.length < at + expected.length) return false;
  return expected.every((b, i) => bytes[at + i] === b);
}

/** Latin-1 view of `length` bytes at `at`, or `''` when `bytes` is too short. */
function ascii(bytes: Uint8Array, at: number, length: number): string {
  if (bytes.length < at + length) return '';
  return String.fromCharCode(...bytes.subarray(at, at + length));
}
