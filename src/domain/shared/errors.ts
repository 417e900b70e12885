/**
 * Typed domain errors. Domain code and use cases throw these; `interfaces/http/problem.ts` maps them to
 * problem+json once. `kind` is the contract's problem slug, `code` is a stable dotted id for logs and tests.
 */
export type ErrorKind =
  | 'validation-error'
  | 'bad-request'
  | 'unauthorized'
  | 'invalid-credentials'
  | 'token-reused'
  | 'forbidden'
  | 'account-banned'
  | 'account-pending'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'malware-detected'
  | 'dimensions-exceeded'
  | 'unprocessable'
  | 'account-locked'
  | 'rate-limited'
  | 'service-unavailable';

/** One failing input, with its path relative to the request location (`email`, `image_ids.3`). */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface ErrorMeta {
  /** Seconds a client should wait before retrying (429, 503). */
  readonly retryAfterS?: number;
  /** For `account-banned`: end of the ban, `null` when permanent. */
  readonly bannedUntil?: Date | null;
  readonly banReason?: string;
  /** A presented access token was invalid, so the 401 challenge says `error="invalid_token"`. */
  readonly invalidToken?: boolean;
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly detail: string;
  readonly fields: readonly FieldError[] | undefined;
  readonly meta: ErrorMeta;

  constructor(
    kind: ErrorKind,
    code: string,
    detail: string,
    options: { fields?: readonly FieldError[]; meta?: ErrorMeta; cause?: unknown } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.code = code;
    this.detail = detail;
    this.fields = options.fields;
    this.meta = options.meta ?? {};
  }
}

export class ValidationError extends DomainError {
  constructor(code: string, fields: readonly FieldError[], detail?: string) {
    super('validation-error', code, detail ?? describeFields(fields), { fields });
  }
}

export class BadRequestError extends DomainError {
  constructor(code: string, detail: string) {
    super('bad-request', code, detail);
  }
}

export class NotFoundError extends DomainError {
  /** `what` names the resource in the detail ("image not found"); never says why it is hidden. */
  constructor(code: string, what: string) {
    super('not-found', code, `${what} not found`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: string, detail: string) {
    super('forbidden', code, detail);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, detail: string, fields?: readonly FieldError[]) {
    super('conflict', code, detail, fields ? { fields } : {});
  }
}

export class UnauthorizedError extends DomainError {
  constructor(code: string, detail: string, options: { invalidToken?: boolean } = {}) {
    super('unauthorized', code, detail, { meta: { invalidToken: options.invalidToken ?? false } });
  }
}

/** A dependency is down or slow; never carries the dependency's own message to the client. */
export class UnavailableError extends DomainError {
  constructor(code: string, detail: string, options: { retryAfterS?: number; cause?: unknown } = {}) {
    const meta: ErrorMeta = options.retryAfterS === undefined ? {} : { retryAfterS: options.retryAfterS };
    super('service-unavailable', code, detail, { meta, cause: options.cause });
  }
}

function describeFields(fields: readonly FieldError[]): string {
  const first = fields[0];
  if (!first) return 'the request is not valid';
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return `${first.field}: ${first.message}${more}`;
}
