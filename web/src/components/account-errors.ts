/** Splits an API failure into messages per form field (from `problem.errors`) and one for the whole form. */
import { ApiError, describeError } from '../api/client.js';

export interface FormErrors {
  /** Keyed by the field name without its location: `body.current_password` → `current_password`. */
  readonly fields: Readonly<Record<string, string>>;
  /** Words for what no field explains; null when every error sits next to its field. */
  readonly form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

export function formErrors(err: unknown, known: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  const entries = err instanceof ApiError ? (err.problem?.errors ?? []) : [];
  for (const { field, message } of entries) {
    const name = field.replace(/^body\./, '');
    if (known.includes(name)) fields[name] = fields[name] === undefined ? message : `${fields[name]}; ${message}`;
    else unplaced.push(`${field}: ${message}`);
  }
  if (entries.length === 0) return { fields, form: describeError(err) };
  return { fields, form: unplaced.length === 0 ? null : unplaced.join('; ') };
}
