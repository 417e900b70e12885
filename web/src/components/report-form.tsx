/**
 * "Report" for signed-in viewers other than the owner: an inline panel with a reason and a description
 * (required for "other", contract §12.1), POST /reports. Anonymous visitors get a login link instead.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, describeError } from '../api/client.js';
import type { ReportReason, ReportReceipt } from '../api/types.js';

const REASONS: readonly { value: ReportReason; label: string }[] = [
  { value: 'spam', label: 'Spam' },
  { value: 'inappropriate', label: 'Inappropriate content' },
  { value: 'copyright', label: 'Copyright infringement' },
  { value: 'harassment', label: 'Harassment' },
  { value: 'other', label: 'Other' },
];

type State = 'closed' | 'open' | 'sent';

export function ReportControl({ imageId, signedIn, isOwner }: { imageId: string; signedIn: boolean; isOwner: boolean }) {
  const [state, setState] = useState<State>('closed');
  const [reason, setReason] = useState<ReportReason>('spam');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const previous = useRef<State>('closed');

  // Focus follows the panel: into it when it opens, back to the Report button when it closes.
  useEffect(() => {
    if (state === 'open') select.current?.focus();
    else if (previous.current === 'open') button.current?.focus();
    previous.current = state;
  }, [state]);

  if (!signedIn) {
    return (
      <p class="report">
        <a href="/login">Log in to report</a> this image.
      </p>
    );
  }
  if (isOwner) return null;

  async function submit(event: Event) {
    event.preventDefault();
    if (reason === 'other' && description.trim() === '') {
      setError('Please describe the problem: a description is required when the reason is “Other”.');
      return;
    }
    setBusy(true);
    try {
      await api<ReportReceipt>('/reports', { method: 'POST', body: { image_id: imageId, reason, description } });
      setState('sent');
      setDescription('');
      setError(null);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 409
          ? 'You have already reported this image, and that report is still open: a moderator will review it.'
          : describeError(err),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="report" aria-label="Report">
      {state !== 'open' && (
        <p>
          <button
            ref={button}
            type="button"
            onClick={() => {
              setState('open');
              setError(null);
            }}
          >
            Report…
          </button>
        </p>
      )}
      {state === 'sent' && (
        <p class="report-sent" role="status">
          Thanks — a moderator will review it.
        </p>
      )}
      {state === 'open' && (
        <form class="report-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="report-heading">
          <h2 id="report-heading">Report this image</h2>
          <label for="report-reason">Reason</label>
          <select ref={select} id="report-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value as ReportReason)}>
            {REASONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <label for="report-description">Description{reason === 'other' ? ' (required)' : ' (optional)'}</label>
          <textarea
            id="report-description"
            rows={3}
            maxLength={1000}
            required={reason === 'other'}
            aria-describedby={error !== null ? 'report-error' : undefined}
            value={description}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
          {error !== null && (
            <p id="report-error" class="error" role="alert">
              {error}
            </p>
          )}
          <div class="form-buttons">
            <button type="submit" disabled={busy}>
              Send report
            </button>
            <button type="button" onClick={() => setState('closed')}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
