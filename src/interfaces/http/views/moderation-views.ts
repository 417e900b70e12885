/** Bans and audit entries → the contract's JSON (§12.3, §12.4). */
import { banStatus } from '../../../domain/moderation/ban.js';
import type { BanDetails } from '../../../domain/moderation/ban-repository.js';
import type { AuditRecord } from '../../../domain/moderation/audit-log-reader.js';
import { userSummaryView } from './social-views.js';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function banView({ ban, user, createdBy, revokedBy }: BanDetails, now: Date) {
  return {
    id: ban.id,
    user: userSummaryView(user),
    reason: ban.reason,
    created_by: userSummaryView(createdBy),
    report_id: ban.reportId,
    created_at: ban.createdAt.toISOString(),
    expires_at: iso(ban.expiresAt),
    revoked_at: iso(ban.revokedAt),
    revoked_by: revokedBy ? userSummaryView(revokedBy) : null,
    status: banStatus(ban, now),
  };
}

export function auditEntryView({ entry, actor }: AuditRecord) {
  return {
    id: entry.id,
    action: entry.action,
    actor: actor ? userSummaryView(actor) : null,
    ip_address: entry.ipAddress,
    target_type: entry.targetType,
    target_id: entry.targetId,
    details: entry.details,
    created_at: entry.occurredAt.toISOString(),
  };
}
