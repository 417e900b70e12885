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
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT') return new BadRequestError('upload.too_many_parts', 'only one file may be uploaded per request');
  return new BadRequestError('upload.malformed', 'the multipart body is malformed or was cut off');
}

async function* guardedBytes(stream: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (err) {
    throw malformed(err);
  }
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
        yield { kind: 'field', name: part.fieldname, value: typeof part.value === 'string' ? part.value : String(part.value) };
      }
    }
  } catch (err) {
    throw malformed(err);
  }
}
