import type { Role } from './role.js';

export const USER_STATUSES = ['pending', 'active', 'banned', 'deleted'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** A user account as the domain sees it; the password hash never leaves the identity use cases. */
export interface User {
  readonly id: string;
  /** Normalised: trimmed, lowercased. */
  readonly email: string;
  /** Case preserved; unique case-insensitively among non-deleted accounts. */
  readonly username: string;
  readonly displayName: string;
  readonly bio: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly status: UserStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Contract §6: banned users are hidden from everyone but staff, deleted ones from everyone. */
export function isVisibleTo(user: User, viewer: { role: Role } | null): boolean {
  if (user.status === 'deleted') return false;
  if (user.status === 'banned') return viewer !== null && (viewer.role === 'moderator' || viewer.role === 'admin');
  return true;
}
