import type { ByteRange } from '../../domain/gallery/blob-storage.js';

/** Throws a plain Error for a range no resolved `Range` header could produce (negative, reversed, fractional). */
export function assertByteRange(range: ByteRange): ByteRange {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new Error(`invalid byte range ${start}-${end}`);
  }
  return range;
}
