import { ValidationError } from '../shared/errors.js';
import { codePointLength, nonStringProblem, normalizeText } from '../shared/text.js';

/** Longest accepted address, in code points after normalisation (contract 5.3). */
export const EMAIL_MAX_LENGTH = 255;

/** The contract's pattern, verbatim, so the API and its documentation cannot drift apart. */
export const EMAIL_PATTERN = /^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$/;

/**
 * Lowercased disposable-mail domains. Infrastructure loads them from `data/disposable-domains.txt` and
 * `DISPOSABLE_DOMAINS_FILE`; a `ReadonlySet<string>` built with `disposableDomainSet` fits.
 */
export interface DisposableDomains {
  has(domain: string): boolean;
}

/**
 * Canonical form used for storage, uniqueness and login lookup, so `Alice@Example.com ` and
 * `alice@example.com` are one account. Login uses this alone; it must not reject anything.
 */
export function normalizeEmail(raw: string): string {
  return normalizeText(raw, { multiline: false }).toLowerCase();
}

/** Builds the lookup set from list entries, folding case so the file's spelling does not matter. */
export function disposableDomainSet(entries: Iterable<string>): ReadonlySet<string> {
  const domains = new Set<string>();
  for (const entry of entries) {
    const domain = entry.trim().toLowerCase();
    if (domain !== '') domains.add(domain);
  }
  return domains;
}

/**
 * True when `domain` is listed or is a subdomain of a listed one (`x.mailinator.com`). Matching whole labels
 * rather than string suffixes keeps `notmailinator.com` allowed.
 */
export function isDisposableDomain(domain: string, disposable: DisposableDomains): boolean {
  let candidate = domain.toLowerCase();
  for (;;) {
    if (disposable.has(candidate)) return true;
    const dot = candidate.indexOf('.');
    if (dot < 0) return false;
    candidate = candidate.slice(dot + 1);
  }
}

/** Why a normalised address is refused, or `undefined`; the message completes "email …". */
export function emailProblem(email: string, disposable: DisposableDomains): string | undefined {
  // Length first: it bounds the regex's work and is the clearer message for a huge input.
  if (codePointLength(email) > EMAIL_MAX_LENGTH) return `must be at most ${EMAIL_MAX_LENGTH} characters`;
  if (!EMAIL_PATTERN.test(email)) return 'must be a valid email address';
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (isDisposableDomain(domain, disposable)) return 'must not use a disposable email domain';
  return undefined;
}

/**
 * Validates raw input for a new or changed email and returns its canonical form.
 * @throws ValidationError `user.invalid_email` naming `field` (default `email`).
 */
export function parseEmail(raw: unknown, disposable: DisposableDomains, field = 'email'): string {
  if (typeof raw !== 'string') throw invalidEmail(field, nonStringProblem(raw));
  const email = normalizeEmail(raw);
  const message = emailProblem(email, disposable);
  if (message !== undefined) throw invalidEmail(field, message);
  return email;
}

function invalidEmail(field: string, message: string): ValidationError {
  return new ValidationError('user.invalid_email', [{ field, message }]);
}
