/** Variant and original bytes (contract §7.7): ETag/304, single Range/206/416, cache rules, signed URLs. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Ports } from '../../../application/ports.js';
import { authorizeImageBytes } from '../../../application/gallery/authorize-image-bytes.js';
import type { ImageWithOwner } from '../../../domain/gallery/image-repository.js';
import { extensionOf, imageKeys } from '../../../domain/gallery/image.js';
import { MIME_TYPES } from '../../../domain/gallery/image-format.js';
import { VARIANT_NAMES, type VariantName } from '../../../domain/gallery/variant.js';
import { isAnonymouslyReadable } from '../../../domain/gallery/visibility.js';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { parseRange } from '../byte-range.js';
import { sendProblem } from '../problem.js';

// The contract's exposed-header list (§14.2), as response-headers.ts sends it for allowed origins.
const CORS_EXPOSED_BYTES =
  'X-Request-ID, Location, ETag, Content-Range, Content-Disposition, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, WWW-Authenticate';
const BYTES_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
// One `enum`, not a union of literals: Ajv reports a failed union once per branch, which made `/variants/huge`
// answer five `path.variant` errors instead of one.
const VariantParams = Type.Object({ id: Type.String({ format: 'uuid' }), variant: Type.Unsafe<VariantName>(Type.String({ enum: [...VARIANT_NAMES] })) });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const SignatureQuery = Type.Object({ exp: Type.Optional(Type.String()), sig: Type.Optional(Type.String()) });

interface Served {
  readonly key: string;
  readonly size: number;
  readonly sha256: string;
  readonly contentType: string;
  readonly disposition: string;
  readonly cacheControl: string;
  readonly publicCors: boolean;
}

export const imageBytesRoutes: FastifyPluginAsync<{ ports: Ports }> = async (app, { ports }) => {
  const config = { access: 'opt' as const, bytes: true };

  app.get<{ Params: Static<typeof VariantParams>; Querystring: Static<typeof SignatureQuery> }>(
    '/api/v1/images/:id/variants/:variant',
    { config, schema: { tags: ['images'], summary: 'Variant bytes', params: VariantParams, querystring: SignatureQuery } },
    async (request, reply) => {
      const id = request.params.id.toLowerCase();
      const name = request.params.variant;
      const { found, viaSignature } = await authorizeImageBytes(ports, request.actor, id, name, request.query);
      const variant = found.image.variants[name];
      if (!variant) throw new NotFoundError('image.variant_not_ready', 'variant (not yet available)');
      const ext = extensionOf(variant.format);
      return serve(request, reply, {
        key: imageKeys.variant(id, name, ext),
        size: variant.fileSize,
        sha256: variant.sha256,
        contentType: `image/${variant.format}`,
        disposition: `inline; filename="${id}-${name}.${ext}"`,
        cacheControl: viaSignature ? 'private, no-store' : cacheControlFor(found),
        publicCors: isAnonymouslyReadable({ image: found.image, ownerStatus: found.owner.status }),
      });
    },
  );

  app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof SignatureQuery> }>(
    '/api/v1/images/:id/original',
    { config, schema: { tags: ['images'], summary: 'The untouched upload (owner or signed URL)', params: IdParams, querystring: SignatureQuery } },
    async (request, reply) => {
      const id = request.params.id.toLowerCase();
      const { found } = await authorizeImageBytes(ports, request.actor, id, 'upload', request.query);
      const name = found.image.originalFilename;
      return serve(request, reply, {
        key: imageKeys.original(id),
        size: found.image.fileSize,
        sha256: found.image.sha256,
        contentType: MIME_TYPES[found.image.format],
        disposition: `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        cacheControl: 'private, no-store',
        publicCors: false,
      });
    },
  );

  async function serve(request: FastifyRequest, reply: FastifyReply, s: Served) {
    const etag = `"${s.sha256.slice(0, 32)}"`;
    reply
      .header('ETag', etag)
      .header('Cache-Control', s.cacheControl)
      .header('Content-Security-Policy', BYTES_CSP)
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .header('X-Content-Type-Options', 'nosniff');
    if (s.publicCors) {
      // The response-header hook leaves a route's own `*` alone and so would not expose ETag/Content-Range to
      // scripts on other sites; say it here (contract §14.2 exposed headers).
      reply.header('Access-Control-Allow-Origin', '*').header('Access-Control-Expose-Headers', CORS_EXPOSED_BYTES);
    }
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return sendNoBody(request, reply.code(304));
    if (ports.gallery.presignRedirectTtlS !== null) {
      const url = await ports.storage.presignGet(s.key, { ttlS: ports.gallery.presignRedirectTtlS, contentType: s.contentType, contentDisposition: s.disposition });
      if (url) return reply.code(302).header('Cache-Control', 'private, no-store').header('Location', url).send();
    }
    const ifRange = request.headers['if-range'];
    const range = ifRange === undefined || ifRange === etag ? parseRange(request.headers.range, s.size) : ({ kind: 'full' } as const);
    if (range.kind === 'unsatisfiable') {
      return sendProblem(request, reply, { slug: 'range-not-satisfiable', detail: `the range is outside the ${s.size} bytes of this object`, headers: { 'Content-Range': `bytes */${s.size}` } });
    }
    reply.header('Accept-Ranges', 'bytes').header('Content-Type', s.contentType).header('Content-Disposition', s.disposition);
    const slice = range.kind === 'partial' ? { start: range.start, end: range.end } : undefined;
    if (slice) reply.code(206).header('Content-Range', `bytes ${slice.start}-${slice.end}/${s.size}`);
    reply.header('Content-Length', String(slice ? slice.end - slice.start + 1 : s.size));
    if (request.method === 'HEAD') return sendNoBody(request, reply);
    const stream = await ports.storage.read(s.key, slice);
    if (!stream) throw new Error(`stored bytes missing for ${s.key}`);
    return reply.send(Readable.from(stream));
  }
};

/**
 * A response without body that keeps the headers set. Fastify's automatic HEAD route answers an empty `send()`
 * with `Content-Length: 0`, but HEAD must report the length GET would send (contract §7.7: same headers); an
 * empty stream is drained by that route without touching `Content-Length`.
 */
function sendNoBody(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.send(request.method === 'HEAD' ? Readable.from([]) : undefined);
}

/**
 * RFC 9110 §13.1.2: `If-None-Match` is `*` or a list of entity tags, compared weakly (a `W/` prefix does not
 * matter). Browsers send the single tag they stored, but caches and proxies may send several.
 */
function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function cacheControlFor(found: ImageWithOwner): string {
  const { image, owner } = found;
  if (image.status !== 'active' || owner.status !== 'active') return 'private, no-store';
  if (image.visibility === 'public') return 'public, max-age=31536000, immutable';
  if (image.visibility === 'unlisted') return 'public, max-age=3600';
  return 'private, no-store';
}
