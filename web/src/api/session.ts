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
const listeners = new Set<() => void>();

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  for (const listener of listeners) listener();
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
