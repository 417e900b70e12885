/** Contract §12.4 shapes: the `AuditEntry` object and the filters of `/moderation/audit`. */
import { Type } from '@sinclair/typebox';
import { paginationQuery } from './pagination.js';
import { PageInfo } from './social.js';
import { UserSummary } from './users.js';

const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const AUDIT_TARGET_TYPES = ['user', 'session', 'image', 'comment', 'report', 'ban'] as const;

export const AuditEntryView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  action: Type.String(),
  actor: Nullable(Type.Ref(UserSummary)),
  ip_address: Nullable(Type.String()),
  target_type: Nullable(Type.String({ enum: [...AUDIT_TARGET_TYPES] })),
  target_id: Nullable(Type.String()),
  details: Type.Object({}, { additionalProperties: true, description: 'shape per action (contract §12.4)' }),
  created_at: Timestamp,
});

export const AuditPage = Type.Object({ items: Type.Array(AuditEntryView), pagination: PageInfo });

export const AuditQuery = Type.Object({
  ...paginationQuery,
  action: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 })),
  actor_id: Type.Optional(Type.String({ format: 'uuid' })),
  target_type: Type.Optional(Type.Unsafe<(typeof AUDIT_TARGET_TYPES)[number]>({ type: 'string', enum: [...AUDIT_TARGET_TYPES] })),
  target_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  since: Type.Optional(Timestamp),
  until: Type.Optional(Timestamp),
});
