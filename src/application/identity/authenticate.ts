import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import { isSessionActive } from '../../domain/identity/session.js';
import { UnauthorizedError } from '../../domain/shared/errors.js';

type Deps = Pick<Ports, 'tokenSigner' | 'sessionStore' | 'sessions' | 'users' | 'clock' | 'logger'>;

// Contract §5.2 step 4: last use is written at most this often per session.
const TOUCH_EVERY_MS = 5 * 60 * 1000;
const revoked = () => new UnauthorizedError('auth.session_revoked', 'the access token is no longer valid', { invalidToken: true });

/**
 * Verifies a bearer token (contract §5.2): signature and claims, then one session-store round trip for the
 * session and the denylist. A store miss is filled from the database. The role comes from the session, so
 * role changes and revocations apply to live tokens at once. A store outage propagates as 503.
 */
export async function authenticate(deps: Deps, token: string): Promise<UserActor> {
  const claims = await deps.tokenSigner.verify(token);
  const now = deps.clock.now();
  const { session: cached, denied } = await deps.sessionStore.check(claims.sid, claims.jti);
  if (denied) throw revoked();
  const session = cached ?? (await loadSession(deps, claims.sid));
  if (!session || session.userId !== claims.sub || !isSessionActive(session, now)) throw revoked();

  if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    // Not worth failing the request over: the next request tries again.
    try {
      await deps.sessions.touch(session.sessionId, { lastUsedAt: now });
      await deps.sessionStore.put({ ...session, lastUsedAt: now });
    } catch (err) {
      deps.logger.warn({ err, session_id: session.sessionId }, 'could not record session use');
    }
  }
  return {
    kind: 'user',
    userId: session.userId,
    role: session.role,
    sessionId: session.sessionId,
    tokenId: claims.jti,
    tokenExpiresAt: new Date(claims.exp * 1000),
  };
}

async function loadSession(deps: Deps, sessionId: string) {
  const session = await deps.sessions.findById(sessionId);
  if (!session) return null;
  const user = await deps.users.findById(session.userId);
  if (!user) return null;
  const state = {
    sessionId,
    userId: user.id,
    role: user.role,
    lastUsedAt: session.lastUsedAt,
    expiresAt: session.expiresAt,
    revoked: session.revokedAt !== null || user.status !== 'active',
  };
  await deps.sessionStore.put(state);
  return state;
}
