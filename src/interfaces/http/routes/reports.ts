/** POST /reports (contract §12.1): answered without `Location`, the report's GET route being staff-only (§19). */
import type { FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { createReport } from '../../../application/moderation/create-report.js';
import { requireUser } from '../../../domain/identity/actor.js';
import { requestContext } from '../auth.js';
import { problemResponse } from '../schemas/common.js';
import { ReportBody, ReportReceipt } from '../schemas/reports.js';
import { reportReceiptView } from '../views/report-views.js';

export const reportRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  app.post<{ Body: Static<typeof ReportBody> }>(
    '/api/v1/reports',
    {
      config: { access: 'user', rateLimit: 'report' },
      schema: {
        tags: ['moderation'],
        security: [{ bearer: [] }],
        summary: 'Report an image you can see and do not own',
        body: ReportBody,
        response: { 201: ReportReceipt, 400: problemResponse('Invalid fields or unusable image_id'), 401: problemResponse('Not signed in'), 409: problemResponse('An open report already exists'), 429: problemResponse('Report limit') },
      },
    },
    async (request, reply) => {
      const { image_id: imageId, ...rest } = request.body;
      const report = await createReport(ports, requireUser(request.actor), { ...rest, imageId: imageId.toLowerCase() }, requestContext(request));
      return reply.code(201).send(reportReceiptView(report));
    },
  );
};
