/** clamd's INSTREAM wire format: length-prefixed chunks in, one null-terminated line out. */
import type { ScanVerdict } from '../../../domain/gallery/malware-scanner.js';
import { UnavailableError } from '../../../domain/shared/errors.js';

/** The `z` prefix makes clamd terminate its reply with `\0` instead of a newline. */
export const INSTREAM_COMMAND = 'zINSTREAM\0';
export const PING_COMMAND = 'zPING\0';

/** Small enough for any clamd build; coalescing tiny chunks up to it saves a header and a write each. */
export const MAX_CHUNK_BYTES = 64 * 1024;

/**
 * The framed body of an INSTREAM request: each chunk as a 4-byte big-endian length plus at most
 * `maxChunk` bytes, then the zero-length chunk that asks for the verdict. Errors of `bytes` propagate as they are.
 */
export async function* instreamFrames(
  bytes: AsyncIterable<Uint8Array>,
  maxChunk: number = MAX_CHUNK_BYTES,
): AsyncGenerator<Buffer, void, undefined> {
  let pending: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bytes) {
    if (chunk.byteLength === 0) continue;
    pending.push(chunk);
    size += chunk.byteLength;
    if (size < maxChunk) continue;
    const data = Buffer.concat(pending, size);
    let offset = 0;
    for (; data.length - offset >= maxChunk; offset += maxChunk) yield frame(data.subarray(offset, offset + maxChunk));
    pending = offset < data.length ? [data.subarray(offset)] : [];
    size = data.length - offset;
  }
  if (size > 0) yield frame(Buffer.concat(pending, size));
  yield Buffer.alloc(4);
}

function frame(data: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(4 + data.byteLength);
  out.writeUInt32BE(data.byteLength, 0);
  out.set(data, 4);
  return out;
}

/**
 * `stream: OK` → clean, `stream: <Name> FOUND` → infected. Anything else (size limit, `… ERROR`, garbage) is
 * no verdict and throws UnavailableError: an unscanned file must never pass as clean; SCAN_REQUIRED decides.
 */
export function parseScanReply(reply: string): ScanVerdict {
  const text = reply.replace(/\0+$/, '').trim();
  if (text === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found?.[1]) return { clean: false, signature: found[1] };
  const cause = new Error(`clamd answered: ${JSON.stringify(text.slice(0, 200))}`);
  if (/size limit exceeded/i.test(text)) {
    // Operators fix this one by raising clamd's StreamMaxLength above MAX_UPLOAD_BYTES, hence its own code.
    throw new UnavailableError('scanner.size_limit', 'the file exceeds the malware scanner stream limit', { cause });
  }
  if (/ERROR$/.test(text)) throw new UnavailableError('scanner.error', 'the malware scanner failed', { cause });
  throw new UnavailableError('scanner.bad_reply', 'the malware scanner answered unexpectedly', { cause });
}
