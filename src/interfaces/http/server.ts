/**
 * Builds the HTTP application (never listens): conventions of contract §1, §3, §14 and §15 as hooks, then the
 * route plugins, each given the ports it needs. `main.ts` listens; tests call `inject`.
 */
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { Registry } from 'prom-client';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.js';
import type { Ports } from '../../application/ports.js';
import { trackAllowedMethods } from './allowed-methods.js';
import { clientErrorHandler } from './client-errors.js';
import { registerAuthentication } from './auth.js';
import { registerHttpMetrics } from './http-metrics.js';
import { registerJsonBodyParsers } from './json-body.js';
import { TEXT_PART_LIMIT_BYTES } from './multipart-parts.js';
import { handleError, methodNotAllowed, notFound, sendProblem } from './problem.js';
import { registerRateLimits } from './rate-limit.js';
import { registerRequestDeadline } from './request-deadline.js';
import { requestId } from './request-id.js';
import { applyResponseHeaders, registerResponseHeaders } from './response-headers.js';
import './route-config.js';
import { registerShutdownGate } from './shutdown-gate.js';
import { albumRoutes } from './routes/albums.js';
import { authRoutes } from './routes/auth.js';
import { docsRoutes } from './routes/docs.js';
import { imageBytesRoutes } from './routes/image-bytes.js';
import { imageListRoutes } from './routes/image-lists.js';
import { exploreRoutes } from './routes/explore.js';
import { imageRoutes } from './routes/images.js';
import { commentRoutes } from './routes/comments.js';
import { likeRoutes } from './routes/likes.js';
import { moderationReportRoutes } from './routes/moderation-reports.js';
import { banRoutes } from './routes/bans.js';
import { moderationAuditRoutes } from './routes/moderation-audit.js';
import { reportRoutes } from './routes/reports.js';
import { tagRoutes } from './routes/tags.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { preflightRoutes } from './routes/preflight.js';
import { serverInfoRoutes } from './routes/server-info.js';
import { userRoutes } from './routes/users.js';
import { loadWebApp } from './routes/web-app.js';
import { ProblemSchema } from './schemas/common.js';
import { UserPublic, UserSelf, UserSummary } from './schemas/users.js';
import { schemaValidatorCompiler } from './schema-validator.js';

export interface ServerOptions {
  readonly config: Config;
  readonly ports: Ports;
  readonly logger: FastifyBaseLogger;
  readonly version: string;
  /** Silence before a stalled request body gets 408; the contract fixes 30 s, tests shorten it. */
  readonly bodyIdleTimeoutMs?: number;
  /** The registry `/metrics` exposes; the container's, so application counters appear there too. */
  readonly registry?: Registry;
  /** Extra route plugins registered after the built-in ones (tests use this to provoke failures). */
  readonly plugins?: readonly FastifyPluginAsync[];
  /** The built web app (`dist/web`); unset, the server serves no pages (the in-process test apps). */
  readonly webRoot?: string;
}

export const ACCEPTED_MIME_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'] as const;
const MAX_TAGS_PER_IMAGE = 20;

/** A hop count becomes proxy-addr's "trust the first n hops" function; Fastify's types only take the others. */
function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return typeof trust === 'boolean' ? trust : [...trust];
}

