/** Image lists (contract §6, §7.6): `GET /images` (public feed or one owner's) and `GET /users/{id}/images`. */
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { listImages, type ImageListParams } from '../../../application/gallery/list-images.js';
import type { Actor } from '../../../domain/identity/actor.js';
import { requireUser } from '../../../domain/identity/actor.js';
import { refusePageWithCursor } from '../pagination.js';
import { problemResponse } from '../schemas/common.js';
import { paginationQuery } from '../schemas/pagination.js';
import { imagePageView } from '../views/image-page-view.js';
import { listAlbumImages } from '../../../application/gallery/list-album-images.js';

const filters = {
  ...paginationQuery,
  visibility: Type.Optional(Type.String({ enum: ['public', 'unlisted', 'private'] })),
  content_rating: Type.Optional(Type.String({ enum: ['safe', 'nsfw', 'all'] })),
  tag: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 5 })),
  sort: Type.Optional(Type.String({ enum: ['created_at', 'like_count', 'view_count'] })),
  order: Type.Optional(Type.String({ enum: ['asc', 'desc'] })),
};
const ImagesQuery = Type.Object({
  ...filters,
  owner_id: Type.Optional(Type.String({ format: 'user-ref' })),
  album_id: Type.Optional(Type.String({ format: 'uuid' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
const UserImagesQuery = Type.Object(filters);
const UserParams = Type.Object({ id: Type.String({ format: 'user-ref' }) });

export const imageListRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  const respond = async (actor: Actor, params: ImageListParams) => imagePageView(ports, actor, await listImages(ports, actor, params));
  const ownerOf = (actor: Actor, id: string) => (id === 'me' ? requireUser(actor).userId : id.toLowerCase());
  const config = { access: 'opt' as const, fieldLocation: 'query' as const };

  app.get<{ Querystring: Static<typeof ImagesQuery> }>(
    '/api/v1/images',
    { config, schema: { tags: ['images'], summary: 'The public feed, or one owner’s images', querystring: ImagesQuery, response: { 400: problemResponse('Bad parameters') } } },
    async (request) => {
      const q = request.query;
      refusePageWithCursor(q);
      // An album's images keep album order; an album the caller may not read gives an empty list (contract §7.6).
      if (q.album_id !== undefined) return imagePageView(ports, request.actor, await listAlbumImages(ports, request.actor, q.album_id.toLowerCase(), q, { emptyWhenUnreadable: true }));
      return respond(request.actor, { ...(q as ImageListParams), ...(q.owner_id ? { ownerId: ownerOf(request.actor, q.owner_id) } : {}), ...(q.tag ? { tags: q.tag } : {}), ...(q.content_rating ? { contentRating: q.content_rating as ImageListParams['contentRating'] } : {}) });
    },
  );

  app.get<{ Params: Static<typeof UserParams>; Querystring: Static<typeof UserImagesQuery> }>(
    '/api/v1/users/:id/images',
    { config, schema: { tags: ['users'], summary: 'A user’s images', params: UserParams, querystring: UserImagesQuery, response: { 400: problemResponse('Bad parameters'), 404: problemResponse('No such user') } } },
    async (request) => {
      const q = request.query;
      refusePageWithCursor(q);
      return respond(request.actor, { ...(q as ImageListParams), ownerId: ownerOf(request.actor, request.params.id), ...(q.tag ? { tags: q.tag } : {}), ...(q.content_rating ? { contentRating: q.content_rating as ImageListParams['contentRating'] } : {}) });
    },
  );
};
