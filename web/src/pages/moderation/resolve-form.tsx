/**
 * Closing a report (contract §12.2): the action as radio buttons, notes, and the ban's fields only for `ban`.
 * The body is built and checked by moderation-requests; the server's refusals are said in words here.
 */
import { useState } from 'preact/hooks';
import { api, ApiError, describeError } from '../../api/client.js';
import type { Report } from '../../api/types.js';
import { BanFields } from '../../components/moderation-ban-fields.js';
import { EMPTY_BAN, RESOLUTION_ACTIONS, resolveRequest, type FieldProblem, type ResolveFormState } from '../../moderation-requests.js';
import { ACTION_LABELS } from './report-details.js';

export interface ResolveFormProps {
  readonly report: Report;
  readonly onResolved: (report: Report) => void;
  /** 409: someone closed the report first; the page reloads it and says so. */
  readonly onClosedMeanwhile: (message: string) => void;
}

export function ResolveForm({ report, onResolved, onClosedMeanwhile }: ResolveFormProps) {
  const [state, setState] = useState<ResolveFormState>({ action: '', notes: '', ban: EMPTY_BAN });
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const actionProblem = problems.find((p) => p.field === 'action')?.message;
  // An edit retires the problems found at the last submit: they are checked again at the next.
  const update = (next: ResolveFormState) => {
    setState(next);
    setProblems([]);
  };
  const notesProblem = problems.find((p) => p.field === 'notes')?.message;

  async function submit(event: Event) {
    event.preventDefault();
    const built = resolveRequest(state);
    setProblems(built.ok ? [] : built.problems);
    setError(null);
    if (!built.ok) return;
    setBusy(true);
    try {
      onResolved(await api<Report>(`/moderation/reports/${report.id}/resolve`, { method: 'POST', body: built.body }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onClosedMeanwhile(`This report could not be resolved: ${describeError(err)}.`);
      else setError(refusal(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="mod-resolve" aria-labelledby="resolve-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="resolve-heading">Resolve</h2>
      <fieldset aria-describedby={actionProblem !== undefined ? 'resolve-action-problem' : undefined}>
        <legend>Action</legend>
        {RESOLUTION_ACTIONS.map((action) => (
          <label key={action} class="mod-radio">
            <input
              type="radio"
              name="resolve-action"
              value={action}
              checked={state.action === action}
              onChange={() => update({ ...state, action })}
            />{' '}
            {ACTION_LABELS[action]}
          </label>
        ))}
        {actionProblem !== undefined && (
          <p class="error" id="resolve-action-problem" role="alert">
            {actionProblem}
          </p>
        )}
      </fieldset>
      {state.action === 'ban' && <BanFields id="resolve-ban" value={state.ban} onChange={(ban) => update({ ...state, ban })} problems={problems} />}
      <label for="resolve-notes">Notes (for staff; optional)</label>
      <textarea
        id="resolve-notes"
        rows={3}
        value={state.notes}
        aria-invalid={notesProblem !== undefined}
        onInput={(e) => update({ ...state, notes: e.currentTarget.value })}
      />
      {notesProblem !== undefined && (
        <p class="error" role="alert">
          {notesProblem}
        </p>
      )}
      {error !== null && (
        <p class="error mod-resolve-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Resolve report
      </button>
    </form>
  );
}

/** The server's answer in words; a 403 here is a ban the caller may not make (§12.3). */
function refusal(err: unknown): string {
  if (err instanceof ApiError && err.status === 403) return `You may not do this: ${describeError(err)}.`;
  if (err instanceof ApiError && err.status === 400) {
    const fields = err.problem?.errors?.map((e) => `${e.field.replace(/^body\./, '')} ${e.message}`) ?? [];
    return fields.length > 0 ? `${describeError(err)}: ${fields.join('; ')}.` : describeError(err);
  }
  return describeError(err);
}
