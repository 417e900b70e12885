import type { Role } from './role.js';
import type { SessionState } from './session.js';

/**
 * The hot copy of session state and the access-token denylist (Redis, or in process when embedded). The
 * durable session lives in the database; a miss here is re-filled from there. Every method throws
 * UnavailableError when the store cannot be reached — authentication then answers 503, never fails open.
 */
export interface SessionStore {
  /** One round trip: the session's state (`null` when unknown here) and whether `tokenId` is deny-listed. */
  check(sessionId: string, tokenId: string): Promise<{ session: SessionState | null; denied: boolean }>;
  /** Writes the state; it is kept until `expiresAt` (revoked ones too, as tombstones). Never un-revokes. */
  put(state: SessionState): Promise<void>;
  /** Marks the sessions revoked. Revoking an unknown session succeeds. */
  revoke(sessionIds: readonly string[]): Promise<void>;
  /** Updates the role of the given sessions that are present here. */
  setRole(sessionIds: readonly string[], role: Role): Promise<void>;
  /** Denies the access token `tokenId` until `until` (its `exp`). */
  deny(tokenId: string, until: Date): Promise<void>;
}
