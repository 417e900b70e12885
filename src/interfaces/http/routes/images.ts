/** `/images` (contract §7.3, §7.6): upload and read. Bytes are served by routes/image-bytes.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { viewerOf } from '../../../application/gallery/get-image.js';
import { recordImageView } from '../../../application/gallery/record-image-view.js';
import { deleteImage } from '../../../application/gallery/delete-image.js';
import { showImage } from '../../../application/gallery/show-image.js';
import { updateImage } from '../../../application/gallery/update-image.js';
import { uploadImage } from '../../../application/gallery/upload-image.js';
import { waitForProcessing } from '../../../application/gallery/wait-for-processing.js';
import { requireUser } from '../../../domain/identity/actor.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { requestContext } from '../auth.js';
import { BODY_IDLE_TIMEOUT_MS, uploadParts } from '../multipart-parts.js';
import { problemResponse } from '../schemas/common.js';
import { imageView } from '../views/image-views.js';

const tags = ['images'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const UploadQuery = Type.Object({ wait: Type.Optional(Type.Boolean({ default: false })) });
const MULTIPART_SLACK_BYTES = 1_048_576;
// A `boundary` parameter with a non-empty value (quoted or not), as the multipart parser needs it.
const BOUNDARY_PARAM = /;\s*boundary\s*=\s*(?:"[^"]+"|[^\s;"]+)/i;
const hasBoundary = (contentType: string | undefined): boolean => contentType !== undefined && BOUNDARY_PARAM.test(contentType);
// Field rules live in the domain (shared with the upload) so every failing field is reported together.
const PatchBody = Type.Object(
  {
    title: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    visibility: Type.Optional(Type.String({ description: 'public | unlisted | private' })),
    content_rating: Type.Optional(Type.String({ description: 'safe | nsfw' })),
    tags: Type.Optional(Type.Array(Type.String(), { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export interface ImageRouteOptions {
  readonly ports: Ports;
  /** Silence before a stalled multipart body gets 408 (contract: 30 s); the server passes its own, tests shorten it. */
  readonly bodyIdleTimeoutMs?: number;
}

export const imageRoutes: FastifyPluginAsync<ImageRouteOptions> = async (app, { ports, bodyIdleTimeoutMs = BODY_IDLE_TIMEOUT_MS }) => {
  const view = (found: Parameters<typeof imageView>[0], actor: Parameters<typeof viewerOf>[0]) =>
    imageView(found, viewerOf(actor), { urlSigner: ports.urlSigner, gallery: ports.gallery, now: ports.clock.now() });

  app.post<{ Querystring: Static<typeof UploadQuery> }>(
    '/api/v1/images',
    {
      config: { access: 'user', rateLimit: 'upload', fieldLocation: 'body' },
      schema: {
        tags,
        summary: 'Upload an image (multipart/form-data: file, title, description, visibility, content_rating, album_id, tags)',
        security: [{ bearer: [] }],
        querystring: UploadQuery,
        consumes: ['multipart/form-data'],
        response: { 400: problemResponse('Invalid fields or malformed multipart'), 401: problemResponse('Not signed in'), 413: problemResponse('Too large'), 415: problemResponse('Not an accepted image'), 422: problemResponse('Dimensions, decoding or malware'), 429: problemResponse('Upload limit'), 503: problemResponse('Scanner or storage down') },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request.actor);
      // Contract §7.3 step 2: multipart/form-data *with a boundary*. Without one the multipart parser would fail
      // later and be reported as a malformed body (400), but it is the Content-Type that is wrong (415).
      if (!request.isMultipart() || !hasBoundary(request.headers['content-type'])) {
        throw new DomainError('unsupported-media-type', 'upload.not_multipart', 'send the upload as multipart/form-data with a boundary');
      }
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > ports.gallery.maxUploadBytes + MULTIPART_SLACK_BYTES) {
        throw new DomainError('payload-too-large', 'upload.too_large', `the file must be at most ${ports.gallery.maxUploadBytes} bytes`);
      }
      let image = await uploadImage(ports, actor, uploadParts(request, { idleTimeoutMs: bodyIdleTimeoutMs }), requestContext(request));
      if (request.query.wait) image = await waitForProcessing(ports, image, ports.gallery.uploadWaitMaxMs);
      const found = await showImage(ports, actor, image.id);
      return reply.code(201).header('Location', `/api/v1/images/${image.id}`).send(view(found, actor));
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/images/:id',
    { config: { access: 'opt' }, schema: { tags, summary: 'An image', params: IdParams, response: { 404: problemResponse('No such image') } } },
    async (request) => {
      const found = await showImage(ports, request.actor, request.params.id.toLowerCase());
      // HEAD does not count (contract §7.8); the view lands in a later flush, never in this response.
      if (request.method === 'GET') await recordImageView(ports, request.actor, found, requestContext(request));
      return view(found, request.actor);
    },
  );

  app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof PatchBody> }>(
    '/api/v1/images/:id',
    {
      config: { access: 'user' },
      schema: { tags, security: [{ bearer: [] }], summary: 'Edit an image (owner or admin); tags replace the set', params: IdParams, body: PatchBody, response: { 400: problemResponse('Invalid fields'), 403: problemResponse('Not the owner'), 404: problemResponse('No such image') } },
    },
    async (request) => view(await updateImage(ports, requireUser(request.actor), request.params.id.toLowerCase(), request.body, requestContext(request)), request.actor),
  );

  app.delete<{ Params: Static<typeof IdParams> }>(
    '/api/v1/images/:id',
    { config: { access: 'user' }, schema: { tags, security: [{ bearer: [] }], summary: 'Delete an image (owner or staff)', params: IdParams, response: { 204: { type: 'null' }, 403: problemResponse('Not the owner'), 404: problemResponse('No such image') } } },
    async (request, reply) => {
      await deleteImage(ports, requireUser(request.actor), request.params.id.toLowerCase(), requestContext(request));
      return reply.code(204).send();
    },
  );
};
