/** Log out everywhere (contract §5.4 `logout_all`): every session of the account ends, this one included. */
import { api } from '../api/client.js';
import { setSession } from '../api/session.js';
import { navigate } from '../router.js';
import { ActionError } from '../components/action-error.js';
import { useAction } from '../use-action.js';

export function AccountLogoutAll() {
  const action = useAction();

  async function logOutAll() {
    if (!confirm('Log out of every device, including this one?')) return;
    // Unlike a plain log-out, a failure keeps the tokens: the other devices are still signed in, so say so.
    await action.run(async () => {
      await api<undefined>('/auth/logout', { method: 'POST', body: { logout_all: true } });
      setSession(null);
      navigate('/login');
    });
  }

  return (
    <div class="account-logout-all">
      <p>Lost a device, or signed in somewhere you should not have? End every session at once.</p>
      <button type="button" disabled={action.busy} onClick={() => void logOutAll()}>
        Log out everywhere
      </button>
      <ActionError error={action.error} />
    </div>
  );
}
