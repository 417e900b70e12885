/** Domain users and sessions → the contract's JSON shapes (§6), snake_case, timestamps with milliseconds. */
import type { Session } from '../../../domain/identity/session.js';
import type { User } from '../../../domain/identity/user.js';

export function userSummary(user: User) {
  return { id: user.id, username: user.username, display_name: user.displayName };
}

export function userPublic(user: User) {
  return { ...userSummary(user), bio: user.bio, role: user.role, created_at: user.createdAt.toISOString() };
}

export function userSelf(user: User) {
  return { ...userPublic(user), email: user.email, status: user.status, updated_at: user.updatedAt.toISOString() };
}

export function userView(user: User, view: 'self' | 'public') {
  return view === 'self' ? userSelf(user) : userPublic(user);
}

export function sessionView(session: Session, isCurrent: boolean) {
  return {
    id: session.id,
    ip_address: session.ipAddress,
    user_agent: session.userAgent,
    created_at: session.createdAt.toISOString(),
    last_used_at: session.lastUsedAt.toISOString(),
    expires_at: session.expiresAt.toISOString(),
    is_current: isCurrent,
  };
}
