/**
 * Change password (contract §6 PUT /users/{id}/password). The server signs out every other session and
 * keeps this one, so the page stays signed in and the session list is reloaded (`onChanged`).
 */
import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { AccountField } from './account-field.js';
import { formErrors, NO_ERRORS, type FormErrors } from './account-errors.js';
import { AccountFormEnd } from './account-form-end.js';

/** Contract §5.3: 12–128 code points (not UTF-16 units, so an emoji counts once). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function codePoints(text: string): number {
  return [...text].length;
}

export function AccountPassword({ userId, username, onChanged }: { userId: string; username: string; onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  function checkLocally(): FormErrors | null {
    const fields: Record<string, string> = {};
    const length = codePoints(next);
    if (length < PASSWORD_MIN) fields.new_password = `The new password must be at least ${PASSWORD_MIN} characters.`;
    else if (length > PASSWORD_MAX) fields.new_password = `The new password must be at most ${PASSWORD_MAX} characters.`;
    if (confirm !== next) fields.confirm = 'The two new passwords do not match.';
    return Object.keys(fields).length === 0 ? null : { fields, form: null };
  }

  async function submit(event: Event) {
    event.preventDefault();
    setDone(false);
    const local = checkLocally();
    if (local) return setErrors(local);
    setBusy(true);
    try {
      await api<undefined>(`/users/${userId}/password`, { method: 'PUT', body: { current_password: current, new_password: next } });
      setCurrent('');
      setNext('');
      setConfirm('');
      setErrors(NO_ERRORS);
      setDone(true);
      onChanged();
    } catch (err) {
      setErrors(formErrors(err, ['current_password', 'new_password']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="account-section" aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <form class="account-form" onSubmit={(e) => void submit(e)}>
        {/* Lets password managers tie the new password to this account. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <AccountField
          id="password-current"
          label="Current password"
          type="password"
          required
          autoComplete="current-password"
          value={current}
          onValue={setCurrent}
          error={errors.fields.current_password}
        />
        <AccountField
          id="password-new"
          label="New password"
          hint={`At least ${PASSWORD_MIN} characters.`}
          type="password"
          required
          autoComplete="new-password"
          value={next}
          onValue={setNext}
          error={errors.fields.new_password}
        />
        <AccountField
          id="password-confirm"
          label="Confirm new password"
          type="password"
          required
          autoComplete="new-password"
          value={confirm}
          onValue={setConfirm}
          error={errors.fields.confirm}
        />
        <AccountFormEnd error={errors.form} busy={busy} status={done ? 'Password changed. Other devices were signed out.' : ''}>
          Change password
        </AccountFormEnd>
      </form>
    </section>
  );
}
