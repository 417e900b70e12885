import type { Role } from './role.js';

/** A login session (contract §5.1): one per login or registration, with exactly one refresh-token family. */
export interface Session {
  readonly id: string;
  readonly userId: string;
  /** The single client address resolved per TRUST_PROXY, no port. */
  readonly ipAddress: string;
  /** The User-Agent header truncated to 512 characters, or "". */
  readonly userAgent: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date;
  /** When its newest refresh token expires. */
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

/** What request authentication needs of a session, kept in the session store for one-round-trip checks. */
export interface SessionState {
  readonly sessionId: string;
  readonly userId: string;
  /** The user's current role: role changes apply to live tokens at once (contract §5.2). */
  readonly role: Role;
  readonly lastUsedAt: Date;
  readonly expiresAt: Date;
  readonly revoked: boolean;
}

export const USER_AGENT_MAX = 512;

export function isSessionActive(state: { revoked: boolean; expiresAt: Date }, now: Date): boolean {
  return !state.revoked && state.expiresAt.getTime() > now.getTime();
}

/** Truncates by code points so a surrogate pair is never cut in half. */
export function truncateUserAgent(header: string | undefined): string {
  if (!header) return '';
  const chars = Array.from(header);
  return chars.length <= USER_AGENT_MAX ? header : chars.slice(0, USER_AGENT_MAX).join('');
}
