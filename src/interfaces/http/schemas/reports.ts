/** Contract §12.1, §12.2 shapes: report bodies, the receipt, the staff `Report`, and the queue's parameters. */
import { Type } from '@sinclair/typebox';
import type { ReportReason, ReportStatus } from '../../../domain/moderation/report.js';
import { REPORT_REASONS, REPORT_STATUSES, RESOLUTION_ACTIONS } from '../../../domain/moderation/report.js';
import { paginationQuery } from './pagination.js';
import { PageInfo } from './social.js';
import { UserSummary } from './users.js';

const Timestamp = Type.String({ format: 'date-time' });
const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

// Field rules (reasons, lengths, `other` needs a description) live in the domain, which reports them together.
export const ReportBody = Type.Object(
  { image_id: Uuid, reason: Type.String({ description: REPORT_REASONS.join(' | ') }), description: Type.Optional(Type.String()) },
  { additionalProperties: false },
);

export const ResolveBody = Type.Object(
  {
    action: Type.String({ description: RESOLUTION_ACTIONS.join(' | ') }),
    notes: Type.Optional(Type.String()),
    ban_reason: Type.Optional(Type.String()),
    ban_duration_hours: Type.Optional(Type.Integer({ description: '1–87,600; only with action ban; absent = permanent' })),
  },
  { additionalProperties: false },
);

export const ReportReceipt = Type.Object({ id: Uuid, image_id: Uuid, reason: Type.String(), description: Type.String(), status: Type.String(), created_at: Timestamp });

export const ReportView = Type.Object({
  id: Uuid,
  reporter: Type.Ref(UserSummary),
  image: Type.Object({
    id: Uuid,
    title: Type.String(),
    owner: Type.Ref(UserSummary),
    status: Type.String(),
    visibility: Type.String(),
    thumbnail_url: Nullable(Type.String()),
  }),
  reason: Type.String(),
  description: Type.String(),
  status: Type.String(),
  reviewer: Nullable(Type.Ref(UserSummary)),
  resolution: Nullable(
    Type.Object({ action: Type.String(), notes: Type.String(), resolved_by: Type.Ref(UserSummary), resolved_at: Timestamp, ban_id: Nullable(Uuid) }),
  ),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const ReportsPage = Type.Object({ items: Type.Array(ReportView), pagination: PageInfo });

// Plain enums rather than unions of literals: a bad value then yields one error, not one per literal.
export const ReportsQuery = Type.Object({
  ...paginationQuery,
  status: Type.Optional(Type.Array(Type.Unsafe<ReportStatus>({ type: 'string', enum: [...REPORT_STATUSES] }), { maxItems: 4 })),
  reason: Type.Optional(Type.Unsafe<ReportReason>({ type: 'string', enum: [...REPORT_REASONS] })),
  image_id: Type.Optional(Uuid),
  order: Type.Optional(Type.Unsafe<'asc' | 'desc'>({ type: 'string', enum: ['asc', 'desc'] })),
});
