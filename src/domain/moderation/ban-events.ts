/** Contract §16 `user.banned` / `user.unbanned`: account events, so they share the identity envelope. */
import { userEvent, type EventMeta } from '../identity/identity-events.js';
import type { Ban } from './ban.js';

export const userBanned = (meta: EventMeta, ban: Ban) =>
  userEvent(meta, 'user.banned', ban.userId, {
    ban_id: ban.id,
    reason: ban.reason,
    expires_at: ban.expiresAt?.toISOString() ?? null,
    banned_by: ban.createdBy,
    report_id: ban.reportId,
  });

/** `revokedBy` is null when the ban ran out by itself. */
export const userUnbanned = (meta: EventMeta, ban: Pick<Ban, 'id' | 'userId'>, cause: 'revoked' | 'expired', revokedBy: string | null) =>
  userEvent(meta, 'user.unbanned', ban.userId, { ban_id: ban.id, cause, revoked_by: revokedBy });
