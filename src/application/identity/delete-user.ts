import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { userDeleted } from '../../domain/identity/identity-events.js';
import { confirmPassword } from './confirm-password.js';
import { recordAudit } from './record-audit.js';
import { findManageableUser } from './resolve-user-target.js';

type Deps = Pick<Ports, 'uow' | 'users' | 'sessions' | 'sessionStore' | 'passwordHasher' | 'loginAttempts' | 'auditLog' | 'ids' | 'clock' | 'identity'>;

/**
 * Soft delete (contract §6): status `deleted` frees the email and username, every session is revoked at once.
 * Self needs the password; an admin deleting someone else does not. Content clean-up follows `user.deleted`.
 */
export async function deleteUser(deps: Deps, actor: UserActor, id: string, input: { password?: unknown }, ctx: RequestContext): Promise<void> {
  const user = await findManageableUser(deps, actor, id);
  const byAdmin = user.id !== actor.userId;
  if (!byAdmin) await confirmPassword(deps, user, input.password, 'password', ctx);

  const now = deps.clock.now();
  const sessionIds = (await deps.sessions.listActive(user.id, now)).map((s) => s.id);
  await deps.sessionStore.revoke(sessionIds);
  await deps.uow.run(async (tx) => {
    await tx.users.markDeleted(user.id, now);
    await tx.sessions.revokeAllOfUser(user.id, now);
    await tx.outbox.add(userDeleted({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, user.id, actor.userId, byAdmin));
    await recordAudit(deps, tx.auditLog, ctx, { action: 'user.deleted', actorId: actor.userId, targetType: 'user', targetId: user.id, details: { by_admin: byAdmin } });
  });
}
