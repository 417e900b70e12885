/** "Ban a user" (POST /users/{id}/ban): the API takes an id, so a bare id or a pasted profile link is accepted. */
import { useState } from 'preact/hooks';
import { api, ApiError, describeError } from '../../api/client.js';
import type { Ban } from '../../api/types.js';
import { BanFields } from '../../components/moderation-ban-fields.js';
import { banRequest, EMPTY_BAN, type BanFieldsState, type FieldProblem } from '../../moderation-requests.js';

export function BanForm({ onBanned }: { onBanned: (ban: Ban) => void }) {
  const [user, setUser] = useState('');
  const [ban, setBan] = useState<BanFieldsState>(EMPTY_BAN);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const userProblem = problems.find((p) => p.field === 'user')?.message;

  async function submit(event: Event) {
    event.preventDefault();
    const built = banRequest(user, ban);
    setProblems(built.ok ? [] : built.problems);
    setError(null);
    setDone(null);
    if (!built.ok) return;
    setBusy(true);
    try {
      const made = await api<Ban>(`/users/${built.body.userId}/ban`, { method: 'POST', body: built.body.body });
      setDone(`Banned ${made.user.display_name} (@${made.user.username}), ${made.expires_at === null ? 'permanently' : `until ${new Date(made.expires_at).toLocaleString()}`}.`);
      setUser('');
      setBan(EMPTY_BAN);
      onBanned(made);
    } catch (err) {
      setError(refusal(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="mod-ban-form">
      <summary>Ban a user</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label for="ban-user">User id or profile link</label>
        <input
          id="ban-user"
          value={user}
          placeholder="/users/…"
          autoComplete="off"
          spellcheck={false}
          required
          aria-invalid={userProblem !== undefined}
          aria-describedby={userProblem !== undefined ? 'ban-user-problem' : undefined}
          onInput={(e) => {
            setUser(e.currentTarget.value);
            setProblems([]);
          }}
        />
        {userProblem !== undefined && (
          <p class="error" id="ban-user-problem" role="alert">
            {userProblem}
          </p>
        )}
        <BanFields
          id="ban"
          value={ban}
          onChange={(next) => {
            setBan(next);
            setProblems([]);
          }}
          problems={problems}
        />
        {error !== null && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {done !== null && (
          <p class="mod-done" role="status">
            {done}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Ban user
        </button>
      </form>
    </details>
  );
}

function refusal(err: unknown): string {
  if (!(err instanceof ApiError)) return describeError(err);
  if (err.status === 404) return 'There is no such user.';
  if (err.status === 409) return 'This user is already banned.';
  if (err.status === 403) return `You may not ban this user: ${describeError(err)}.`;
  return describeError(err);
}
