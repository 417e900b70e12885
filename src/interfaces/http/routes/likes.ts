/** Likes (contract §10.1) and a user's liked images (`GET /users/{id}/likes`, §6). */
import type { FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { likeImage } from '../../../application/social/like-image.js';
import { listImageLikes } from '../../../application/social/list-image-likes.js';
import { listUserLikes } from '../../../application/social/list-user-likes.js';
import { unlikeImage } from '../../../application/social/unlike-image.js';
import { requireUser } from '../../../domain/identity/actor.js';
import { requestContext } from '../auth.js';
import { refusePageWithCursor } from '../pagination.js';
import { problemResponse } from '../schemas/common.js';
import { IdParams, LikeResult, LikersPage, LikersQuery, UserLikesQuery } from '../schemas/social.js';
import { UserIdParams } from '../schemas/users.js';
import { imagePageView } from '../views/image-page-view.js';
import { likerView } from '../views/social-views.js';

const tags = ['likes'];
const security = [{ bearer: [] }];
const errors = { 401: problemResponse('Not signed in'), 404: problemResponse('No such image') };

export const likeRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  app.post<{ Params: Static<typeof IdParams> }>(
    '/api/v1/images/:id/like',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Like an image (idempotent)', params: IdParams, response: { 200: LikeResult, ...errors, 409: problemResponse('Image not active') } } },
    async (request) => {
      const { liked, likeCount } = await likeImage(ports, requireUser(request.actor), request.params.id.toLowerCase(), requestContext(request));
      return { liked, like_count: likeCount };
    },
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/api/v1/images/:id/like',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Remove one’s like (idempotent)', params: IdParams, response: { 200: LikeResult, ...errors } } },
    async (request) => {
      const { liked, likeCount } = await unlikeImage(ports, requireUser(request.actor), request.params.id.toLowerCase(), requestContext(request));
      return { liked, like_count: likeCount };
    },
  );

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof LikersQuery> }>(
    '/api/v1/images/:id/likes',
    {
      config: { access: 'opt', fieldLocation: 'query' },
      schema: { tags, summary: 'Who liked an image, newest first', params: IdParams, querystring: LikersQuery, response: { 200: LikersPage, 400: problemResponse('Bad parameters'), 404: errors[404] } },
    },
    async (request) => {
      refusePageWithCursor(request.query);
      const page = await listImageLikes(ports, request.actor, request.params.id.toLowerCase(), request.query);
      return { items: page.items.map(likerView), pagination: page.pagination };
    },
  );

  app.get<{ Params: Static<typeof UserIdParams>; Querystring: Static<typeof UserLikesQuery> }>(
    '/api/v1/users/:id/likes',
    {
      config: { access: 'opt', fieldLocation: 'query' },
      schema: { tags: ['users'], summary: 'Images a user liked, newest like first, as far as the caller may read them', params: UserIdParams, querystring: UserLikesQuery, response: { 400: problemResponse('Bad parameters'), 404: problemResponse('No such user') } },
    },
    async (request) => {
      const q = request.query;
      refusePageWithCursor(q);
      const userId = request.params.id === 'me' ? requireUser(request.actor).userId : request.params.id.toLowerCase();
      const page = await listUserLikes(ports, request.actor, userId, { ...q, ...(q.content_rating ? { contentRating: q.content_rating } : {}) });
      return imagePageView(ports, request.actor, page);
    },
  );
};
