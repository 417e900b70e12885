/** `/albums` (contract §8): albums, their contents and order. Rules live in the use cases; this maps HTTP. */
import type { FastifyPluginAsync } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { addImagesToAlbum } from '../../../application/gallery/add-images-to-album.js';
import { createAlbum } from '../../../application/gallery/create-album.js';
import { deleteAlbum } from '../../../application/gallery/delete-album.js';
import { getAlbum } from '../../../application/gallery/get-album.js';
import { listAlbumImages } from '../../../application/gallery/list-album-images.js';
import { listAlbums, type AlbumListParams } from '../../../application/gallery/list-albums.js';
import { removeImageFromAlbum } from '../../../application/gallery/remove-image-from-album.js';
import { reorderAlbumImages } from '../../../application/gallery/reorder-album-images.js';
import { updateAlbum } from '../../../application/gallery/update-album.js';
import { requireUser } from '../../../domain/identity/actor.js';
import { requestContext } from '../auth.js';
import { refusePageWithCursor } from '../pagination.js';
import { AddImagesBody, AddImagesResponse, AlbumImageParams, AlbumImagesQuery, AlbumParams, AlbumQuery, AlbumsQuery, CreateAlbumBody, OrderBody, PatchAlbumBody } from '../schemas/albums.js';
import { problemResponse } from '../schemas/common.js';
import { albumView } from '../views/album-views.js';
import { imagePageView } from '../views/image-page-view.js';

const tags = ['albums'];
const security = [{ bearer: [] }];
const noContent = { type: 'null' } as const;
type Params = Static<typeof AlbumParams>;

export const albumRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  const deps = () => ({ urlSigner: ports.urlSigner, gallery: ports.gallery, now: ports.clock.now() });
  const idOf = (params: Params) => params.id.toLowerCase();

  app.post<{ Body: Static<typeof CreateAlbumBody> }>(
    '/api/v1/albums',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Create an album', body: CreateAlbumBody, response: { 400: problemResponse('Invalid fields'), 401: problemResponse('Not signed in') } } },
    async (request, reply) => {
      const album = await createAlbum(ports, requireUser(request.actor), request.body, requestContext(request));
      return reply.code(201).header('Location', `/api/v1/albums/${album.album.id}`).send(albumView(album, deps()));
    },
  );

  app.get<{ Querystring: Static<typeof AlbumsQuery> }>(
    '/api/v1/albums',
    { config: { access: 'opt', fieldLocation: 'query' }, schema: { tags, summary: 'Public albums, or one owner’s', querystring: AlbumsQuery, response: { 400: problemResponse('Bad parameters'), 404: problemResponse('No such owner') } } },
    async (request) => {
      const q = request.query;
      refusePageWithCursor(q);
      const ownerId = q.owner_id === undefined ? undefined : q.owner_id === 'me' ? requireUser(request.actor).userId : q.owner_id.toLowerCase();
      const page = await listAlbums(ports, request.actor, { ...(q as AlbumListParams), ...(ownerId ? { ownerId } : {}) });
      return { items: page.items.map((a) => albumView(a, deps())), pagination: page.pagination };
    },
  );

  app.get<{ Params: Params; Querystring: Static<typeof AlbumQuery> }>(
    '/api/v1/albums/:id',
    { config: { access: 'opt', fieldLocation: 'query' }, schema: { tags, summary: 'An album with the first page of its images', params: AlbumParams, querystring: AlbumQuery, response: { 404: problemResponse('No such album') } } },
    async (request) => {
      const { album, images } = await getAlbum(ports, request.actor, idOf(request.params), request.query.per_page ?? 20);
      return { ...albumView(album, deps()), images: imagePageView(ports, request.actor, images) };
    },
  );

  app.patch<{ Params: Params; Body: Static<typeof PatchAlbumBody> }>(
    '/api/v1/albums/:id',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Edit an album (owner or admin)', params: AlbumParams, body: PatchAlbumBody, response: { 400: problemResponse('Invalid fields'), 403: problemResponse('Not the owner'), 404: problemResponse('No such album') } } },
    async (request) => albumView(await updateAlbum(ports, requireUser(request.actor), idOf(request.params), request.body, requestContext(request)), deps()),
  );

  app.delete<{ Params: Params }>(
    '/api/v1/albums/:id',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Delete an album (owner or admin); its images stay', params: AlbumParams, response: { 204: noContent, 403: problemResponse('Not the owner'), 404: problemResponse('No such album') } } },
    async (request, reply) => {
      await deleteAlbum(ports, requireUser(request.actor), idOf(request.params), requestContext(request));
      return reply.code(204).send();
    },
  );

  app.get<{ Params: Params; Querystring: Static<typeof AlbumImagesQuery> }>(
    '/api/v1/albums/:id/images',
    { config: { access: 'opt', fieldLocation: 'query' }, schema: { tags, summary: 'An album’s images in album order', params: AlbumParams, querystring: AlbumImagesQuery, response: { 400: problemResponse('Bad parameters'), 404: problemResponse('No such album') } } },
    async (request) => {
      refusePageWithCursor(request.query);
      return imagePageView(ports, request.actor, await listAlbumImages(ports, request.actor, idOf(request.params), request.query));
    },
  );

  app.post<{ Params: Params; Body: Static<typeof AddImagesBody> }>(
    '/api/v1/albums/:id/images',
    {
      config: { access: 'user' },
      schema: { tags, security, summary: 'Append images (owner)', params: AlbumParams, body: AddImagesBody, response: { 200: AddImagesResponse, 400: problemResponse('Invalid ids'), 403: problemResponse('Not the owner'), 404: problemResponse('No such album'), 409: problemResponse('Album full') } },
    },
    async (request) => {
      const result = await addImagesToAlbum(ports, requireUser(request.actor), idOf(request.params), request.body.image_ids, requestContext(request));
      return { added_count: result.addedCount, image_count: result.imageCount };
    },
  );

  app.delete<{ Params: Static<typeof AlbumImageParams> }>(
    '/api/v1/albums/:id/images/:image_id',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Remove an image from an album (owner)', params: AlbumImageParams, response: { 204: noContent, 403: problemResponse('Not the owner'), 404: problemResponse('No such album or image not in it') } } },
    async (request, reply) => {
      await removeImageFromAlbum(ports, requireUser(request.actor), idOf(request.params), request.params.image_id.toLowerCase(), requestContext(request));
      return reply.code(204).send();
    },
  );

  app.put<{ Params: Params; Body: Static<typeof OrderBody> }>(
    '/api/v1/albums/:id/images/order',
    { config: { access: 'user' }, schema: { tags, security, summary: 'Set the album order (owner)', params: AlbumParams, body: OrderBody, response: { 204: noContent, 400: problemResponse('Duplicate or malformed ids'), 403: problemResponse('Not the owner'), 404: problemResponse('No such album'), 409: problemResponse('Not the album’s current images') } } },
    async (request, reply) => {
      await reorderAlbumImages(ports, requireUser(request.actor), idOf(request.params), request.body.image_ids, requestContext(request));
      return reply.code(204).send();
    },
  );
};
