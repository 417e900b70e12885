/** Trims a ranged GetObject body to exactly the asked bytes, whatever the store actually sent. */
import type { ByteRange } from '../../../domain/gallery/blob-storage.js';

/**
 * Some S3-compatible stores answer a Range with more than asked (s3rver reads `bytes=0-0` as the whole object)
 * or ignore it; callers have already promised `Content-Length` to their client, so extra bytes would corrupt it.
 * `contentRange` is the response's `bytes a-b/size`; without one the body starts at byte 0.
 */
export async function* exactRange(
  body: AsyncIterable<Uint8Array>,
  range: ByteRange,
  contentRange: string | undefined,
): AsyncGenerator<Uint8Array> {
  const servedStart = Number(/^bytes (\d+)-/.exec(contentRange ?? '')?.[1] ?? 0);
  let skip = range.start - servedStart;
  if (skip < 0) throw new Error(`the store served ${contentRange ?? 'no range'} for bytes=${range.start}-${range.end}`);
  let left = range.end - range.start + 1;
  for await (const chunk of body) {
    const from = Math.min(skip, chunk.byteLength);
    skip -= from;
    const part = chunk.subarray(from, from + left);
    if (part.byteLength === 0) continue;
    left -= part.byteLength;
    yield part;
    // Leaving the loop destroys the response, so a store that sends the whole object is not read to its end.
    if (left === 0) return;
  }
}
