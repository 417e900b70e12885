/**
 * Turns driver errors (pg and PGlite share PostgreSQL's SQLSTATE codes) into domain errors:
 * unique violations into ConflictError by constraint name, unreachable servers into UnavailableError.
 */
import { ConflictError, DomainError, UnavailableError, type FieldError } from '../../../domain/shared/errors.js';
import { wrapError } from '../../errors.js';

export interface UniqueConstraintMeaning {
  readonly code: string;
  readonly detail: string;
  readonly field?: string;
}

export type UniqueConstraintMap = Readonly<Record<string, UniqueConstraintMeaning>>;

interface PgLikeError {
  code?: unknown;
  constraint?: unknown;
}

const UNREACHABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

export function translateDbError(context: string, err: unknown, uniques: UniqueConstraintMap = {}): Error {
  if (err instanceof DomainError) return err;
  const { code, constraint } = (typeof err === 'object' && err !== null ? err : {}) as PgLikeError;
  if (code === '23505' && typeof constraint === 'string') {
    const meaning = uniques[constraint];
    if (meaning) {
      const fields: FieldError[] | undefined = meaning.field ? [{ field: meaning.field, message: meaning.detail }] : undefined;
      return new ConflictError(meaning.code, meaning.detail, fields);
    }
  }
  if (isUnavailable(err)) {
    return new UnavailableError('database.unavailable', 'the database is unavailable', { retryAfterS: 5, cause: err });
  }
  return wrapError(context, err);
}

/** True for errors meaning "the database cannot be reached right now" rather than "this query is wrong". */
export function isUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as PgLikeError).code;
  if (typeof code === 'string') {
    // 08: connection exception; 57P01-03: shutdown / cannot connect now; 53300: too many connections.
    if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
    if (UNREACHABLE_NODE_CODES.has(code)) return true;
  }
  const message = err instanceof Error ? err.message : '';
  if (/timeout exceeded when trying to connect|Connection terminated|connection is closed|PGlite is closed|Cannot use a pool after calling end/i.test(message)) return true;
  return err instanceof AggregateError && err.errors.some(isUnavailable);
}

/**
 * Runs one repository operation, translating what the driver throws (`context` names it in the wrapped error);
 * `uniques` gives the repository's unique constraints their meaning.
 */
export async function guardDb<T>(context: string, op: () => Promise<T>, uniques: UniqueConstraintMap = {}): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw translateDbError(context, err, uniques);
  }
}
