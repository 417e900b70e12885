import { ValidationError } from '../shared/errors.js';
import { nonStringProblem, normalizeText, textProblem, type TextRule } from '../shared/text.js';

/** Shown wherever a user appears; one line, 1–100 code points (contract 5.3). */
export const DISPLAY_NAME_RULE: TextRule = { min: 1, max: 100, multiline: false };

/** Free-form profile text; may hold line breaks and tabs, 0–500 code points (contract 5.3). */
export const BIO_RULE: TextRule = { min: 0, max: 500, multiline: true };

/** A new account's bio until the user writes one. */
export const DEFAULT_BIO = '';

/** Stored form of a display name: NFC, trimmed. */
export function normalizeDisplayName(raw: string): string {
  return normalizeText(raw, DISPLAY_NAME_RULE);
}

/** Stored form of a bio: NFC, `\r\n` → `\n`, trimmed. */
export function normalizeBio(raw: string): string {
  return normalizeText(raw, BIO_RULE);
}

/** Why a normalised display name is refused, or `undefined`; the message completes "display_name …". */
export function displayNameProblem(displayName: string): string | undefined {
  return textProblem(displayName, DISPLAY_NAME_RULE);
}

/** Why a normalised bio is refused, or `undefined`; the message completes "bio …". */
export function bioProblem(bio: string): string | undefined {
  return textProblem(bio, BIO_RULE);
}

/**
 * Validates a supplied display name. Defaulting to the username when absent is the caller's choice, since
 * on PATCH an absent key means "unchanged" instead.
 * @throws ValidationError `user.invalid_display_name` naming `field` (default `display_name`).
 */
export function parseDisplayName(raw: unknown, field = 'display_name'): string {
  if (typeof raw !== 'string') throw invalidProfile('user.invalid_display_name', field, nonStringProblem(raw));
  const displayName = normalizeDisplayName(raw);
  const message = displayNameProblem(displayName);
  if (message !== undefined) throw invalidProfile('user.invalid_display_name', field, message);
  return displayName;
}

/**
 * Validates a supplied bio; an empty string is valid and clears it.
 * @throws ValidationError `user.invalid_bio` naming `field` (default `bio`).
 */
export function parseBio(raw: unknown, field = 'bio'): string {
  if (typeof raw !== 'string') throw invalidProfile('user.invalid_bio', field, nonStringProblem(raw));
  const bio = normalizeBio(raw);
  const message = bioProblem(bio);
  if (message !== undefined) throw invalidProfile('user.invalid_bio', field, message);
  return bio;
}

function invalidProfile(code: string, field: string, message: string): ValidationError {
  return new ValidationError(code, [{ field, message }]);
}
