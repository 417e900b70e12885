/**
 * Adapts @fastify/multipart's part iterator to the use case's `UploadPart`s. Whatever goes wrong while reading
 * the multipart body itself (malformed, cut off, client gone) becomes 400 `bad-request`; a text part over its
 * 64 KiB limit becomes 400 `validation-error` naming it; a body that stops arriving becomes 408.
 */
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type { UploadPart } from '../../application/gallery/upload-image.js';
import { BadRequestError, DomainError, ValidationError } from '../../domain/shared/errors.js';

export const TEXT_PART_LIMIT_BYTES = 64 * 1024;
/** Contract §17: a request body that sends nothing for 30 s is answered 408. */
export const BODY_IDLE_TIMEOUT_MS = 30_000;

export interface UploadPartsOptions {
  /** Longest wait for the next part or the next bytes of a file before the body counts as stalled. */
  readonly idleTimeoutMs?: number;
}

/**
 * The multipart body is read by the handler, not by a content-type parser, so the JSON parsers' idle timeout
 * never covers it: a stalled upload used to hang until the handler deadline answered 503, and then hang on
 * after it (keeping its temporary object) because the orphaned request stream never ends. A `statusCode` of
 * 408 makes the error handler answer `request-timeout`.
 */
class BodyStalledError extends Error {
  readonly statusCode = 408;
  readonly code = 'TESSERA_BODY_STALLED';
}

function malformed(err: unknown): Error {
  if (err instanceof DomainError || err instanceof BodyStalledError) return err;
  const code = (err as { code?: string } | null)?.code;
  if (code === 'FST_FILES_LIMIT') return new BadRequestError('upload.second_file', 'only one file may be uploaded per request');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new BadRequestError('upload.too_many_parts', 'the multipart body has too many parts');
  // The parser's own file-size backstop (MAX_UPLOAD_BYTES + 1): the use case normally says 413 first, and must
  // not become "malformed" if the parser ever wins the race.
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new DomainError('payload-too-large', 'upload.too_large', 'the file is larger than the upload limit');
  // @fastify/multipart refuses these names outright (they would shadow Object.prototype) without saying which.
  if (code === 'FST_PROTO_VIOLATION') return new BadRequestError('upload.reserved_part_name', 'a part name such as __proto__ or constructor is not allowed');
  if (code === 'FST_INVALID_JSON_FIELD_ERROR') return new BadRequestError('upload.invalid_json_part', 'a text part declared as application/json is not valid JSON');
  return new BadRequestError('upload.malformed', 'the multipart body is malformed or was cut off');
}

/** `iterator.next()`, or BodyStalledError when it does not settle within `ms` (the client stopped sending). */
async function nextWithin<T>(iterator: AsyncIterator<T>, ms: number): Promise<IteratorResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new BodyStalledError(`the request body stalled for ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([iterator.next(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

async function* guardedBytes(stream: Readable, idleMs: number): AsyncIterable<Uint8Array> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  let finished = false;
  try {
    for (;;) {
      const next = await nextWithin(iterator, idleMs);
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } catch (err) {
    throw malformed(err);
  } finally {
    // Stopped early (refused, too large, stalled): end the part's stream, as for-await would. Not through
    // `iterator.return()`: Node's stream iterator is an async generator, whose return() waits for the pending
    // next() — for ever when the body stalled.
    if (!finished) stream.destroy();
  }
}

/**
 * @fastify/multipart parses a text part declared `application/json` (and then reports its type as exactly that);
 * the client's declared type must not change what a text part says (`String({})` would store "[object Object]",
 * `"x"` would lose its quotes), so parsed values are written back as JSON text.
 */
function textOf(value: unknown, mimetype: string): string {
  if (mimetype === 'application/json') return JSON.stringify(value) ?? '';
  return typeof value === 'string' ? value : String(value);
}

export async function* uploadParts(request: FastifyRequest, options: UploadPartsOptions = {}): AsyncIterable<UploadPart> {
  const idleMs = options.idleTimeoutMs ?? BODY_IDLE_TIMEOUT_MS;
  const parts = request.parts()[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await nextWithin(parts, idleMs);
      if (next.done) return;
      const part = next.value;
      if (part.type === 'file') {
        yield { kind: 'file', name: part.fieldname, filename: part.filename, bytes: guardedBytes(part.file, idleMs) };
        // A file part the use case did not read (it refused it) must be drained for the next part to arrive.
        part.file.resume();
      } else {
        if (part.valueTruncated) throw new ValidationError('upload.part_too_long', [{ field: part.fieldname, message: 'must be at most 64 KiB' }]);
        yield { kind: 'field', name: part.fieldname, value: textOf(part.value, part.mimetype) };
      }
    }
  } catch (err) {
    throw malformed(err);
  }
}
