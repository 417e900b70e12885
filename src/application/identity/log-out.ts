import type { Ports } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { recordAudit } from './record-audit.js';

type Deps = Pick<Ports, 'uow' | 'sessions' | 'sessionStore' | 'clock' | 'ids'>;

/**
 * Revokes the caller's session and its refresh family (or, with `all`, every session of the user) and
 * deny-lists the presented access token until it would expire. The store is written first so that a
 * failure leaves the client with 503 rather than a session that still works.
 */
export async function logOut(deps: Deps, actor: UserActor, input: { all: boolean }, ctx: RequestContext): Promise<void> {
  const now = deps.clock.now();
  const targets = input.all ? (await deps.sessions.listActive(actor.userId, now)).map((s) => s.id) : [];
  await deps.sessionStore.revoke([...new Set([actor.sessionId, ...targets])]);
  await deps.sessionStore.deny(actor.tokenId, actor.tokenExpiresAt);
  await deps.uow.run(async (tx) => {
    if (!input.all) {
      await tx.sessions.revoke([actor.sessionId], now);
      return;
    }
    const revoked = await tx.sessions.revokeAllOfUser(actor.userId, now);
    await recordAudit(deps, tx.auditLog, ctx, {
      action: 'auth.logout_all',
      actorId: actor.userId,
      targetType: 'user',
      targetId: actor.userId,
      details: { sessions_revoked: revoked.length },
    });
  });
}
