import type { Ports } from '../ports.js';
import type { SessionState } from '../../domain/identity/session.js';

/**
 * Puts a new or refreshed session into the session store after its transaction committed. Best effort: the
 * database holds the session, and a store miss is re-filled from it, so a failed write only costs a lookup.
 */
export async function rememberSession(deps: Pick<Ports, 'sessionStore' | 'logger'>, state: SessionState): Promise<void> {
  try {
    await deps.sessionStore.put(state);
  } catch (err) {
    deps.logger.warn({ err, session_id: state.sessionId }, 'could not cache the session; it will be loaded from the database');
  }
}