// Shared by Fastify and the 405 lookup so that both agree on which paths exist.
const ROUTER_OPTIONS = { ignoreTrailingSlash: false, caseSensitive: true, maxParamLength: 200 };

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config, ports } = options;
  const app = Fastify({
    loggerInstance: options.logger,
    // One "request completed" line per request, written by our onResponse hook with the route template.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    genReqId: requestId,
    trustProxy: trustProxyOption(config.trustProxy),
    // Our parsers enforce the JSON limit per route; this is only the outer bound for Fastify's own reader.
    bodyLimit: Math.max(config.limits.jsonBodyLimitBytes, config.limits.maxUploadBytes + 1_048_576),
    routerOptions: ROUTER_OPTIONS,
    // Our shutdown gate answers requests that arrive while draining, as a problem document.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    exposeHeadRoutes: true,
    clientErrorHandler,
    frameworkErrors: (error, request, reply) => {
      // Router-level failures (a malformed URL, an over-long parameter) before any route ran: no hook runs
      // for these replies, so the §14 headers are set here.
      applyResponseHeaders(request, reply, config.corsOrigins);
      sendProblem(request, reply, { slug: 'bad-request', detail: error.message.replace(/^FST_\w+:\s*/, '') });
    },
  });

  app.setValidatorCompiler(schemaValidatorCompiler());
  app.setErrorHandler(handleError);
  const allowed = trackAllowedMethods(app, ROUTER_OPTIONS);
  const webApp = options.webRoot === undefined ? null : loadWebApp(options.webRoot, app.log);
  app.setNotFoundHandler((request, reply) => {
    // A page of the web app (a deep link) is any GET no route claims outside the server's own paths.
    if (webApp?.serveShell(request, reply)) return reply;
    const methods = allowed.for(request.url.split('?')[0] ?? '/');
    // A route of this method that found nothing itself (a missing static asset) is a 404, not a 405.
    return methods.length > 0 && !methods.includes(request.method) ? methodNotAllowed(request, reply, methods) : notFound(request, reply);
  });

  registerResponseHeaders(app, { corsOrigins: config.corsOrigins });
  registerShutdownGate(app);
  registerRequestDeadline(app, config.requestTimeoutMs);
  registerJsonBodyParsers(app, { limitBytes: config.limits.jsonBodyLimitBytes, idleTimeoutMs: options.bodyIdleTimeoutMs ?? 30_000 });
  const metrics = registerHttpMetrics(app, options.registry);
  // Order matters: the caller is identified before the limiters pick per-user or per-IP keys (contract §13).
  registerAuthentication(app, ports);
  registerRateLimits(app, ports.rateLimiter, config.rateLimit, metrics.registry);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? null, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });

  for (const shared of [ProblemSchema, UserSummary, UserPublic, UserSelf]) app.addSchema(shared);
  if (config.docsEnabled) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Tessera API', version: options.version, description: 'Self-hosted image hosting and galleries.' },
        servers: [{ url: config.publicUrl ?? '/' }],
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    });
  }

  await app.register(preflightRoutes, { corsOrigins: config.corsOrigins, allowed });
  await app.register(healthRoutes, { ports });
  await app.register(serverInfoRoutes, {
    info: {
      version: options.version,
      maxUploadBytes: config.limits.maxUploadBytes,
      maxImageSide: config.limits.maxImageSide,
      maxImagePixels: config.limits.maxImagePixels,
      maxTagsPerImage: MAX_TAGS_PER_IMAGE,
      acceptedMimeTypes: ACCEPTED_MIME_TYPES,
    },
  });
  if (config.metrics.enabled) await app.register(metricsRoutes, { registry: metrics.registry, token: config.metrics.token });
  if (config.docsEnabled) await app.register(docsRoutes);
  // Limits are a backstop: the upload use case stops the file at MAX_UPLOAD_BYTES itself (→ 413).
  await app.register(multipart, {
    limits: { fieldSize: TEXT_PART_LIMIT_BYTES, fields: 64, files: 2, parts: 80, fileSize: config.limits.maxUploadBytes + 1, headerPairs: 100 },
  });
  await app.register(authRoutes, { ports });
  await app.register(userRoutes, { ports });
  await app.register(imageRoutes, { ports, ...(options.bodyIdleTimeoutMs === undefined ? {} : { bodyIdleTimeoutMs: options.bodyIdleTimeoutMs }) });
  await app.register(imageListRoutes, { ports });
  await app.register(exploreRoutes, { ports });
  await app.register(tagRoutes, { ports });
  await app.register(likeRoutes, { ports });
  await app.register(commentRoutes, { ports });
  await app.register(reportRoutes, { ports });
  await app.register(moderationReportRoutes, { ports });
  await app.register(banRoutes, { ports });
  await app.register(moderationAuditRoutes, { ports });
  await app.register(imageBytesRoutes, { ports });
  await app.register(albumRoutes, { ports });
  if (webApp) await app.register(webApp.routes);
  for (const plugin of options.plugins ?? []) await app.register(plugin);

  await app.ready();
  return app;
}
