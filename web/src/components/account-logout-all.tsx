/** Log out everywhere (contract §5.4 `logout_all`): every session of the account ends, this one included. */
import { useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import { setSession } from '../api/session.js';
import { navigate } from '../router.js';

export function AccountLogoutAll() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function logOutAll() {
    if (!confirm('Log out of every device, including this one?')) return;
    setBusy(true);
    try {
      await api<undefined>('/auth/logout', { method: 'POST', body: { logout_all: true } });
      setSession(null);
      navigate('/login');
    } catch (err) {
      // Unlike a plain log-out, the tokens are kept: the other devices are still signed in, so say so.
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <div class="account-logout-all">
      <p>Lost a device, or signed in somewhere you should not have? End every session at once.</p>
      <button type="button" disabled={busy} onClick={() => void logOutAll()}>
        Log out everywhere
      </button>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
