/** `/images` (contract §7.3, §7.6): upload and read. Bytes are served by routes/image-bytes.ts. */
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { getImage, viewerOf } from '../../../application/gallery/get-image.js';
import { uploadImage } from '../../../application/gallery/upload-image.js';
import { waitForProcessing } from '../../../application/gallery/wait-for-processing.js';
import { requireUser } from '../../../domain/identity/actor.js';
import { DomainError } from '../../../domain/shared/errors.js';
import { requestContext } from '../auth.js';
import { uploadParts } from '../multipart-parts.js';
import { problemResponse } from '../schemas/common.js';
import { imageView } from '../views/image-views.js';

const tags = ['images'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const UploadQuery = Type.Object({ wait: Type.Optional(Type.Boolean({ default: false })) });
const MULTIPART_SLACK_BYTES = 1_048_576;

export const imageRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
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
      if (!request.isMultipart()) {
        throw new DomainError('unsupported-media-type', 'upload.not_multipart', 'send the upload as multipart/form-data with a boundary');
      }
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > ports.gallery.maxUploadBytes + MULTIPART_SLACK_BYTES) {
        throw new DomainError('payload-too-large', 'upload.too_large', `the file must be at most ${ports.gallery.maxUploadBytes} bytes`);
      }
      let image = await uploadImage(ports, actor, uploadParts(request), requestContext(request));
      if (request.query.wait) image = await waitForProcessing(ports, image, ports.gallery.uploadWaitMaxMs);
      const found = await getImage(ports, actor, image.id);
      return reply.code(201).header('Location', `/api/v1/images/${image.id}`).send(view(found, actor));
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/v1/images/:id',
    { config: { access: 'opt' }, schema: { tags, summary: 'An image', params: IdParams, response: { 404: problemResponse('No such image') } } },
    async (request) => view(await getImage(ports, request.actor, request.params.id.toLowerCase()), request.actor),
  );
};
