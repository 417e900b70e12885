/**
 * Adapts @fastify/multipart's part iterator to the use case's `UploadPart`s. Whatever goes wrong while reading
 * the multipart body itself (malformed, cut off, client gone) becomes 400 `bad-request`; a text part over its
 * 64 KiB limit becomes 400 `validation-error` naming it.
 */
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type { UploadPart } from '../../application/gallery/upload-image.js';
import { BadRequestError, DomainError, ValidationError } from '../../domain/shared/errors.js';

export const TEXT_PART_LIMIT_BYTES = 64 * 1024;

function malformed(err: unknown): Error {
  if (err instanceof DomainError) return err;
  const code = (err as { code?: string } | null)?.code;
  if (code === 'FST_FILES_LIMIT') return new BadRequestError('upload.second_file', 'only one file may be uploaded per request');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new BadRequestError('upload.too_many_parts', 'the multipart body has too many parts');
  // The parser's own file-size backstop (MAX_UPLOAD_BYTES + 1): the use case normally says 413 first, and must
  // not become "malformed" if the parser ever wins the race.
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new DomainError('payload-too-large', 'upload.too_large', 'the file is larger than the upload limit');
  return new BadRequestError('upload.malformed', 'the multipart body is malformed or was cut off');
}

async function* guardedBytes(stream: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (err) {
    throw malformed(err);
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

export async function* uploadParts(request: FastifyRequest): AsyncIterable<UploadPart> {
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        yield { kind: 'file', name: part.fieldname, filename: part.filename, bytes: guardedBytes(part.file) };
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
