/**
 * A shared key-value cache (Redis in production, in process when embedded). Values are strings; callers
 * serialise. Every method throws UnavailableError when the store cannot be reached.
 */
export interface Cache {
  /** `null` for a missing or expired key. */
  get(key: string): Promise<string | null>;
  /** Overwrites; `ttlS` omitted means no expiry. */
  set(key: string, value: string, ttlS?: number): Promise<void>;
  /** Sets only if the key is absent; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlS: number): Promise<boolean>;
  /** Deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
  /** Adds `by` (default 1) and returns the new value; a missing key starts at 0 and gets `ttlS` if given. */
  increment(key: string, by?: number, ttlS?: number): Promise<number>;
}
