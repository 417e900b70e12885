import { Type } from '@sinclair/typebox';
import { UserSelf } from './users.js';

// Field rules live in the domain so that every failing field is reported together; the schema only
// types the body and refuses unknown keys.
export const RegisterBody = Type.Object(
  {
    email: Type.Optional(Type.String({ examples: ['ada@example.com'] })),
    username: Type.Optional(Type.String({ examples: ['ada_l'] })),
    password: Type.Optional(Type.String({ description: '12–128 characters, not a common password' })),
    display_name: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

// Bounded so that nobody can make the server hash megabytes per attempt.
export const LoginBody = Type.Object(
  { email: Type.String({ maxLength: 1024 }), password: Type.String({ maxLength: 4096 }) },
  { additionalProperties: false },
);

export const RefreshBody = Type.Object({ refresh_token: Type.String({ maxLength: 256 }) }, { additionalProperties: false });
export const LogoutBody = Type.Object({ logout_all: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  refresh_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
});

export const AuthResponse = Type.Object({
  user: Type.Ref(UserSelf),
  access_token: Type.String(),
  refresh_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
});
