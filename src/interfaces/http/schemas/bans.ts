/** Contract §12.3 shapes: the ban body, the `Ban` object and the parameters of `/moderation/bans`. */
import { Type } from '@sinclair/typebox';
import { BAN_DURATION_MAX_HOURS, BAN_STATUSES, type BanStatus } from '../../../domain/moderation/ban.js';
import { paginationQuery } from './pagination.js';
import { PageInfo } from './social.js';
import { UserSummary } from './users.js';

const Timestamp = Type.String({ format: 'date-time' });
const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

// Text rules (NFC, trimming, 1–500 code points) live in the domain, which reports every failing field together.
export const BanBody = Type.Object(
  {
    reason: Type.String({ description: '1–500 characters' }),
    duration_hours: Type.Optional(Type.Integer({ description: `1–${BAN_DURATION_MAX_HOURS}; absent = permanent` })),
  },
  { additionalProperties: false },
);

export const BanView = Type.Object({
  id: Uuid,
  user: Type.Ref(UserSummary),
  reason: Type.String(),
  created_by: Type.Ref(UserSummary),
  report_id: Nullable(Uuid),
  created_at: Timestamp,
  expires_at: Nullable(Timestamp),
  revoked_at: Nullable(Timestamp),
  revoked_by: Nullable(Type.Ref(UserSummary)),
  status: Type.String({ enum: [...BAN_STATUSES] }),
});

export const BansPage = Type.Object({ items: Type.Array(BanView), pagination: PageInfo });

export const BansQuery = Type.Object({
  ...paginationQuery,
  status: Type.Optional(Type.Array(Type.Unsafe<BanStatus>({ type: 'string', enum: [...BAN_STATUSES] }), { maxItems: 3 })),
  user_id: Type.Optional(Uuid),
});
