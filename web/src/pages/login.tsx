/** Log in by email (contract §5.4); the tokens go to the in-memory session. */
import { useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import { setSession, takeEndReason } from '../api/session.js';
import type { AuthResponse } from '../api/types.js';
import { Field } from '../components/field.js';
import { navigate } from '../router.js';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Read once: shown until the next attempt, gone on the next visit.
  const [ended] = useState(takeEndReason);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const auth = await api<AuthResponse>('/auth/login', { method: 'POST', body: { email, password } });
      setSession({ user: auth.user, accessToken: auth.access_token, refreshToken: auth.refresh_token });
      navigate(nextPath(location.search));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="form-page">
      <h1>Log in</h1>
      {ended !== null && error === null && (
        <p class="notice" role="status">
          {ended}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <Field id="login-email" label="Email" type="email" autoComplete="username" required value={email} onValue={setEmail} />
        <Field id="login-password" label="Password" type="password" autoComplete="current-password" required value={password} onValue={setPassword} />
        {error !== null && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>
          Log in
        </button>
      </form>
      <p>
        No account? <a href="/register">Register</a>
      </p>
    </section>
  );
}

/** Where to go after logging in: `?next=` when it is a path of this app (never another origin). */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
