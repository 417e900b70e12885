import { ValidationError } from '../shared/errors.js';
import { hasControlCharacters, isWellFormedText, lengthProblem, nonStringProblem } from '../shared/text.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Lowercased common passwords. Infrastructure loads `data/common-passwords.txt` (or `COMMON_PASSWORDS_FILE`);
 * a `ReadonlySet<string>` built with `commonPasswordSet` fits, and so would a compact filter.
 */
export interface CommonPasswords {
  has(lowercasedPassword: string): boolean;
}

/** What a new password is compared against besides its own rules. */
export interface PasswordContext {
  readonly commonPasswords: CommonPasswords;
  /** The account's username and normalised email; absent ones are simply not compared. */
  readonly username?: string | undefined;
  readonly email?: string | undefined;
}

/**
 * Canonical form hashed and verified. NFKC makes a fullwidth or ligature spelling equal to its plain one,
 * so the same typed password verifies from any keyboard. Never trimmed: spaces are part of a password.
 * Login and change-password confirmation use this alone, without the policy.
 */
export function normalizePassword(raw: string): string {
  return raw.normalize('NFKC');
}

/** Builds the lookup set from list entries with the same folding the check uses. */
export function commonPasswordSet(entries: Iterable<string>): ReadonlySet<string> {
  const passwords = new Set<string>();
  for (const entry of entries) passwords.add(foldPassword(entry));
  return passwords;
}

/**
 * Why a normalised new password is refused, or `undefined`; the message completes "password …".
 * Deliberately no composition rules (NIST SP 800-63B): length plus a blocklist.
 */
export function passwordProblem(password: string, context: PasswordContext): string | undefined {
  if (!isWellFormedText(password)) return 'must be valid Unicode text';
  if (hasControlCharacters(password, { multiline: false })) return 'must not contain control characters';
  const length = lengthProblem(password, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH);
  if (length !== undefined) return length;
  const folded = foldPassword(password);
  if (context.commonPasswords.has(folded)) return 'is too common';
  if (context.username !== undefined && folded === foldPassword(context.username)) {
    return 'must not be the same as the username';
  }
  if (context.email !== undefined && folded === foldPassword(context.email)) {
    return 'must not be the same as the email';
  }
  return undefined;
}

/**
 * Validates a raw new password (registration, `new_password`, admin bootstrap) and returns the form to hash.
 * @throws ValidationError `user.invalid_password` naming `field` (default `password`).
 */
export function parsePassword(raw: unknown, context: PasswordContext, field = 'password'): string {
  if (typeof raw !== 'string') throw invalidPassword(field, nonStringProblem(raw));
  const password = normalizePassword(raw);
  const message = passwordProblem(password, context);
  if (message !== undefined) throw invalidPassword(field, message);
  return password;
}

// The list and the comparisons are case-insensitive; NFKC first so list entries and input fold alike.
function foldPassword(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

function invalidPassword(field: string, message: string): ValidationError {
  return new ValidationError('user.invalid_password', [{ field, message }]);
}
