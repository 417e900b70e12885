/** Create an account (contract §5.3/§5.4); field errors come from the problem document's `errors`. */
import { useState } from 'preact/hooks';
import { api, ApiError, describeError } from '../api/client.js';
import { setSession } from '../api/session.js';
import type { AuthResponse } from '../api/types.js';
import { Field } from '../components/field.js';
import { navigate } from '../router.js';

export function RegisterPage() {
  const [email, setEmail] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      const auth = await api<AuthResponse>('/auth/register', { method: 'POST', body: { email, username, password } });
      setSession({ user: auth.user, accessToken: auth.access_token, refreshToken: auth.refresh_token });
      navigate('/');
    } catch (err) {
      const fields = err instanceof ApiError ? (err.problem?.errors ?? []) : [];
      setErrors(fields.length > 0 ? fields.map((f) => `${f.field.replace(/^body\./, '')}: ${f.message}`) : [describeError(err)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="form-page">
      <h1>Register</h1>
      <form onSubmit={(e) => void submit(e)}>
        <Field id="reg-email" label="Email" type="email" autoComplete="email" required value={email} onValue={setEmail} />
        <Field
          id="reg-username"
          label="Username"
          autoComplete="username"
          required
          minLength={3}
          maxLength={32}
          pattern="[A-Za-z0-9_]+"
          value={username}
          onValue={setUsername}
        />
        <Field
          id="reg-password"
          label="Password (12 characters or more)"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onValue={setPassword}
        />
        {errors.length > 0 && (
          <ul class="error" role="alert">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
        <button type="submit" disabled={busy}>
          Create account
        </button>
      </form>
      <p>
        Have an account? <a href="/login">Log in</a>
      </p>
    </section>
  );
}
