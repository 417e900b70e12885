/**
 * Object storage for originals, variants and temporary uploads (local disk or S3). Keys are relative,
 * slash-separated paths chosen by Tessera (`tmp/<uuid>`, `originals/<id>`, `variants/<id>/<name>.<ext>`),
 * never by clients. Every method throws UnavailableError when the store cannot be reached.
 */
export interface TempObject {
  readonly key: string;
  readonly size: number;
  /** SHA-256 of the bytes, lowercase hex, computed while streaming. */
  readonly sha256: string;
  /** The first bytes (up to 64 KiB), for signature sniffing without a second read. */
  readonly head: Uint8Array;
}

/** Inclusive byte range, as in an HTTP `Range` header already resolved against the object size. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface BlobStorage {
  /**
   * Streams `bytes` into a new temporary object `tmp/<uuid>` while hashing. Stops reading as soon as more than
   * `maxBytes` arrived, deletes what was written and throws DomainError `payload-too-large`. If the source
   * stream fails (client gone), deletes the partial object and rethrows. Memory use does not grow with size.
   * With `name` the key is `tmp/<name>` (the upload's image id, so a job can finish a crashed promote).
   */
  putTemp(bytes: AsyncIterable<Uint8Array>, options: { readonly maxBytes: number; readonly name?: string }): Promise<TempObject>;
  /** Writes a whole object atomically: readers see the old object or the new one, never a part. */
  put(key: string, bytes: Uint8Array, options?: { readonly contentType?: string }): Promise<void>;
  /** Moves a temporary object to its final key. Idempotent: succeeds when it was already moved. */
  promote(tempKey: string, finalKey: string): Promise<void>;
  /** Streams an object, or one byte range of it; `null` when the object does not exist. */
  read(key: string, range?: ByteRange): Promise<AsyncIterable<Uint8Array> | null>;
  /** `null` for a missing object. */
  getBytes(key: string): Promise<Uint8Array | null>;
  /** Size of an object, `null` when missing. */
  stat(key: string): Promise<{ readonly size: number } | null>;
  /** Deleting a missing object succeeds. */
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with `prefix` (e.g. `variants/<id>/`); none is fine. */
  deletePrefix(prefix: string): Promise<void>;
  /** Keys of temporary objects last written before `before` (for the hourly sweep). */
  listTemp(before: Date): AsyncIterable<string>;
  /** A presigned GET URL (S3); `null` when the driver cannot presign (local disk). */
  presignGet(
    key: string,
    options: { readonly ttlS: number; readonly contentType: string; readonly contentDisposition: string },
  ): Promise<string | null>;
}
