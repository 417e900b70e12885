import { ValidationError, type FieldError } from '../../domain/shared/errors.js';

/**
 * Runs one field check, moving its ValidationError fields into `errors` so the other checks still run and the
 * client learns every failing field at once (contract §3). Any other error propagates.
 */
export async function collectFieldErrors<T>(errors: FieldError[], check: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await check();
  } catch (err) {
    if (!(err instanceof ValidationError) || err.fields === undefined) throw err;
    errors.push(...err.fields);
    return undefined;
  }
}
