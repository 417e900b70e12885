import { Type } from '@sinclair/typebox';
import { ROLES, type Role as RoleName } from '../../../domain/identity/role.js';

// A plain enum rather than a union of literals: a bad value then yields one error ("must be one of …"), not one per literal.
const Role = Type.Unsafe<RoleName>({ type: 'string', enum: [...ROLES] });
const Timestamp = Type.String({ format: 'date-time' });

export const UserSummary = Type.Object({ id: Type.String({ format: 'uuid' }), username: Type.String(), display_name: Type.String() }, { $id: 'UserSummary' });

const publicFields = {
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  display_name: Type.String(),
  bio: Type.String(),
  role: Role,
  created_at: Timestamp,
};

export const UserPublic = Type.Object(publicFields, { $id: 'UserPublic' });

export const UserSelf = Type.Object(
  {
    ...publicFields,
    email: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('banned'), Type.Literal('deleted')]),
    updated_at: Timestamp,
  },
  { $id: 'UserSelf' },
);

/** `GET /users/{id}`: `UserSelf` for self and admins, otherwise `UserPublic` (the self-only fields absent). */
export const UserView = Type.Object(
  {
    ...publicFields,
    email: Type.Optional(Type.String()),
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('banned'), Type.Literal('deleted')])),
    updated_at: Type.Optional(Timestamp),
  },
  { description: 'UserSelf for the user themself and admins, UserPublic for everyone else' },
);

export const SessionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  ip_address: Type.String(),
  user_agent: Type.String(),
  created_at: Timestamp,
  last_used_at: Timestamp,
  expires_at: Timestamp,
  is_current: Type.Boolean(),
});

/** A user id in a path: a UUID, or `me` for the caller. */
export const UserIdParams = Type.Object({ id: Type.String({ format: 'user-ref' }) });
export const SessionParams = Type.Object({ id: Type.String({ format: 'user-ref' }), session_id: Type.String({ format: 'uuid' }) });

export const ProfilePatchBody = Type.Object(
  { display_name: Type.Optional(Type.String()), bio: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export const PasswordChangeBody = Type.Object(
  { current_password: Type.Optional(Type.String()), new_password: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export const DeleteUserBody = Type.Object({ password: Type.Optional(Type.String()) }, { additionalProperties: false });
export const RoleBody = Type.Object({ role: Role }, { additionalProperties: false });
