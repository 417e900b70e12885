import exifr from 'exifr';
import type { Exif } from '../../domain/gallery/exif.js';
import { toExif } from '../../domain/gallery/exif-mapping.js';

// Raw values only: translated enums and revived Dates would lose what the camera wrote (contract §7.5).
const OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
  userComment: false,
  translateValues: false,
  reviveValues: false,
  mergeOutput: true,
} as const;

/** The contract's EXIF facts of an upload; `null` when it has none or its metadata cannot be parsed. */
export async function readExif(source: Uint8Array): Promise<Exif | null> {
  let raw: unknown;
  try {
    raw = await exifr.parse(Buffer.from(source.buffer, source.byteOffset, source.byteLength), OPTIONS);
  } catch {
    // Unsupported container (GIF, WebP) or a broken TIFF block: an upload without EXIF facts, not a failure.
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  try {
    return toExif(raw as Record<string, unknown>);
  } catch {
    return null;
  }
}
