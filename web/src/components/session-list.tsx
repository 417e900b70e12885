/**
 * The account's signed-in devices (contract §6 GET /users/{id}/sessions) with a Revoke button on each.
 * Revoking this device's own session is a log-out: the tokens are dropped and the login page shown.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import { setSession } from '../api/session.js';
import type { SessionInfo } from '../api/types.js';
import { navigate } from '../router.js';
import { SessionItem } from './session-item.js';

/** `reload` changes when something elsewhere on the page ended sessions (a password change). */
export function SessionList({ userId, reload }: { userId: string; reload: number }) {
  const [sessions, setSessions] = useState<readonly SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const now = useNow(60_000);

  useEffect(() => {
    const controller = new AbortController();
    api<{ items: SessionInfo[] }>(`/users/${userId}/sessions`, { signal: controller.signal })
      .then((page) => {
        setSessions(page.items);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(describeError(err));
      });
    return () => controller.abort();
  }, [userId, reload]);

  async function revoke(session: SessionInfo) {
    setBusyId(session.id);
    try {
      await api<undefined>(`/users/${userId}/sessions/${session.id}`, { method: 'DELETE' });
      if (session.is_current) {
        setSession(null);
        navigate('/login');
        return;
      }
      setSessions((previous) => previous?.filter((s) => s.id !== session.id) ?? null);
      setError(null);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      {sessions === null && error === null && <p class="loading">Loading…</p>}
      {sessions !== null && (
        <ul class="session-list" aria-label="Signed-in devices">
          {sessions.map((session) => (
            <SessionItem key={session.id} session={session} now={now} busy={busyId !== null} onRevoke={(s) => void revoke(s)} />
          ))}
        </ul>
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** The current time, refreshed every `ms` so "5 minutes ago" does not go stale while the page is open. */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
