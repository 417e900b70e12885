import type { Ports, TxPorts } from '../ports.js';
import type { UserActor } from '../../domain/identity/actor.js';
import { assertMayBan, banExpiry, type Ban } from '../../domain/moderation/ban.js';
import { userBanned } from '../../domain/moderation/ban-events.js';
import { ConflictError, NotFoundError } from '../../domain/shared/errors.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { recordAudit } from '../identity/record-audit.js';

export interface ApplyBanInput {
  readonly userId: string;
  readonly reason: string;
  readonly durationHours: number | null;
  readonly reportId: string | null;
}

/**
 * Inside the caller's transaction: checks permissions (ForbiddenError), refuses an already active ban with
 * ConflictError('ban.already_active') unless `keepExisting`, sets the user `banned`, inserts the ban, writes the
 * `user.banned` outbox event and the `user.banned` audit entry. Returns the ban (or the existing active one when
 * keepExisting). The user's sessions are revoked durably here too (a timed ban ending must not revive them); their
 * hot copies in the session store are revoked by `revokeBannedSessions`, to be called once the transaction committed.
 * A missing or deleted user → NotFoundError `user.not_found`.
 */
export async function applyBan(
  tx: TxPorts,
  deps: Pick<Ports, 'ids' | 'clock'>,
  actor: UserActor,
  input: ApplyBanInput,
  ctx: RequestContext,
  opts: { keepExisting?: boolean } = {},
): Promise<Ban> {
  // The row lock serialises bans of one user, which is what makes "at most one active ban" hold.
  const user = await tx.users.findByIdForUpdate(input.userId);
  if (!user || user.status === 'deleted') throw new NotFoundError('user.not_found', 'user');
  assertMayBan(actor, user);
  const now = deps.clock.now();
  const existing = await tx.bans.findActive(user.id, now);
  if (existing) {
    if (opts.keepExisting) return existing;
    throw new ConflictError('ban.already_active', 'this user is already banned');
  }
  const ban: Ban = {
    id: deps.ids.next(),
    userId: user.id,
    reason: input.reason,
    createdBy: actor.userId,
    reportId: input.reportId,
    createdAt: now,
    expiresAt: banExpiry(now, input.durationHours),
    revokedAt: null,
    revokedBy: null,
  };
  await tx.bans.create(ban);
  await tx.users.setBanStatus(user.id, 'banned', now);
  await tx.sessions.revokeAllOfUser(user.id, now);
  await tx.outbox.add(userBanned({ id: deps.ids.next(), at: now, actorId: actor.userId, requestId: ctx.requestId }, ban));
  await recordAudit(deps, tx.auditLog, ctx, {
    action: 'user.banned',
    actorId: actor.userId,
    targetType: 'user',
    targetId: user.id,
    details: { ban_id: ban.id, reason: ban.reason, expires_at: ban.expiresAt?.toISOString() ?? null },
  });
  return ban;
}

/**
 * After the ban committed: revokes the hot copies of the user's sessions in the session store, so their live
 * access tokens answer 401 on the next request (contract §5.2). Idempotent; safe to retry.
 */
export async function revokeBannedSessions(deps: Pick<Ports, 'sessions' | 'sessionStore' | 'clock'>, userId: string): Promise<void> {
  await deps.sessionStore.revoke(await deps.sessions.listUnexpiredIds(userId, deps.clock.now()));
}
