/** `/auth/*` (contract §5.4): register, log in, refresh, log out. */
import type { FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { logIn } from '../../../application/identity/log-in.js';
import { logOut } from '../../../application/identity/log-out.js';
import { refreshTokens } from '../../../application/identity/refresh-tokens.js';
import { registerUser } from '../../../application/identity/register-user.js';
import { requireUser } from '../../../domain/identity/actor.js';
import { requestContext } from '../auth.js';
import { problemResponse } from '../schemas/common.js';
import { AuthResponse, LoginBody, LogoutBody, RefreshBody, RegisterBody, TokenResponse } from '../schemas/auth.js';
import { userSelf } from '../views/user-views.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  app.post<{ Body: Static<typeof RegisterBody> }>(
    '/api/v1/auth/register',
    {
      config: { access: 'none', rateLimit: 'register' },
      schema: {
        tags,
        summary: 'Create an account and sign in',
        body: RegisterBody,
        response: { 201: AuthResponse, 400: problemResponse('Invalid fields'), 409: problemResponse('Email or username taken'), 429: problemResponse('Rate limited') },
      },
    },
    async (request, reply) => {
      const { email, username, password, display_name } = request.body;
      const { user, tokens } = await registerUser(ports, { email, username, password, display_name }, requestContext(request));
      return reply.code(201).header('Location', `/api/v1/users/${user.id}`).send({
        user: userSelf(user),
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        token_type: 'Bearer' as const,
        expires_in: tokens.expiresIn,
      });
    },
  );

  app.post<{ Body: Static<typeof LoginBody> }>(
    '/api/v1/auth/login',
    {
      config: { access: 'none', rateLimit: 'login' },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: {
          200: AuthResponse,
          401: problemResponse('Invalid email or password'),
          403: problemResponse('Account banned'),
          429: problemResponse('Rate limited or account locked'),
        },
      },
    },
    async (request) => {
      const { user, tokens } = await logIn(ports, request.body, requestContext(request));
      return { user: userSelf(user), access_token: tokens.accessToken, refresh_token: tokens.refreshToken, token_type: 'Bearer' as const, expires_in: tokens.expiresIn };
    },
  );

  app.post<{ Body: Static<typeof RefreshBody> }>(
    '/api/v1/auth/refresh',
    {
      config: { access: 'none' },
      schema: {
        tags,
        summary: 'Rotate a refresh token',
        body: RefreshBody,
        response: { 200: TokenResponse, 401: problemResponse('Unknown, expired, revoked or reused refresh token') },
      },
    },
    async (request) => {
      const tokens = await refreshTokens(ports, request.body.refresh_token, requestContext(request));
      return { access_token: tokens.accessToken, refresh_token: tokens.refreshToken, token_type: 'Bearer' as const, expires_in: tokens.expiresIn };
    },
  );

  app.post<{ Body: Static<typeof LogoutBody> }>(
    '/api/v1/auth/logout',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Sign out this session, or every session', security: [{ bearer: [] }], body: LogoutBody, response: { 204: { type: 'null' }, 401: problemResponse('Not signed in') } },
    },
    async (request, reply) => {
      await logOut(ports, requireUser(request.actor), { all: request.body.logout_all ?? false }, requestContext(request));
      return reply.code(204).send();
    },
  );
};
