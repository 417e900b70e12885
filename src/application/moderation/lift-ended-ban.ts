import type { Ports, TxPorts } from '../ports.js';
import type { Ban } from '../../domain/moderation/ban.js';
import { userUnbanned } from '../../domain/moderation/ban-events.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { recordAudit } from '../identity/record-audit.js';

/** `banned`: the user is still banned (`ban` null only for an account banned without any ban on record). */
export type BanCheck = { readonly outcome: 'banned'; readonly ban: Ban | null } | { readonly outcome: 'not_banned' };

/**
 * Inside a transaction: when the user is marked `banned` but every ban has run out, sets them `active` again,
 * writing `user.unbanned` (cause `expired`) and its audit entry. Shared by login (lazy) and the sweeper, and
 * safe for both to race: the user's row lock lets only one of them lift it.
 */
export async function liftEndedBan(tx: TxPorts, deps: Pick<Ports, 'ids' | 'clock'>, userId: string, ctx: RequestContext): Promise<BanCheck> {
  const user = await tx.users.findByIdForUpdate(userId);
  if (!user || user.status !== 'banned') return { outcome: 'not_banned' };
  const now = deps.clock.now();
  const active = await tx.bans.findActive(user.id, now);
  if (active) return { outcome: 'banned', ban: active };
  const ended = await tx.bans.findLatest(user.id);
  if (!ended) return { outcome: 'banned', ban: null };
  await tx.users.setBanStatus(user.id, 'active', now);
  await tx.outbox.add(userUnbanned({ id: deps.ids.next(), at: now, actorId: null, requestId: ctx.requestId }, ended, 'expired', null));
  await recordAudit(deps, tx.auditLog, ctx, {
    action: 'user.unbanned',
    actorId: null,
    targetType: 'user',
    targetId: user.id,
    details: { ban_id: ended.id, cause: 'expired' },
  });
  return { outcome: 'not_banned' };
}
