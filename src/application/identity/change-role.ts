import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { Role } from '../../domain/identity/role.js';
import type { User } from '../../domain/identity/user.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { userRoleChanged } from '../../domain/identity/identity-events.js';
import { ForbiddenError } from '../../domain/shared/errors.js';
import { recordAudit } from './record-audit.js';
import { findVisibleUser } from './resolve-user-target.js';

/** Admin only; an admin cannot change their own role. Live sessions take the new role on their next request. */
export async function changeRole(
  deps: Pick<Ports, 'uow' | 'users' | 'sessions' | 'sessionStore' | 'clock' | 'ids'>,
  actor: UserActor,
  id: string,
  role: Role,
  ctx: RequestContext,
): Promise<User> {
  if (actor.role !== 'admin') throw new ForbiddenError('user.admin_only', 'only administrators may change roles');
  const user = await findVisibleUser(deps, actor, id);
  if (user.id === actor.userId) throw new ForbiddenError('user.own_role', 'administrators cannot change their own role');
  const now = deps.clock.now();
  const updated =
    user.role === role
      ? user
      : await deps.uow.run(async (tx) => {
          const changed = await tx.users.updateRole(user.id, role, now);
          await tx.outbox.add(userRoleChanged({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, user.id, user.role, role, actor.userId));
          await recordAudit(deps, tx.auditLog, ctx, {
            action: 'user.role_changed',
            actorId: actor.userId,
            targetType: 'user',
            targetId: user.id,
            details: { old_role: user.role, new_role: role },
          });
          return changed;
        });
  // Also when unchanged: a retry after a store failure must still bring live sessions up to date.
  const sessions = await deps.sessions.listActive(user.id, now);
  await deps.sessionStore.setRole(sessions.map((s) => s.id), role);
  return updated;
}
