import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { userPasswordChanged } from '../../domain/identity/identity-events.js';
import { parsePassword } from '../../domain/identity/password-policy.js';
import { ForbiddenError, ValidationError, type FieldError } from '../../domain/shared/errors.js';
import { collectFieldErrors } from './collect-field-errors.js';
import { confirmPassword } from './confirm-password.js';
import { recordAudit } from './record-audit.js';
import { findVisibleUser } from './resolve-user-target.js';

type Deps = Pick<
  Ports,
  'uow' | 'users' | 'sessions' | 'sessionStore' | 'passwordHasher' | 'loginAttempts' | 'auditLog' | 'ids' | 'clock' | 'identity' | 'identityLists'
>;

/** `PUT /users/{id}/password` (self only): revokes every other session, keeps the caller's. */
export async function changePassword(
  deps: Deps,
  actor: UserActor,
  id: string,
  input: { current_password?: unknown; new_password?: unknown },
  ctx: RequestContext,
): Promise<void> {
  const user = await findVisibleUser(deps, actor, id);
  if (user.id !== actor.userId) throw new ForbiddenError('user.not_self', 'only the account holder may change its password');
  // Both fields are judged every time (every failing field reported); a wrong current password still counts
  // toward the lockout, and a held lock answers 429 before anything else.
  const errors: FieldError[] = [];
  const current = await collectFieldErrors(errors, () => confirmPassword(deps, user, input.current_password, 'current_password', ctx));
  const context = { commonPasswords: deps.identityLists.commonPasswords, username: user.username, email: user.email };
  const newPassword = await collectFieldErrors(errors, () => parsePassword(input.new_password, context, 'new_password'));
  if (current !== undefined && current === newPassword) errors.push({ field: 'new_password', message: 'must differ from the current password' });
  if (current === undefined || newPassword === undefined || errors.length > 0) throw new ValidationError('user.invalid_password_change', errors);

  const hash = await deps.passwordHasher.hash(newPassword);
  const now = deps.clock.now();
  const others = (await deps.sessions.listActive(user.id, now)).map((s) => s.id).filter((sid) => sid !== actor.sessionId);
  await deps.sessionStore.revoke(others);
  await deps.uow.run(async (tx) => {
    await tx.users.updatePasswordHash(user.id, hash, now);
    const revoked = await tx.sessions.revokeAllOfUser(user.id, now, actor.sessionId);
    await tx.outbox.add(userPasswordChanged({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, user.id, revoked.length));
    await recordAudit(deps, tx.auditLog, ctx, {
      action: 'auth.password_changed',
      actorId: actor.userId,
      targetType: 'user',
      targetId: user.id,
      details: { sessions_revoked: revoked.length },
    });
  });
}
