import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { Session } from '../../domain/identity/session.js';
import { findManageableUser } from './resolve-user-target.js';

/** Active sessions of the user, most recently used first; `isCurrent` marks the caller's own. */
export async function listSessions(
  deps: Pick<Ports, 'users' | 'sessions' | 'clock'>,
  actor: UserActor,
  id: string,
): Promise<{ session: Session; isCurrent: boolean }[]> {
  const user = await findManageableUser(deps, actor, id);
  const sessions = await deps.sessions.listActive(user.id, deps.clock.now());
  return sessions.map((session) => ({ session, isCurrent: session.id === actor.sessionId }));
}
