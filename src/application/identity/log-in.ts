import type { Ports } from '../ports.js';
import type { User } from '../../domain/identity/user.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN, normalizeEmail } from '../../domain/identity/email.js';
import { normalizePassword } from '../../domain/identity/password-policy.js';
import { DomainError } from '../../domain/shared/errors.js';
import { codePointLength } from '../../domain/shared/text.js';
import { startSession, type IssuedTokens } from './issue-tokens.js';
import { liftEndedBan } from '../moderation/lift-ended-ban.js';
import { recordAudit } from './record-audit.js';
import { rememberSession } from './remember-session.js';

type Deps = Pick<
  Ports,
  'uow' | 'users' | 'auditLog' | 'clock' | 'ids' | 'logger' | 'metrics' | 'passwordHasher' | 'tokenSigner' | 'secretTokens' | 'identity' | 'loginAttempts' | 'sessionStore'
>;

export interface LogInInput {
  readonly email: string;
  readonly password: string;
}

export const INVALID_CREDENTIALS = 'invalid email or password';

/**
 * Contract §5.4 order (the per-IP limit ran before this): lockout → look-up → verify (a dummy hash for unknown
 * emails, so timing says nothing) → count failures → ban (an ended one is lifted) / pending → session. Never reveals which part failed.
 */
export async function logIn(deps: Deps, input: LogInInput, ctx: RequestContext): Promise<{ user: User; tokens: IssuedTokens }> {
  const email = normalizeEmail(input.email);
  try {
    await refuseWhileLocked(deps, email);
  } catch (err) {
    deps.metrics.increment('auth_failures_total', { reason: 'account_locked' });
    throw err;
  }

  const password = normalizePassword(input.password);
  // No account holds an address that breaks the email rules, and such text (a NUL, a lone surrogate) may not even
  // be a valid query parameter: skip the look-up, but still pay for the dummy hash so timing stays flat.
  let user = couldBeAccountEmail(email) ? await deps.users.findActiveByEmail(email) : null;
  const ok = user ? await deps.passwordHasher.verify(user.passwordHash, password) : await deps.passwordHasher.verifyDummy(password);
  if (!user || !ok) {
    deps.metrics.increment('auth_failures_total', { reason: 'invalid_credentials' });
    await recordFailedPassword(deps, email, user?.id ?? null, ctx);
    throw new DomainError('invalid-credentials', 'auth.invalid_credentials', INVALID_CREDENTIALS);
  }
  await deps.loginAttempts.reset(email);

  if (user.status === 'banned') {
    // A timed ban that has run out is lifted here rather than waiting up to a minute for the sweeper.
    const userId = user.id;
    const check = await deps.uow.run((tx) => liftEndedBan(tx, deps, userId, ctx));
    if (check.outcome === 'banned') {
      throw new DomainError('account-banned', 'auth.account_banned', 'this account is banned', {
        meta: { bannedUntil: check.ban?.expiresAt ?? null, banReason: check.ban?.reason ?? '' },
      });
    }
    user = { ...user, status: 'active' };
  }
  if (user.status === 'pending') throw new DomainError('account-pending', 'auth.account_pending', 'this account is not verified yet');

  if (deps.passwordHasher.needsRehash(user.passwordHash)) {
    await deps.users.updatePasswordHash(user.id, await deps.passwordHasher.hash(password), deps.clock.now());
  }
  const { tokens, state } = await deps.uow.run((tx) => startSession(tx, deps, user, ctx));
  await rememberSession(deps, state);
  return { user, tokens };
}

function couldBeAccountEmail(email: string): boolean {
  return codePointLength(email) <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(email);
}

/** 429 `account-locked` with the seconds left, before any password work. */
export async function refuseWhileLocked(deps: Pick<Ports, 'loginAttempts'>, email: string): Promise<void> {
  const lockedFor = await deps.loginAttempts.lockedFor(email);
  if (lockedFor > 0) {
    throw new DomainError('account-locked', 'auth.account_locked', `too many failed attempts; try again in ${lockedFor} s`, {
      meta: { retryAfterS: lockedFor },
    });
  }
}

/** Counts a wrong password toward the lock of `email` and audits it (and the lock, when this failure locks it). */
export async function recordFailedPassword(
  deps: Pick<Ports, 'loginAttempts' | 'auditLog' | 'ids' | 'clock' | 'identity'>,
  email: string,
  userId: string | null,
  ctx: RequestContext,
): Promise<void> {
  const lockedFor = await deps.loginAttempts.recordFailure(email, deps.identity.lockout);
  const target = { targetType: userId ? ('user' as const) : null, targetId: userId };
  await recordAudit(deps, deps.auditLog, ctx, { action: 'auth.login_failed', actorId: null, ...target, details: { email } });
  if (lockedFor > 0) {
    const lockedUntil = new Date(deps.clock.now().getTime() + lockedFor * 1000).toISOString();
    await recordAudit(deps, deps.auditLog, ctx, { action: 'auth.account_locked', actorId: null, ...target, details: { email, locked_until: lockedUntil } });
  }
}
