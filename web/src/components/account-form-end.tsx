/** The end of every account form: the error not tied to a field, the submit button, and the success status. */
import type { ComponentChildren } from 'preact';

export interface AccountFormEndProps {
  readonly error: string | null;
  readonly busy: boolean;
  readonly children: ComponentChildren;
  /** Announced (aria-live) when the form succeeded; '' otherwise. */
  readonly status?: string;
  readonly danger?: boolean;
}

export function AccountFormEnd({ error, busy, children, status, danger }: AccountFormEndProps) {
  return (
    <>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="account-actions">
        <button type="submit" class={danger ? 'account-danger-button' : undefined} disabled={busy}>
          {children}
        </button>
        {status !== undefined && (
          <span class="account-status" role="status">
            {status}
          </span>
        )}
      </div>
    </>
  );
}
