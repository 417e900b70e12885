import type { Ports } from '../ports.js';
import type { User } from '../../domain/identity/user.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { normalizePassword } from '../../domain/identity/password-policy.js';
import { ValidationError } from '../../domain/shared/errors.js';
import { recordFailedPassword, refuseWhileLocked } from './log-in.js';

/**
 * Re-authentication for sensitive changes (password change, account deletion): honours the login lockout
 * and counts a wrong password toward it (contract §5.5). A wrong password is 400 on `field`.
 */
export async function confirmPassword(
  deps: Pick<Ports, 'passwordHasher' | 'loginAttempts' | 'auditLog' | 'ids' | 'clock' | 'identity'>,
  user: User,
  password: unknown,
  field: string,
  ctx: RequestContext,
): Promise<string> {
  if (typeof password !== 'string' || password.length === 0) {
    throw new ValidationError('user.password_required', [{ field, message: 'is required' }]);
  }
  await refuseWhileLocked(deps, user.email);
  const normalized = normalizePassword(password);
  if (!(await deps.passwordHasher.verify(user.passwordHash, normalized))) {
    await recordFailedPassword(deps, user.email, user.id, ctx);
    throw new ValidationError('user.wrong_password', [{ field, message: 'is not correct' }]);
  }
  return normalized;
}
