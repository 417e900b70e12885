/**
 * A labelled input or textarea with its own error line: the error is tied to the control (aria-describedby,
 * aria-invalid) and announced, so a failing field is found both by eye and by screen reader.
 */
import type { JSX } from 'preact';

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput' | 'multiple'>;

export interface AccountFieldProps extends InputProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly error?: string | undefined;
  /** A hint under the label (e.g. a length rule), also tied to the control. */
  readonly hint?: string;
  /** A multi-line textarea with this many rows instead of an input. */
  readonly multiline?: number;
}

export function AccountField({ id, label, value, onValue, error, hint, multiline, ...input }: AccountFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errorId].filter((x) => x !== null).join(' ');
  const shared = {
    id,
    value,
    'aria-invalid': error === undefined ? undefined : true,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  } as const;
  return (
    <div class="account-field">
      <label for={id}>{label}</label>
      {hint !== undefined && (
        <span id={hintId} class="account-hint">
          {hint}
        </span>
      )}
      {multiline === undefined ? (
        <input {...input} {...shared} onInput={(e) => onValue(e.currentTarget.value)} />
      ) : (
        <textarea
          {...shared}
          rows={multiline}
          maxLength={input.maxLength}
          required={input.required}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
      {error !== undefined && (
        <p id={errorId} class="account-field-error error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
