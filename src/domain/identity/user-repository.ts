import type { Role } from './role.js';
import type { User, UserStatus } from './user.js';

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly username: string;
  readonly displayName: string;
  readonly bio: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly status: UserStatus;
  readonly createdAt: Date;
}

export interface ProfileChanges {
  readonly displayName?: string;
  readonly bio?: string;
}

/** Users in the database. Transactional when obtained from `uow.run`. */
export interface UserRepository {
  /** Throws ConflictError `user.email_taken` / `user.username_taken` (field `email` / `username`). */
  create(user: NewUser): Promise<User>;
  /** Any status, deleted included; `null` when no such id. */
  findById(id: string): Promise<User | null>;
  /** Among non-deleted accounts, by normalised email. */
  findActiveByEmail(email: string): Promise<User | null>;
  /** Among non-deleted accounts, case-insensitively. */
  findActiveByUsername(username: string): Promise<User | null>;
  /** Throws NotFoundError `user.not_found` when the user does not exist. */
  updateProfile(id: string, changes: ProfileChanges, at: Date): Promise<User>;
  updatePasswordHash(id: string, passwordHash: string, at: Date): Promise<void>;
  updateRole(id: string, role: Role, at: Date): Promise<User>;
  /** Soft delete: status `deleted`, which frees the email and username. */
  markDeleted(id: string, at: Date): Promise<void>;
  /** `findById` that also locks the row until the transaction ends: bans of one user run one at a time. */
  findByIdForUpdate(id: string): Promise<User | null>;
  /** Bans and unbans (contract §12.3); throws NotFoundError when the user is missing or deleted. */
  setBanStatus(id: string, status: 'active' | 'banned', at: Date): Promise<void>;
}
