import type { Clock } from '../../../domain/shared/clock.js';
import type { SessionState } from '../../../domain/identity/session.js';
import type { SessionStore } from '../../../domain/identity/session-store.js';

/** In-process twin of the Redis session store (embedded mode). Expired entries are dropped lazily. */
export function memorySessionStore(clock: Clock, options: { tombstoneTtlS: number }): SessionStore {
  const sessions = new Map<string, { state: SessionState; keepUntil: number }>();
  const denied = new Map<string, number>();
  const now = () => clock.now().getTime();
  const live = (id: string) => {
    const entry = sessions.get(id);
    if (entry && entry.keepUntil <= now()) {
      sessions.delete(id);
      return undefined;
    }
    return entry;
  };
  const sweep = () => {
    // Amortised clean-up so long-running processes do not accumulate dead sessions and denied tokens.
    const t = now();
    for (const [id, entry] of sessions) if (entry.keepUntil <= t) sessions.delete(id);
    for (const [jti, until] of denied) if (until <= t) denied.delete(jti);
  };
  let writes = 0;
  const wrote = () => {
    if (++writes % 1000 === 0) sweep();
  };
  return {
    async check(sessionId, tokenId) {
      const until = denied.get(tokenId);
      return { session: live(sessionId)?.state ?? null, denied: until !== undefined && until > now() };
    },
    async put(state) {
      // Revocation is permanent: a put racing a revoke must not bring the session back.
      const revoked = state.revoked || live(state.sessionId)?.state.revoked === true;
      sessions.set(state.sessionId, { state: { ...state, revoked }, keepUntil: Math.max(state.expiresAt.getTime(), now() + 1000) });
      wrote();
    },
    async revoke(sessionIds) {
      for (const id of sessionIds) {
        const entry = live(id);
        if (entry) entry.state = { ...entry.state, revoked: true };
        else {
          const tombstone: SessionState = { sessionId: id, userId: '', role: 'user', lastUsedAt: new Date(0), expiresAt: new Date(0), revoked: true };
          sessions.set(id, { state: tombstone, keepUntil: now() + options.tombstoneTtlS * 1000 });
        }
      }
      wrote();
    },
    async setRole(sessionIds, role) {
      for (const id of sessionIds) {
        const entry = live(id);
        if (entry) entry.state = { ...entry.state, role };
      }
    },
    async deny(tokenId, until) {
      if (until.getTime() > now()) denied.set(tokenId, until.getTime());
      wrote();
    },
  };
}
