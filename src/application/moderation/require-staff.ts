import { requireUser, type Actor, type UserActor } from '../../domain/identity/actor.js';
import { isStaff } from '../../domain/identity/role.js';
import { ForbiddenError } from '../../domain/shared/errors.js';

/** Staff routes (contract §19): anonymous → 401, a signed-in non-staff caller → 403. */
export function requireStaff(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (!isStaff(user.role)) throw new ForbiddenError('moderation.staff_only', 'only moderators and administrators may do this');
  return user;
}
