/** The streamed temp upload of the S3 storage: multipart through lib-storage, hashed and bounded in flight. */
import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TempObject } from '../../../domain/gallery/blob-storage.js';
import { meterBytes } from '../metered-bytes.js';
import { tempKeyFor } from '../storage-key.js';
import { toStorageError } from './s3-errors.js';

// lib-storage buffers up to queueSize parts of 5 MiB: two keep memory near 10 MiB per upload whatever its size.
const QUEUE_SIZE = 2;

export async function s3PutTemp(
  client: S3Client,
  bucket: string,
  bytes: AsyncIterable<Uint8Array>,
  options: { readonly maxBytes: number; readonly name?: string },
): Promise<TempObject> {
  const key = tempKeyFor(options.name);
  const metered = meterBytes(bytes, options.maxBytes);
  const body = new PassThrough();
  // An error in the source destroys `body` with it, so lib-storage never completes a partial object.
  const feeding = pipeline(Readable.from(metered.chunks), body).catch(() => undefined);
  const upload = new Upload({
    client,
    params: { Bucket: bucket, Key: key, Body: body },
    queueSize: QUEUE_SIZE,
  });
  try {
    await upload.done();
    await feeding;
  } catch (err) {
    body.destroy();
    await feeding;
    // lib-storage aborts its multipart upload itself; this removes a single-part object that got through.
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(() => undefined);
    const cause = metered.failure();
    if (cause) throw cause.error;
    throw toStorageError(`upload ${key}`, err);
  }
  return { key, ...metered.summary() };
}
