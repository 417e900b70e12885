/**
 * The moderation pages' request logic, kept free of the DOM and of Preact so that it runs (and is unit tested)
 * in Node: list URLs with repeatable parameters (contract §1, §4, §12), the bodies of resolve and ban requests
 * with the contract's rules checked before sending (§12.2, §12.3), and a user id read from a pasted profile link.
 */
import type { ReportReason, ReportStatus, ResolutionAction } from './api/types.js';

export const REPORT_REASONS: readonly ReportReason[] = ['spam', 'inappropriate', 'copyright', 'harassment', 'other'];
export const RESOLUTION_ACTIONS: readonly ResolutionAction[] = ['dismiss', 'warn', 'remove', 'ban'];

/** The queue's status choices; `open` is the server's own default (pending + reviewing). */
export const QUEUE_FILTERS = ['open', 'resolved', 'dismissed', 'all'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export const BAN_FILTERS = ['active', 'expired', 'revoked', 'all'] as const;
export type BanFilter = (typeof BAN_FILTERS)[number];

/** Every action of contract §12.4, plus the two report closings written under their event names. */
export const AUDIT_ACTIONS: readonly string[] = [
  'auth.login_failed',
  'auth.account_locked',
  'auth.token_reused',
  'auth.password_changed',
  'auth.logout_all',
  'session.revoked',
  'user.role_changed',
  'user.deleted',
  'user.banned',
  'user.unbanned',
  'user.warned',
  'report.resolved',
  'report.dismissed',
  'image.flagged',
  'image.restored',
  'image.deleted_by_staff',
  'comment.deleted_by_staff',
  'upload.malware_rejected',
];

export const PER_PAGE = 20;
export const BAN_REASON_MAX = 500;
export const NOTES_MAX = 2000;
export const BAN_HOURS_MAX = 87_600;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isOneOf<T extends string>(value: string | null, allowed: readonly T[]): value is T {
  return value !== null && (allowed as readonly string[]).includes(value);
}

/** Cursor mode throughout: the first page is asked for with an empty cursor (§4). */
function withPage(params: URLSearchParams, cursor: string): string {
  params.append('per_page', String(PER_PAGE));
  params.append('cursor', cursor);
  return params.toString();
}

// ---- Report queue -------------------------------------------------------------------------------------------

export interface QueueQuery {
  readonly filter: QueueFilter;
  /** '' = any reason. */
  readonly reason: ReportReason | '';
}

export function queueStatuses(filter: QueueFilter): readonly ReportStatus[] {
  switch (filter) {
    case 'open':
      return ['pending', 'reviewing'];
    case 'all':
      return ['pending', 'reviewing', 'resolved', 'dismissed'];
    default:
      return [filter];
  }
}

/** The queue's filters from the page address (`?status=resolved&reason=spam`); anything unknown is the default. */
export function queueQueryFrom(search: URLSearchParams): QueueQuery {
  const status = search.get('status');
  const reason = search.get('reason');
  return { filter: isOneOf(status, QUEUE_FILTERS) ? status : 'open', reason: isOneOf(reason, REPORT_REASONS) ? reason : '' };
}

/** The page address for the filters, defaults left out so `/moderation` stays the plain queue. */
export function queueAddress(query: QueueQuery): string {
  const params = new URLSearchParams();
  if (query.filter !== 'open') params.set('status', query.filter);
  if (query.reason !== '') params.set('reason', query.reason);
  const search = params.toString();
  return search === '' ? '/moderation' : `/moderation?${search}`;
}

export function reportsUrl(query: QueueQuery, cursor: string): string {
  const params = new URLSearchParams();
  for (const status of queueStatuses(query.filter)) params.append('status', status);
  if (query.reason !== '') params.append('reason', query.reason);
  params.append('order', 'asc');
  return `/moderation/reports?${withPage(params, cursor)}`;
}

// ---- Bans ---------------------------------------------------------------------------------------------------

export function banFilterFrom(search: URLSearchParams): BanFilter {
  const status = search.get('status');
  return isOneOf(status, BAN_FILTERS) ? status : 'active';
}

export function bansAddress(filter: BanFilter): string {
  return filter === 'active' ? '/moderation/bans' : `/moderation/bans?status=${filter}`;
}

/** `user_id` narrows to one user: how a single row is read again after it changed. */
export function bansUrl(filter: BanFilter, cursor: string, userId?: string): string {
  const params = new URLSearchParams();
  const statuses = filter === 'all' ? (['active', 'expired', 'revoked'] as const) : [filter];
  for (const status of statuses) params.append('status', status);
  if (userId !== undefined) params.append('user_id', userId);
  return `/moderation/bans?${withPage(params, cursor)}`;
}

// ---- Audit log ----------------------------------------------------------------------------------------------

export interface AuditQuery {
  /** '' = every action. */
  readonly action: string;
  /** `YYYY-MM-DD` as a date input gives it, or ''. */
  readonly since: string;
  readonly until: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditQueryFrom(search: URLSearchParams): AuditQuery {
  const action = search.get('action');
  const day = (name: string) => {
    const value = search.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return { action: isOneOf(action, AUDIT_ACTIONS) ? action : '', since: day('since'), until: day('until') };
}

export function auditAddress(query: AuditQuery): string {
  const params = new URLSearchParams();
  if (query.action !== '') params.set('action', query.action);
  if (query.since !== '') params.set('since', query.since);
  if (query.until !== '') params.set('until', query.until);
  const search = params.toString();
  return search === '' ? '/moderation/audit' : `/moderation/audit?${search}`;
}

/**
 * The first instant of a calendar day in the viewer's time zone, as the API's timestamp. (A date-time string
 * without an offset is local time, by the ECMAScript date format.)
 */
export function dayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/** The last millisecond of the day: the server's `until` is inclusive, so a whole day is in. */
export function dayEnd(day: string): string {
  return new Date(`${day}T23:59:59.999`).toISOString();
}

/** Null when the range is backwards: the form says so instead of asking for an empty list. */
export function auditUrl(query: AuditQuery, cursor: string): string | null {
  if (query.since !== '' && query.until !== '' && query.since > query.until) return null;
  const params = new URLSearchParams();
  if (query.action !== '') params.append('action', query.action);
  if (query.since !== '') params.append('since', dayStart(query.since));
  if (query.until !== '') params.append('until', dayEnd(query.until));
  return `/moderation/audit?${withPage(params, cursor)}`;
}

/** An entry's details as `key: value` text pairs; nested values (none in §12.4, but the shape is open) as JSON. */
export function detailPairs(details: Readonly<Record<string, unknown>>): [string, string][] {
  return Object.entries(details).map(([key, value]) => {
    if (value === null || value === undefined) return [key, '—'];
    if (typeof value === 'string') return [key, value === '' ? '(empty)' : value];
    if (typeof value === 'number' || typeof value === 'boolean') return [key, String(value)];
    return [key, JSON.stringify(value)];
  });
}

// ---- Resolve and ban bodies ---------------------------------------------------------------------------------

export type DurationUnit = 'permanent' | 'hours' | 'days';

export interface BanFieldsState {
  readonly reason: string;
  /** The number typed, as text; ignored when `unit` is permanent. */
  readonly amount: string;
  readonly unit: DurationUnit;
}

export const EMPTY_BAN: BanFieldsState = { reason: '', amount: '', unit: 'permanent' };

export interface ResolveFormState {
  /** '' until one is chosen: closing a report is never a default. */
  readonly action: ResolutionAction | '';
  readonly notes: string;
  readonly ban: BanFieldsState;
}

/** A problem with one form field, named as the form's controls are: `action`, `notes`, `reason`, `duration`, `user`. */
export interface FieldProblem {
  readonly field: 'action' | 'notes' | 'reason' | 'duration' | 'user';
  readonly message: string;
}

export type Built<T> = { readonly ok: true; readonly body: T } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

export interface ResolveBody {
  readonly action: ResolutionAction;
  readonly notes?: string;
  readonly ban_reason?: string;
  readonly ban_duration_hours?: number;
}

export interface BanBody {
  readonly reason: string;
  readonly duration_hours?: number;
}

/** Lengths as the server counts them: code points after NFC and trimming (§1 "Text input"). */
function length(text: string): number {
  return [...text.normalize('NFC').trim()].length;
}

/** Hours for the ban length, null for permanent, or the problem with what was typed. */
export function banHours(amount: string, unit: DurationUnit): number | null | FieldProblem {
  if (unit === 'permanent') return null;
  const text = amount.trim();
  if (text === '') return { field: 'duration', message: `Enter a number of ${unit}, or choose permanent.` };
  if (!/^\d+$/.test(text)) return { field: 'duration', message: `The duration must be a whole number of ${unit}.` };
  const hours = Number(text) * (unit === 'days' ? 24 : 1);
  if (hours < 1 || hours > BAN_HOURS_MAX) {
    const most = unit === 'days' ? `${BAN_HOURS_MAX / 24} days` : `${BAN_HOURS_MAX} hours`;
    return { field: 'duration', message: `The duration must be from 1 ${unit === 'days' ? 'day' : 'hour'} to ${most}.` };
  }
  return hours;
}

function banParts(ban: BanFieldsState, problems: FieldProblem[]): { reason: string; hours: number | null } {
  const reason = ban.reason.trim();
  if (reason === '') problems.push({ field: 'reason', message: 'A ban needs a reason.' });
  else if (length(reason) > BAN_REASON_MAX) problems.push({ field: 'reason', message: `The reason must be at most ${BAN_REASON_MAX} characters.` });
  else if (/[\n\r]/.test(reason)) problems.push({ field: 'reason', message: 'The reason must be a single line.' });
  const hours = banHours(ban.amount, ban.unit);
  if (hours !== null && typeof hours === 'object') {
    problems.push(hours);
    return { reason, hours: null };
  }
  return { reason, hours };
}

/**
 * POST /moderation/reports/{id}/resolve. The ban fields go out only with `ban` (the server refuses them with any
 * other action); what they hold while hidden is kept in the form but never sent.
 */
export function resolveRequest(state: ResolveFormState): Built<ResolveBody> {
  const problems: FieldProblem[] = [];
  const action = state.action === '' ? null : state.action;
  if (action === null) problems.push({ field: 'action', message: 'Choose what to do with the report.' });
  const notes = state.notes.trim();
  if (length(notes) > NOTES_MAX) problems.push({ field: 'notes', message: `Notes must be at most ${NOTES_MAX} characters.` });
  let ban: { reason: string; hours: number | null } | null = null;
  if (state.action === 'ban') ban = banParts(state.ban, problems);
  if (problems.length > 0 || action === null) return { ok: false, problems };
  return {
    ok: true,
    body: {
      action,
      ...(notes === '' ? {} : { notes }),
      ...(ban === null ? {} : { ban_reason: ban.reason }),
      ...(ban === null || ban.hours === null ? {} : { ban_duration_hours: ban.hours }),
    },
  };
}

/** POST /users/{id}/ban, with the user id read from what was typed or pasted. */
export function banRequest(user: string, ban: BanFieldsState): Built<{ readonly userId: string; readonly body: BanBody }> {
  const problems: FieldProblem[] = [];
  const userId = parseUserId(user);
  if (userId === null) {
    problems.push({ field: 'user', message: user.trim() === '' ? 'Enter a user id or a profile link.' : 'That is not a user id or a profile link (/users/…).' });
  }
  const parts = banParts(ban, problems);
  if (problems.length > 0 || userId === null) return { ok: false, problems };
  return { ok: true, body: { userId, body: { reason: parts.reason, ...(parts.hours === null ? {} : { duration_hours: parts.hours }) } } };
}

/**
 * A user id from a bare UUID or a pasted profile link (`https://host/users/{id}`, `/users/{id}/images?…`),
 * lowercased as the API writes ids; null when neither.
 */
export function parseUserId(input: string): string | null {
  const text = input.trim();
  if (UUID.test(text)) return text.toLowerCase();
  const path = /(?:^|\/)users\/([^/?#\s]+)(?:[/?#]|$)/.exec(text)?.[1];
  if (path === undefined) return null;
  let id: string;
  try {
    id = decodeURIComponent(path);
  } catch {
    return null;
  }
  return UUID.test(id) ? id.toLowerCase() : null;
}
