/** The staff side of reports (contract §12.1, §12.2): the queue, one report, review, resolve, and restore. */
import type { FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { viewerOf } from '../../../application/gallery/get-image.js';
import { getReport } from '../../../application/moderation/get-report.js';
import { listReports } from '../../../application/moderation/list-reports.js';
import { resolveReport } from '../../../application/moderation/resolve-report.js';
import { restoreImage } from '../../../application/moderation/restore-image.js';
import { startReview } from '../../../application/moderation/start-review.js';
import { requestContext } from '../auth.js';
import { refusePageWithCursor } from '../pagination.js';
import { problemResponse } from '../schemas/common.js';
import { ReportsPage, ReportsQuery, ReportView, ResolveBody } from '../schemas/reports.js';
import { IdParams } from '../schemas/social.js';
import { imageView } from '../views/image-views.js';
import { reportView } from '../views/report-views.js';

const tags = ['moderation'];
const security = [{ bearer: [] }];
const access = { 401: problemResponse('Not signed in'), 403: problemResponse('Not staff') };
const oneReport = { 200: ReportView, ...access, 404: problemResponse('No such report') };

export const moderationReportRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  const viewDeps = () => ({ urlSigner: ports.urlSigner, gallery: ports.gallery, now: ports.clock.now() });

  app.get<{ Querystring: Static<typeof ReportsQuery> }>(
    '/api/v1/moderation/reports',
    {
      config: { access: 'user', fieldLocation: 'query' },
      schema: { tags, security, summary: 'The report queue, oldest first; open reports unless `status` says otherwise', querystring: ReportsQuery, response: { 200: ReportsPage, 400: problemResponse('Bad parameters'), ...access } },
    },
    async (request) => {
      refusePageWithCursor(request.query);
      const page = await listReports(ports, request.actor, request.query);
      const deps = viewDeps();
      return { items: page.items.map((r) => reportView(r, deps)), pagination: page.pagination };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/moderation/reports/:id',
    { config: { access: 'user' }, schema: { tags, security, summary: 'One report', params: IdParams, response: oneReport } },
    async (request) => reportView(await getReport(ports, request.actor, request.params.id.toLowerCase()), viewDeps()),
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    '/api/v1/moderation/reports/:id/review',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Take a report for review (or over from another reviewer)', params: IdParams, response: { ...oneReport, 409: problemResponse('Report closed') } } },
    async (request) => reportView(await startReview(ports, request.actor, request.params.id.toLowerCase(), requestContext(request)), viewDeps()),
  );

  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof ResolveBody> }>(
    '/api/v1/moderation/reports/:id/resolve',
    {
      config: { access: 'user' },
      schema: { tags, security, summary: 'Resolve a report: dismiss, warn, remove or ban', params: IdParams, body: ResolveBody, response: { ...oneReport, 400: problemResponse('Invalid fields'), 409: problemResponse('Report closed') } },
    },
    async (request) => reportView(await resolveReport(ports, request.actor, request.params.id.toLowerCase(), request.body, requestContext(request)), viewDeps()),
  );

  app.post<{ Params: Static<typeof IdParams> }>(
    '/api/v1/moderation/images/:id/restore',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Restore a flagged image', params: IdParams, response: { ...access, 404: problemResponse('No such image'), 409: problemResponse('Image not flagged') } } },
    async (request) => {
      const restored = await restoreImage(ports, request.actor, request.params.id.toLowerCase(), requestContext(request));
      return imageView(restored, viewerOf(request.actor), viewDeps());
    },
  );
};
