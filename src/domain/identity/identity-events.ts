import type { DomainEvent } from '../shared/domain-event.js';
import type { Role } from './role.js';
import type { User } from './user.js';

/** What every event factory needs besides its payload: a fresh id, the time, and who asked. */
export interface EventMeta {
  readonly id: string;
  readonly at: Date;
  readonly actorId: string | null;
  readonly requestId: string | null;
}

/** Every account event: aggregate `user`, `user_id` first in the payload. */
export function userEvent(meta: EventMeta, type: string, userId: string, payload: Record<string, unknown>): DomainEvent {
  return {
    id: meta.id,
    type,
    version: 1,
    occurredAt: meta.at,
    aggregateType: 'user',
    aggregateId: userId,
    actorId: meta.actorId,
    requestId: meta.requestId,
    payload: { user_id: userId, ...payload },
  };
}

export const userRegistered = (meta: EventMeta, user: User) =>
  userEvent(meta, 'user.registered', user.id, { username: user.username, email: user.email });

export const userProfileUpdated = (meta: EventMeta, userId: string, changed: readonly string[]) =>
  userEvent(meta, 'user.profile_updated', userId, { changed: [...changed] });

export const userPasswordChanged = (meta: EventMeta, userId: string, sessionsRevoked: number) =>
  userEvent(meta, 'user.password_changed', userId, { sessions_revoked: sessionsRevoked });

export const userRoleChanged = (meta: EventMeta, userId: string, oldRole: Role, newRole: Role, changedBy: string | null) =>
  userEvent(meta, 'user.role_changed', userId, { old_role: oldRole, new_role: newRole, changed_by: changedBy });

export const userDeleted = (meta: EventMeta, userId: string, deletedBy: string | null, byAdmin: boolean) =>
  userEvent(meta, 'user.deleted', userId, { deleted_by: deletedBy, by_admin: byAdmin });
