import { ValidationError, type FieldError } from '../shared/errors.js';
import { normalizeEmail, parseEmail, type DisposableDomains } from './email.js';
import { parsePassword, type CommonPasswords } from './password-policy.js';
import { parseDisplayName } from './profile.js';
import { normalizeUsername, parseUsername } from './username.js';

/** Body of `POST /auth/register` as received; values are `unknown` because nothing is trusted yet. */
export interface RegistrationRequest {
  readonly email: unknown;
  readonly username: unknown;
  readonly password: unknown;
  readonly display_name?: unknown;
}

/** Data lists the rules need, loaded by infrastructure and passed in so the domain stays free of I/O. */
export interface IdentityLists {
  readonly disposableDomains: DisposableDomains;
  readonly commonPasswords: CommonPasswords;
}

/** A registration that passed every field rule, in stored (normalised) form; `password` is still plain. */
export interface ValidRegistration {
  readonly email: string;
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
}

/**
 * Validates all registration fields together so the client learns every problem in one round trip
 * (contract 5.4). Uniqueness is not checked here: it needs the repository.
 * @throws ValidationError `user.invalid_registration` with one entry per failing field
 *   (`email`, `username`, `password`, `display_name`); nothing else is thrown.
 */
export function validateRegistration(input: RegistrationRequest, lists: IdentityLists): ValidRegistration {
  const errors: FieldError[] = [];
  const email = collect(errors, () => parseEmail(input.email, lists.disposableDomains));
  const username = collect(errors, () => parseUsername(input.username));
  // Compare against what the user typed even when those fields are invalid, so every problem shows at once.
  const password = collect(errors, () =>
    parsePassword(input.password, {
      commonPasswords: lists.commonPasswords,
      username: typeof input.username === 'string' ? normalizeUsername(input.username) : undefined,
      email: typeof input.email === 'string' ? normalizeEmail(input.email) : undefined,
    }),
  );
  const displayName =
    input.display_name === undefined ? username : collect(errors, () => parseDisplayName(input.display_name));

  if (email === undefined || username === undefined || password === undefined || displayName === undefined) {
    throw new ValidationError('user.invalid_registration', errors);
  }
  return { email, username, password, displayName };
}

// Runs one field's parser, turning its ValidationError into entries so the others still run.
function collect<T>(errors: FieldError[], parse: () => T): T | undefined {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof ValidationError) || err.fields === undefined) throw err;
    errors.push(...err.fields);
    return undefined;
  }
}
