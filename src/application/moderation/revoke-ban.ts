import type { Ports } from '../ports.js';
import type { Actor } from '../../domain/identity/actor.js';
import { userUnbanned } from '../../domain/moderation/ban-events.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { recordAudit } from '../identity/record-audit.js';
import { requireAdmin } from './require-admin.js';

/**
 * DELETE /users/{id}/ban (contract §12.3): admin; revokes the active ban and makes the user `active` again.
 * No active ban (or no such user) → 404. Sessions revoked by the ban stay revoked: the user logs in again.
 */
export async function revokeBan(deps: Pick<Ports, 'uow' | 'clock' | 'ids'>, actor: Actor, userId: string, ctx: RequestContext): Promise<void> {
  const admin = requireAdmin(actor);
  await deps.uow.run(async (tx) => {
    const user = await tx.users.findByIdForUpdate(userId);
    const now = deps.clock.now();
    const active = user && user.status !== 'deleted' ? await tx.bans.findActive(user.id, now) : null;
    if (!user || !active) throw new NotFoundError('ban.not_found', 'active ban');
    await tx.bans.revoke(active.id, now, admin.userId);
    await tx.users.setBanStatus(user.id, 'active', now);
    await tx.outbox.add(userUnbanned({ id: deps.ids.next(), at: now, actorId: admin.userId, requestId: ctx.requestId }, active, 'revoked', admin.userId));
    await recordAudit(deps, tx.auditLog, ctx, {
      action: 'user.unbanned',
      actorId: admin.userId,
      targetType: 'user',
      targetId: user.id,
      details: { ban_id: active.id, cause: 'revoked' },
    });
  });
}
