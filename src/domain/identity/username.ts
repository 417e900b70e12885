import { ValidationError } from '../shared/errors.js';
import { lengthProblem, nonStringProblem, normalizeText } from '../shared/text.js';

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 32;

const USERNAME_PATTERN = /^[A-Za-z0-9_]+$/;

/**
 * Names nobody may register, compared case-insensitively (contract 5.3). Fixed in code, not configurable,
 * because they protect staff impersonation and well-known mailbox names on every deployment.
 * `no-reply` cannot pass the pattern anyway; it stays so the list matches the contract word for word.
 */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  'admin', 'root', 'system', 'administrator', 'moderator', 'mod', 'support', 'help', 'api', 'www', 'ftp',
  'mail', 'postmaster', 'hostmaster', 'webmaster', 'abuse', 'noreply', 'no-reply', 'security', 'info',
  'marketing', 'sales', 'billing', 'legal', 'privacy', 'terms', 'guest', 'anonymous', 'null', 'undefined',
  'test', 'demo', 'tessera', 'staff',
]);

/** Display form as stored: NFC and trimmed, case preserved so `Alice` stays `Alice`. */
export function normalizeUsername(raw: string): string {
  return normalizeText(raw, { multiline: false });
}

/**
 * Key for case-insensitive uniqueness and lookups (`Alice` blocks `alice`). Usernames are ASCII, so plain
 * lowercasing is a complete case fold here.
 */
export function usernameKey(username: string): string {
  return username.toLowerCase();
}

/** Reserved names are refused in any letter case (`Admin`, `ROOT`). */
export function isReservedUsername(username: string): boolean {
  return RESERVED_USERNAMES.has(usernameKey(username));
}

/** Why a normalised username is refused, or `undefined`; the message completes "username …". */
export function usernameProblem(username: string): string | undefined {
  const length = lengthProblem(username, USERNAME_MIN_LENGTH, USERNAME_MAX_LENGTH);
  if (length !== undefined) return length;
  if (!USERNAME_PATTERN.test(username)) return 'must contain only letters, digits and underscores';
  if (isReservedUsername(username)) return 'is reserved';
  return undefined;
}

/**
 * Validates raw input for a new username and returns its stored form.
 * @throws ValidationError `user.invalid_username` naming `field` (default `username`).
 */
export function parseUsername(raw: unknown, field = 'username'): string {
  if (typeof raw !== 'string') throw invalidUsername(field, nonStringProblem(raw));
  const username = normalizeUsername(raw);
  const message = usernameProblem(username);
  if (message !== undefined) throw invalidUsername(field, message);
  return username;
}

function invalidUsername(field: string, message: string): ValidationError {
  return new ValidationError('user.invalid_username', [{ field, message }]);
}
