/** Reports of images and their review (contract §12.1, §12.2): input rules and the state machine. */
import { ConflictError, ValidationError, type FieldError } from '../shared/errors.js';
import { nonStringProblem, normalizeText, textProblem, type TextRule } from '../shared/text.js';
import { BAN_DURATION_MAX_HOURS, BAN_REASON_MAX_LENGTH } from './ban.js';

export const REPORT_REASONS = ['spam', 'inappropriate', 'copyright', 'harassment', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_STATUSES = ['pending', 'reviewing', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const RESOLUTION_ACTIONS = ['dismiss', 'warn', 'remove', 'ban'] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

const DESCRIPTION_RULE: TextRule = { multiline: true, min: 0, max: 1000 };
const NOTES_RULE: TextRule = { multiline: true, min: 0, max: 2000 };
const BAN_REASON_RULE: TextRule = { multiline: false, min: 1, max: BAN_REASON_MAX_LENGTH };

export interface Resolution {
  readonly action: ResolutionAction;
  readonly notes: string;
  readonly resolvedBy: string;
  readonly resolvedAt: Date;
  readonly banId: string | null;
}

export interface Report {
  readonly id: string;
  readonly reporterId: string;
  readonly imageId: string;
  readonly reason: ReportReason;
  readonly description: string;
  readonly status: ReportStatus;
  readonly reviewerId: string | null;
  /** Set exactly when the report is `resolved` or `dismissed`. */
  readonly resolution: Resolution | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export const isOpen = (status: ReportStatus): boolean => status === 'pending' || status === 'reviewing';

/**
 * Contract §12.2: where `request` takes a report in `from`. `review` on a reviewing report is a handover (the
 * status stays); a closed report refuses everything with 409.
 */
export function nextStatus(from: ReportStatus, request: 'review'): 'reviewing';
export function nextStatus(from: ReportStatus, request: ResolutionAction): 'resolved' | 'dismissed';
export function nextStatus(from: ReportStatus, request: 'review' | ResolutionAction): ReportStatus;
export function nextStatus(from: ReportStatus, request: 'review' | ResolutionAction): ReportStatus {
  if (!isOpen(from)) throw new ConflictError('report.closed', `the report is already ${from}`);
  if (request === 'review') return 'reviewing';
  return request === 'dismiss' ? 'dismissed' : 'resolved';
}

/**
 * POST /reports fields, every failing one reported together with `known` (problems the caller found, such as
 * an unusable `image_id`); `description` is required for `other`.
 */
export function reportInput(raw: { reason: unknown; description?: unknown }, known: readonly FieldError[] = []): { reason: ReportReason; description: string } {
  const fields: FieldError[] = [...known];
  const reason = oneOf(raw.reason, REPORT_REASONS, 'reason', fields);
  let description = '';
  if (raw.description !== undefined) description = text(raw.description, DESCRIPTION_RULE, 'description', fields) ?? '';
  // Blank counts as missing: whitespace is trimmed away before the rule is checked.
  if (reason === 'other' && description === '' && !fields.some((f) => f.field === 'description')) {
    fields.push({ field: 'description', message: 'is required when reason is other' });
  }
  if (fields.length > 0 || !reason) throw new ValidationError('report.invalid', fields);
  return { reason, description };
}

export interface ResolveInput {
  readonly action: ResolutionAction;
  readonly notes: string;
  /** Only for `ban`, where it is required. */
  readonly banReason: string | null;
  /** Only for `ban`; null = permanent. */
  readonly banDurationHours: number | null;
}

/** POST …/resolve fields: `ban_reason` required for `ban` and refused otherwise, as is `ban_duration_hours`. */
export function resolveInput(raw: { action: unknown; notes?: unknown; ban_reason?: unknown; ban_duration_hours?: unknown }): ResolveInput {
  const fields: FieldError[] = [];
  const action = oneOf(raw.action, RESOLUTION_ACTIONS, 'action', fields);
  const notes = raw.notes === undefined ? '' : (text(raw.notes, NOTES_RULE, 'notes', fields) ?? '');
  let banReason: string | null = null;
  let banDurationHours: number | null = null;
  if (action === 'ban') {
    banReason = text(raw.ban_reason, BAN_REASON_RULE, 'ban_reason', fields) ?? null;
    if (raw.ban_duration_hours !== undefined) banDurationHours = hours(raw.ban_duration_hours, fields);
  } else if (action) {
    if (raw.ban_reason !== undefined) fields.push({ field: 'ban_reason', message: 'is only allowed with action ban' });
    if (raw.ban_duration_hours !== undefined) fields.push({ field: 'ban_duration_hours', message: 'is only allowed with action ban' });
  }
  if (fields.length > 0 || !action) throw new ValidationError('report.invalid_resolution', fields);
  return { action, notes, banReason, banDurationHours };
}

function oneOf<T extends string>(raw: unknown, allowed: readonly T[], field: string, fields: FieldError[]): T | undefined {
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  fields.push({ field, message: raw === undefined ? 'is required' : `must be one of ${allowed.join(', ')}` });
  return undefined;
}

function text(raw: unknown, rule: TextRule, field: string, fields: FieldError[]): string | undefined {
  if (typeof raw !== 'string') {
    fields.push({ field, message: nonStringProblem(raw) });
    return undefined;
  }
  const value = normalizeText(raw, rule);
  const problem = textProblem(value, rule);
  if (problem) fields.push({ field, message: problem });
  return problem ? undefined : value;
}

function hours(raw: unknown, fields: FieldError[]): number | null {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= BAN_DURATION_MAX_HOURS) return raw;
  fields.push({ field: 'ban_duration_hours', message: `must be an integer from 1 to ${BAN_DURATION_MAX_HOURS}` });
  return null;
}
