/** Bans (contract §12.3): ban and unban a user, and the staff list of bans. */
import type { FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { banUser } from '../../../application/moderation/ban-user.js';
import { listBans } from '../../../application/moderation/list-bans.js';
import { revokeBan } from '../../../application/moderation/revoke-ban.js';
import { requestContext } from '../auth.js';
import { refusePageWithCursor } from '../pagination.js';
import { BanBody, BansPage, BansQuery, BanView } from '../schemas/bans.js';
import { problemResponse } from '../schemas/common.js';
import { UserIdParams } from '../schemas/users.js';
import { banView } from '../views/moderation-views.js';
import { userId } from './users.js';

const tags = ['moderation'];
const security = [{ bearer: [] }];
const access = { 401: problemResponse('Not signed in'), 403: problemResponse('Not allowed') };

export const banRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  app.post<{ Params: Static<typeof UserIdParams>; Body: Static<typeof BanBody> }>(
    '/api/v1/users/:id/ban',
    {
      config: { access: 'user' },
      schema: {
        tags,
        security,
        summary: 'Ban a user (staff); with `duration_hours` the ban ends by itself',
        params: UserIdParams,
        body: BanBody,
        response: { 201: BanView, 400: problemResponse('Invalid fields'), ...access, 404: problemResponse('No such user'), 409: problemResponse('Already banned') },
      },
    },
    async (request, reply) => {
      const details = await banUser(ports, request.actor, userId(request, request.params.id), request.body, requestContext(request));
      return reply.code(201).send(banView(details, ports.clock.now()));
    },
  );

  app.delete<{ Params: Static<typeof UserIdParams> }>(
    '/api/v1/users/:id/ban',
    {
      config: { access: 'user' },
      schema: { tags, security, summary: 'Lift the active ban (admin)', params: UserIdParams, response: { 204: { type: 'null' }, ...access, 404: problemResponse('No active ban') } },
    },
    async (request, reply) => {
      await revokeBan(ports, request.actor, userId(request, request.params.id), requestContext(request));
      return reply.code(204).send();
    },
  );

  app.get<{ Querystring: Static<typeof BansQuery> }>(
    '/api/v1/moderation/bans',
    {
      config: { access: 'user', fieldLocation: 'query' },
      schema: { tags, security, summary: 'Bans, newest first', querystring: BansQuery, response: { 200: BansPage, 400: problemResponse('Bad parameters'), ...access } },
    },
    async (request) => {
      refusePageWithCursor(request.query);
      const page = await listBans(ports, request.actor, request.query);
      const now = ports.clock.now();
      return { items: page.items.map((b) => banView(b, now)), pagination: page.pagination };
    },
  );
};
