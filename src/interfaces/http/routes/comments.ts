/** Comments (contract §10.2). Comments have no GET route of their own, so creation sends no `Location` (§19). */
import type { FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { addComment } from '../../../application/social/add-comment.js';
import { deleteComment } from '../../../application/social/delete-comment.js';
import { listComments } from '../../../application/social/list-comments.js';
import { requireUser } from '../../../domain/identity/actor.js';
import { requestContext } from '../auth.js';
import { refusePageWithCursor } from '../pagination.js';
import { problemResponse } from '../schemas/common.js';
import { CommentBody, CommentView, CommentsPage, CommentsQuery, IdParams } from '../schemas/social.js';
import { commentView } from '../views/social-views.js';

const tags = ['comments'];
const security = [{ bearer: [] }];

export const commentRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof CommentBody> }>(
    '/api/v1/images/:id/comments',
    {
      config: { access: 'user', rateLimit: 'comment' },
      schema: {
        tags,
        security,
        summary: 'Comment on an image (plain text, 1–1000 characters)',
        params: IdParams,
        body: CommentBody,
        response: { 201: CommentView, 400: problemResponse('Invalid content'), 401: problemResponse('Not signed in'), 404: problemResponse('No such image'), 409: problemResponse('Image not active'), 429: problemResponse('Comment limit') },
      },
    },
    async (request, reply) => {
      const added = await addComment(ports, requireUser(request.actor), request.params.id.toLowerCase(), request.body, requestContext(request));
      return reply.code(201).send(commentView(added));
    },
  );

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof CommentsQuery> }>(
    '/api/v1/images/:id/comments',
    {
      config: { access: 'opt', fieldLocation: 'query' },
      schema: { tags, summary: 'An image’s comments, oldest first by default', params: IdParams, querystring: CommentsQuery, response: { 200: CommentsPage, 400: problemResponse('Bad parameters'), 404: problemResponse('No such image') } },
    },
    async (request) => {
      const q = request.query;
      refusePageWithCursor(q);
      const page = await listComments(ports, request.actor, request.params.id.toLowerCase(), q);
      return { items: page.items.map(commentView), pagination: page.pagination };
    },
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/api/v1/comments/:id',
    {
      config: { access: 'user' },
      schema: { tags, security, summary: 'Delete a comment (author, image owner or staff)', params: IdParams, response: { 204: { type: 'null' }, 401: problemResponse('Not signed in'), 403: problemResponse('Not allowed'), 404: problemResponse('No such comment') } },
    },
    async (request, reply) => {
      await deleteComment(ports, requireUser(request.actor), request.params.id.toLowerCase(), requestContext(request));
      return reply.code(204).send();
    },
  );
};
