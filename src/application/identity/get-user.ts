import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import type { User } from '../../domain/identity/user.js';
import { findVisibleUser, userViewFor } from './resolve-user-target.js';

/** `GET /users/{id}` and `/users/me`: the user and which view of them the caller is entitled to. */
export async function getUser(deps: Pick<Ports, 'users'>, actor: Actor, id: string): Promise<{ user: User; view: 'self' | 'public' }> {
  const user = await findVisibleUser(deps, actor, id);
  return { user, view: userViewFor(actor, user) };
}
