/** A labelled text input bound to a string state: the one shape every account form repeats. */
import type { JSX } from 'preact';

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput'>;

export interface FieldProps extends InputProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onValue: (value: string) => void;
}

export function Field({ id, label, value, onValue, ...input }: FieldProps) {
  return (
    <>
      <label for={id}>{label}</label>
      <input id={id} value={value} onInput={(e) => onValue(e.currentTarget.value)} {...input} />
    </>
  );
}
