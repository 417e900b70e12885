/** Counts, hashes and keeps the head of an upload while it streams, refusing it once it grows past the limit. */
import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/shared/errors.js';

const HEAD_BYTES = 64 * 1024;

export interface MeteredBytes {
  /** The source's chunks, passed through; fails with `payload-too-large` on the chunk that crosses `maxBytes`. */
  readonly chunks: AsyncGenerator<Uint8Array, void, undefined>;
  /** Size, SHA-256 and head; complete once `chunks` ran to its end. */
  summary(): { size: number; sha256: string; head: Uint8Array };
  /**
   * The error the source or the size limit raised, if any. Sinks react to it with errors of their own
   * (aborted uploads, closed files), so adapters rethrow this one instead.
   */
  failure(): { error: unknown } | undefined;
}

export function meterBytes(source: AsyncIterable<Uint8Array>, maxBytes: number): MeteredBytes {
  const hash = createHash('sha256');
  const head = Buffer.alloc(HEAD_BYTES);
  let size = 0;
  let failed: { error: unknown } | undefined;

  async function* chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    try {
      for await (const chunk of source) {
        size += chunk.byteLength;
        // Checked before the chunk is passed on, so not one byte past the limit reaches storage.
        if (size > maxBytes) throw tooLarge(maxBytes);
        const headFree = HEAD_BYTES - Math.min(size - chunk.byteLength, HEAD_BYTES);
        if (headFree > 0) head.set(chunk.subarray(0, headFree), HEAD_BYTES - headFree);
        hash.update(chunk);
        yield chunk;
      }
    } catch (error) {
      failed = { error };
      throw error;
    }
  }

  return {
    chunks: chunks(),
    summary: () => ({
      size,
      sha256: hash.copy().digest('hex'),
      head: new Uint8Array(head.subarray(0, Math.min(size, HEAD_BYTES))),
    }),
    failure: () => failed,
  };
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError('payload-too-large', 'upload.too_large', `the file must be at most ${maxBytes} bytes`);
}
