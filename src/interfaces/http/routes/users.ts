/** `/users/*` (contract §6): profiles, password, deletion, sessions, roles. `me` stands for the caller. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { changePassword } from '../../../application/identity/change-password.js';
import { changeRole } from '../../../application/identity/change-role.js';
import { deleteUser } from '../../../application/identity/delete-user.js';
import { getUser } from '../../../application/identity/get-user.js';
import { listSessions } from '../../../application/identity/list-sessions.js';
import { revokeSession } from '../../../application/identity/revoke-session.js';
import { updateProfile } from '../../../application/identity/update-profile.js';
import { requireUser } from '../../../domain/identity/actor.js';
import { requestContext } from '../auth.js';
import { problemResponse } from '../schemas/common.js';
import { DeleteUserBody, PasswordChangeBody, ProfilePatchBody, RoleBody, SessionParams, SessionView, UserIdParams, UserSelf, UserView } from '../schemas/users.js';
import { sessionView, userSelf, userView } from '../views/user-views.js';

const tags = ['users'];
const security = [{ bearer: [] }];
const errors = {
  400: problemResponse('Invalid input'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Not allowed'),
  404: problemResponse('No such user'),
};

/** Resolves `me` to the caller; anonymous callers get 401 (contract §1). */
export function userId(request: FastifyRequest, id: string): string {
  return id === 'me' ? requireUser(request.actor).userId : id.toLowerCase();
}

export const userRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  app.get('/api/v1/users/me', { config: { access: 'user' }, schema: { tags, security, summary: 'The caller', response: { 200: UserSelf, 401: errors[401] } } }, async (request) => {
    const { user } = await getUser(ports, request.actor, requireUser(request.actor).userId);
    return userSelf(user);
  });

  app.get<{ Params: Static<typeof UserIdParams> }>(
    '/api/v1/users/:id',
    { config: { access: 'opt' }, schema: { tags, summary: 'A user profile', params: UserIdParams, response: { 200: UserView, 404: errors[404] } } },
    async (request) => {
      const { user, view } = await getUser(ports, request.actor, userId(request, request.params.id));
      return userView(user, view);
    },
  );

  app.patch<{ Params: Static<typeof UserIdParams>; Body: Static<typeof ProfilePatchBody> }>(
    '/api/v1/users/:id',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Edit a profile (self or admin)', params: UserIdParams, body: ProfilePatchBody, response: { 200: UserSelf, ...errors } } },
    async (request) => userSelf(await updateProfile(ports, requireUser(request.actor), userId(request, request.params.id), request.body, requestContext(request))),
  );

  app.put<{ Params: Static<typeof UserIdParams>; Body: Static<typeof PasswordChangeBody> }>(
    '/api/v1/users/:id/password',
    {
      config: { access: 'user' },
      schema: { tags, security, summary: 'Change the password; other sessions are signed out', params: UserIdParams, body: PasswordChangeBody, response: { 204: { type: 'null' }, ...errors, 429: problemResponse('Account locked') } },
    },
    async (request, reply) => {
      await changePassword(ports, requireUser(request.actor), userId(request, request.params.id), request.body, requestContext(request));
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: Static<typeof UserIdParams>; Body: Static<typeof DeleteUserBody> }>(
    '/api/v1/users/:id',
    {
      config: { access: 'user' },
      schema: { tags, security, summary: 'Delete an account (self with password, or admin)', params: UserIdParams, body: DeleteUserBody, response: { 204: { type: 'null' }, ...errors, 429: problemResponse('Account locked') } },
    },
    async (request, reply) => {
      await deleteUser(ports, requireUser(request.actor), userId(request, request.params.id), request.body, requestContext(request));
      return reply.code(204).send();
    },
  );

  app.get<{ Params: Static<typeof UserIdParams> }>(
    '/api/v1/users/:id/sessions',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Active sessions', params: UserIdParams, response: { 200: { type: 'object', properties: { items: { type: 'array', items: SessionView } }, required: ['items'] }, ...errors } } },
    async (request) => {
      const items = await listSessions(ports, requireUser(request.actor), userId(request, request.params.id));
      return { items: items.map(({ session, isCurrent }) => sessionView(session, isCurrent)) };
    },
  );

  app.delete<{ Params: Static<typeof SessionParams> }>(
    '/api/v1/users/:id/sessions/:session_id',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Revoke a session', params: SessionParams, response: { 204: { type: 'null' }, ...errors } } },
    async (request, reply) => {
      await revokeSession(ports, requireUser(request.actor), userId(request, request.params.id), request.params.session_id.toLowerCase(), requestContext(request));
      return reply.code(204).send();
    },
  );

  app.put<{ Params: Static<typeof UserIdParams>; Body: Static<typeof RoleBody> }>(
    '/api/v1/users/:id/role',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Change a role (admin)', params: UserIdParams, body: RoleBody, response: { 200: UserSelf, ...errors } } },
    async (request) => userSelf(await changeRole(ports, requireUser(request.actor), userId(request, request.params.id), request.body.role, requestContext(request))),
  );
};
