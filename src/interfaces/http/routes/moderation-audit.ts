/** The audit log API (contract §12.4): admins only, newest first. */
import type { FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { listAudit } from '../../../application/moderation/list-audit.js';
import { refusePageWithCursor } from '../pagination.js';
import { AuditPage, AuditQuery } from '../schemas/audit.js';
import { problemResponse } from '../schemas/common.js';
import { auditEntryView } from '../views/moderation-views.js';

export const moderationAuditRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  app.get<{ Querystring: Static<typeof AuditQuery> }>(
    '/api/v1/moderation/audit',
    {
      config: { access: 'user', fieldLocation: 'query' },
      schema: {
        tags: ['moderation'],
        security: [{ bearer: [] }],
        summary: 'The audit log, newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: problemResponse('Bad parameters'), 401: problemResponse('Not signed in'), 403: problemResponse('Not an administrator') },
      },
    },
    async (request) => {
      refusePageWithCursor(request.query);
      const { since, until, ...rest } = request.query;
      const page = await listAudit(ports, request.actor, {
        ...rest,
        ...(since === undefined ? {} : { since: new Date(since) }),
        ...(until === undefined ? {} : { until: new Date(until) }),
      });
      return { items: page.items.map(auditEntryView), pagination: page.pagination };
    },
  );
};
