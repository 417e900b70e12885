import type { Role } from '../identity/role.js';
import { isStaff } from '../identity/role.js';
import { ForbiddenError, ValidationError, type FieldError } from '../shared/errors.js';
import { nonStringProblem, normalizeText, textProblem, type TextRule } from '../shared/text.js';

export const BAN_STATUSES = ['active', 'expired', 'revoked'] as const;
/** Never stored: derived from `revokedAt` and `expiresAt` at read time (contract §12.3). */
export type BanStatus = (typeof BAN_STATUSES)[number];

/** Contract §12.3: 1–500 characters of reason, 1–87,600 hours (ten years) of duration. */
export const BAN_REASON_MAX_LENGTH = 500;
export const BAN_DURATION_MAX_HOURS = 87_600;

/** A ban (a suspension is a ban with an end date). `expiresAt` null = permanent. */
export interface Ban {
  readonly id: string;
  readonly userId: string;
  readonly reason: string;
  readonly createdBy: string;
  /** The report whose resolution made the ban, if any. */
  readonly reportId: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
}

export function banStatus(ban: Pick<Ban, 'expiresAt' | 'revokedAt'>, now: Date): BanStatus {
  if (ban.revokedAt !== null) return 'revoked';
  if (ban.expiresAt !== null && ban.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** `createdAt + hours`, or null for a permanent ban. */
export function banExpiry(createdAt: Date, durationHours: number | null): Date | null {
  return durationHours === null ? null : new Date(createdAt.getTime() + durationHours * 3_600_000);
}

/**
 * Who may ban whom: staff only; never oneself; a moderator only plain users (so moderators cannot lock
 * each other or an admin out). Throws ForbiddenError.
 */
export function assertMayBan(actor: { readonly userId: string; readonly role: Role }, target: { readonly id: string; readonly role: Role }): void {
  if (!isStaff(actor.role)) throw new ForbiddenError('ban.staff_only', 'only moderators and administrators may ban users');
  if (actor.userId === target.id) throw new ForbiddenError('ban.self', 'you cannot ban yourself');
  if (actor.role === 'moderator' && isStaff(target.role)) {
    throw new ForbiddenError('ban.target_is_staff', 'moderators cannot ban moderators or administrators');
  }
}

const BAN_REASON_RULE: TextRule = { multiline: false, min: 1, max: BAN_REASON_MAX_LENGTH };

/**
 * The body of POST /users/{id}/ban: `reason` 1–500 (NFC, trimmed), `duration_hours` an integer 1–87,600 or
 * absent (permanent). Every failing field is reported. @throws ValidationError `ban.invalid_input`.
 */
export function parseBanInput(raw: { reason?: unknown; duration_hours?: unknown }): { reason: string; durationHours: number | null } {
  const fields: FieldError[] = [];
  let reason = '';
  if (typeof raw.reason !== 'string') {
    fields.push({ field: 'reason', message: nonStringProblem(raw.reason) });
  } else {
    reason = normalizeText(raw.reason, BAN_REASON_RULE);
    const problem = textProblem(reason, BAN_REASON_RULE);
    if (problem !== undefined) fields.push({ field: 'reason', message: problem });
  }
  const hours = raw.duration_hours;
  const durationOk = hours === undefined || (typeof hours === 'number' && Number.isInteger(hours) && hours >= 1 && hours <= BAN_DURATION_MAX_HOURS);
  if (!durationOk) fields.push({ field: 'duration_hours', message: `must be an integer from 1 to ${BAN_DURATION_MAX_HOURS}` });
  if (fields.length > 0) throw new ValidationError('ban.invalid_input', fields);
  return { reason, durationHours: typeof hours === 'number' ? hours : null };
}
