import { DomainError } from '../domain/shared/errors.js';

/** Adds what was being done to an unexpected error; domain errors pass through untouched. */
export function wrapError(context: string, err: unknown): Error {
  if (err instanceof DomainError) return err;
  return new Error(context, { cause: err });
}
