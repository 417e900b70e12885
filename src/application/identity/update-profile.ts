import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { User } from '../../domain/identity/user.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { userProfileUpdated } from '../../domain/identity/identity-events.js';
import { parseBio, parseDisplayName } from '../../domain/identity/profile.js';
import { ValidationError, type FieldError } from '../../domain/shared/errors.js';
import { collectFieldErrors } from './collect-field-errors.js';
import { findManageableUser } from './resolve-user-target.js';

export interface ProfilePatch {
  readonly display_name?: unknown;
  readonly bio?: unknown;
}

/** PATCH semantics: absent keys stay; `{}` changes nothing and returns the user; only real changes emit an event. */
export async function updateProfile(
  deps: Pick<Ports, 'uow' | 'users' | 'clock' | 'ids'>,
  actor: UserActor,
  id: string,
  patch: ProfilePatch,
  ctx: RequestContext,
): Promise<User> {
  // Access first: someone who may not edit this profile learns nothing from how their values were judged.
  const user = await findManageableUser(deps, actor, id);
  const errors: FieldError[] = [];
  const displayName = patch.display_name === undefined ? undefined : await collectFieldErrors(errors, () => parseDisplayName(patch.display_name));
  const bio = patch.bio === undefined ? undefined : await collectFieldErrors(errors, () => parseBio(patch.bio));
  if (errors.length > 0) throw new ValidationError('user.invalid_profile', errors);

  const changes = {
    ...(displayName !== undefined && displayName !== user.displayName ? { displayName } : {}),
    ...(bio !== undefined && bio !== user.bio ? { bio } : {}),
  };
  const changed = [...('displayName' in changes ? ['display_name'] : []), ...('bio' in changes ? ['bio'] : [])];
  if (changed.length === 0) return user;
  const now = deps.clock.now();
  return deps.uow.run(async (tx) => {
    const updated = await tx.users.updateProfile(user.id, changes, now);
    await tx.outbox.add(userProfileUpdated({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, user.id, changed));
    return updated;
  });
}
