/**
 * Delete the account (contract §6 DELETE /users/{id} with `{password}`): asked twice (the password, then a
 * confirm), and afterwards the app is signed out, since the server has ended every session.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { setSession } from '../api/session.js';
import { navigate } from '../router.js';
import { AccountField } from './account-field.js';
import { formErrors, NO_ERRORS, type FormErrors } from './account-errors.js';
import { AccountFormEnd } from './account-form-end.js';

export function AccountDelete({ userId, username }: { userId: string; username: string }) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!confirm(`Delete the account @${username}? Its images, albums, likes and comments will be removed. This cannot be undone.`)) return;
    setBusy(true);
    try {
      await api<undefined>(`/users/${userId}`, { method: 'DELETE', body: { password } });
      setSession(null);
      navigate('/');
    } catch (err) {
      setErrors(formErrors(err, ['password']));
      setBusy(false);
    }
  }

  return (
    <section class="account-section account-danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete account</h2>
      <p>
        Deleting your account signs you out everywhere and removes your images, albums, likes and comments. This cannot be
        undone.
      </p>
      <form class="account-form" onSubmit={(e) => void submit(e)}>
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <AccountField
          id="delete-password"
          label="Your password"
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={errors.fields.password}
        />
        <AccountFormEnd error={errors.form} busy={busy} danger>
          Delete my account
        </AccountFormEnd>
      </form>
    </section>
  );
}
