/**
 * The signed-in user and their tokens, in memory only (never localStorage, cookies or URLs): a reload signs
 * the user out, which is the price of keeping tokens out of reach of anything but this page's code.
 */
import type { TokenResponse, UserSelf } from './types.js';

export interface Session {
  readonly user: UserSelf;
  readonly accessToken: string;
  readonly refreshToken: string;
}

let current: Session | null = null;
// Why the last session ended when the user did not end it, for the login page to say.
let endedBecause: string | null = null;
const listeners = new Set<() => void>();

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) endedBecause = null;
  for (const listener of listeners) listener();
}

/** The server refused the refresh token (revoked, expired or replayed): signed out, with a reason. */
export function expireSession(): void {
  endedBecause = 'Your session has ended (it expired or was signed out elsewhere). Please log in again.';
  setSession(null);
}

/** The reason the session expired, once (the login page shows it). */
export function takeEndReason(): string | null {
  const reason = endedBecause;
  endedBecause = null;
  return reason;
}

export function sessionExpired(): boolean {
  return endedBecause !== null;
}

/** Keeps the user, swaps the tokens after a refresh rotation. */
export function rotateTokens(tokens: TokenResponse): void {
  if (current) setSession({ ...current, accessToken: tokens.access_token, refreshToken: tokens.refresh_token });
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps the tokens, swaps the user (after a profile edit). */
export function updateUser(user: UserSelf): void {
  if (current) setSession({ ...current, user });
}

export function isStaff(session: Session | null): boolean {
  return session !== null && (session.user.role === 'moderator' || session.user.role === 'admin');
}
