/**
 * Account (contract §5.4, §6): profile, password, signed-in devices, log out everywhere, delete. Signed-in
 * only; each section is its own component and talks to the API on its own.
 */
import { useEffect, useState } from 'preact/hooks';
import { AccountDelete } from '../components/account-delete.js';
import { AccountLogoutAll } from '../components/account-logout-all.js';
import { AccountPassword } from '../components/account-password.js';
import { AccountProfile } from '../components/account-profile.js';
import { SessionList } from '../components/session-list.js';
import { useSession } from '../use-session.js';
import { LogInPrompt } from '../components/log-in-prompt.js';
import './account.css';

export function AccountPage() {
  const session = useSession();
  // Bumped after a password change, which ends the other sessions: the list is fetched again.
  const [sessionsVersion, setSessionsVersion] = useState(0);

  useEffect(() => {
    document.title = 'Account · Tessera';
  }, []);

  if (!session) return <LogInPrompt title="Account" to="to manage your account" />;
  const { user } = session;

  return (
    <div class="account-page">
      <h1>Account</h1>
      <p class="account-links">
        <a href={`/users/${user.id}`}>View your public page</a>
      </p>
      <AccountProfile key={user.id} user={user} />
      <AccountPassword userId={user.id} username={user.username} onChanged={() => setSessionsVersion((n) => n + 1)} />
      <section class="account-section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p class="account-hint">Devices signed in to your account. Revoke any you do not recognise.</p>
        <SessionList userId={user.id} reload={sessionsVersion} />
        <AccountLogoutAll />
      </section>
      <AccountDelete userId={user.id} username={user.username} />
    </div>
  );
}
