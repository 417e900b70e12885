/**
 * Object storage for originals, variants and temporary uploads (local disk or S3). Keys are relative,
 * slash-separated paths chosen by Tessera, never by clients. Methods throw UnavailableError when the store
 * cannot be reached.
 */
export interface BlobStorage {
  /** Writes the whole object atomically: readers see the old object or the new one, never a part. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** `null` when the object does not exist. */
  getBytes(key: string): Promise<Uint8Array | null>;
  /** Deleting a missing object succeeds. */
  delete(key: string): Promise<void>;
}
