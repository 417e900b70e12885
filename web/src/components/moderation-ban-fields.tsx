/** The fields of a ban, shared by the report's "ban" resolution and the Bans page: reason and length. */
import type { BanFieldsState, DurationUnit, FieldProblem } from '../moderation-requests.js';

export interface BanFieldsProps {
  /** Prefix of the controls' ids, unique on the page. */
  readonly id: string;
  readonly value: BanFieldsState;
  readonly onChange: (value: BanFieldsState) => void;
  readonly problems: readonly FieldProblem[];
}

export function BanFields({ id, value, onChange, problems }: BanFieldsProps) {
  const reasonProblem = problems.find((p) => p.field === 'reason')?.message;
  const durationProblem = problems.find((p) => p.field === 'duration')?.message;
  return (
    <fieldset class="mod-ban-fields">
      <legend>Ban</legend>
      <label for={`${id}-reason`}>Ban reason (the user sees it when logging in)</label>
      <input
        id={`${id}-reason`}
        value={value.reason}
        required
        aria-invalid={reasonProblem !== undefined}
        aria-describedby={reasonProblem !== undefined ? `${id}-reason-problem` : undefined}
        onInput={(e) => onChange({ ...value, reason: e.currentTarget.value })}
      />
      {reasonProblem !== undefined && (
        <p class="error" id={`${id}-reason-problem`} role="alert">
          {reasonProblem}
        </p>
      )}
      <label for={`${id}-unit`}>Length</label>
      <div class="mod-duration">
        <select id={`${id}-unit`} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.currentTarget.value as DurationUnit })}>
          <option value="permanent">Permanent</option>
          <option value="hours">Hours</option>
          <option value="days">Days</option>
        </select>
        {value.unit !== 'permanent' && (
          <>
            <label class="visually-hidden" for={`${id}-amount`}>
              Number of {value.unit}
            </label>
            <input
              id={`${id}-amount`}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              required
              placeholder={`number of ${value.unit}`}
              value={value.amount}
              aria-invalid={durationProblem !== undefined}
              aria-describedby={durationProblem !== undefined ? `${id}-duration-problem` : undefined}
              onInput={(e) => onChange({ ...value, amount: e.currentTarget.value })}
            />
          </>
        )}
      </div>
      {durationProblem !== undefined && (
        <p class="error" id={`${id}-duration-problem`} role="alert">
          {durationProblem}
        </p>
      )}
    </fieldset>
  );
}
