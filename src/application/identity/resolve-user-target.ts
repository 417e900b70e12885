import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { User } from '../../domain/identity/user.js';
import { isVisibleTo } from '../../domain/identity/user.js';
import { ForbiddenError, NotFoundError } from '../../domain/shared/errors.js';

/** The user a `/users/{id}` path names, if the caller may see them at all (else 404, like a missing one). */
export async function findVisibleUser(deps: Pick<Ports, 'users'>, actor: Actor, id: string): Promise<User> {
  const user = await deps.users.findById(id);
  if (!user || !isVisibleTo(user, actor.kind === 'user' ? actor : null)) throw new NotFoundError('user.not_found', 'user');
  return user;
}

/** For self|admin routes: the caller is the user, or an admin; others who can see the user get 403. */
export async function findManageableUser(deps: Pick<Ports, 'users'>, actor: Actor & { kind: 'user' }, id: string): Promise<User> {
  const user = await findVisibleUser(deps, actor, id);
  if (user.id !== actor.userId && actor.role !== 'admin') throw new ForbiddenError('user.not_self', 'you may only change your own account');
  return user;
}

/** Which shape of user the caller sees (contract §6): self and admins get `UserSelf`. */
export function userViewFor(actor: Actor, user: User): 'self' | 'public' {
  if (actor.kind !== 'user') return 'public';
  return actor.userId === user.id || actor.role === 'admin' ? 'self' : 'public';
}

