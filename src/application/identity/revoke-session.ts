import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { isSessionActive } from '../../domain/identity/session.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { recordAudit } from './record-audit.js';
import { findManageableUser } from './resolve-user-target.js';

/** Revokes one session and its refresh family; unknown, already revoked or someone else's → 404. */
export async function revokeSession(
  deps: Pick<Ports, 'uow' | 'users' | 'sessions' | 'sessionStore' | 'clock' | 'ids'>,
  actor: UserActor,
  userId: string,
  sessionId: string,
  ctx: RequestContext,
): Promise<void> {
  const user = await findManageableUser(deps, actor, userId);
  const now = deps.clock.now();
  const session = await deps.sessions.findById(sessionId);
  if (!session || session.userId !== user.id || !isSessionActive({ revoked: session.revokedAt !== null, expiresAt: session.expiresAt }, now)) {
    throw new NotFoundError('session.not_found', 'session');
  }
  await deps.sessionStore.revoke([session.id]);
  await deps.uow.run(async (tx) => {
    await tx.sessions.revoke([session.id], now);
    await recordAudit(deps, tx.auditLog, ctx, {
      action: 'session.revoked',
      actorId: actor.userId,
      targetType: 'session',
      targetId: session.id,
      details: { session_id: session.id, by_admin: user.id !== actor.userId },
    });
  });
}
