/** Translates AWS SDK failures: an unreachable or failing store becomes UnavailableError (503), the rest keep context. */
import { DomainError, UnavailableError } from '../../../domain/shared/errors.js';
import { wrapError } from '../../errors.js';

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
]);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

interface SdkErrorShape {
  readonly name?: string;
  readonly code?: string;
  readonly errors?: readonly unknown[];
  readonly $metadata?: { readonly httpStatusCode?: number };
}

export function toStorageError(context: string, err: unknown): Error {
  if (err instanceof DomainError) return err;
  if (isUnavailable(err)) {
    return new UnavailableError('storage.unavailable', 'the file storage is unavailable', {
      retryAfterS: 5,
      cause: wrapError(context, err),
    });
  }
  return wrapError(context, err);
}

/** A missing key: GetObject says NoSuchKey, HeadObject (no body) only 404 NotFound. */
export function isNotFound(err: unknown): boolean {
  const e = err as SdkErrorShape | null;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound';
}

function isUnavailable(err: unknown): boolean {
  const e = err as SdkErrorShape | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code !== undefined && NETWORK_CODES.has(e.code)) return true;
  if (e.name !== undefined && TIMEOUT_NAMES.has(e.name)) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  // Node's happy-eyeballs connect reports every failed address in an AggregateError.
  return Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(isUnavailable);
}
