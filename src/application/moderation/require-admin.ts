import { requireUser, type Actor, type UserActor } from '../../domain/identity/actor.js';
import { ForbiddenError } from '../../domain/shared/errors.js';

/** Admin routes (contract §19): anonymous → 401, a signed-in caller of another role → 403. */
export function requireAdmin(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (user.role !== 'admin') throw new ForbiddenError('moderation.admin_only', 'only administrators may do this');
  return user;
}
