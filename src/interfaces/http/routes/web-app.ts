/**
 * The web gallery (a single-page app built by Vite into `dist/web`): hashed assets under `/assets/` with a
 * year-long immutable cache, and the app shell (`index.html`) for every other GET that no route matches, so
 * deep links survive a reload. The API, health and metrics paths never fall back to the shell: their 404s stay
 * problem documents. A missing build is not fatal — the server boots, logs a warning, and `/` answers 404.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** The app's policy: its own scripts, styles and images only; no inline code, framing, <base> or foreign forms. */
export const APP_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
  "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// Paths that belong to the server, not to the app: an unknown one is a real 404, never the shell.
const SERVER_PREFIXES = ['/api/', '/health/', '/metrics/', '/assets/'];
const SERVER_PATHS = new Set(['/api', '/health', '/metrics', '/assets']);

export interface WebApp {
  /** Registers the asset routes. */
  readonly routes: FastifyPluginAsync;
  /** Sends the shell when `request` is a page navigation the app handles; returns false otherwise. */
  serveShell(request: FastifyRequest, reply: FastifyReply): boolean;
}

/** Reads the build in `root`, or returns null (with a warning) when there is none. */
export function loadWebApp(root: string, log: FastifyBaseLogger): WebApp | null {
  const indexFile = path.join(root, 'index.html');
  if (!fs.existsSync(indexFile)) {
    log.warn({ web_root: root }, 'web app not built (run npm run build): / answers 404');
    return null;
  }
  // Read once: the shell is small and changes only with a new build (which means a restart).
  const shell = fs.readFileSync(indexFile);
  const assets = path.join(root, 'assets');

  const routes: FastifyPluginAsync = async (app) => {
    // Static files are infrastructure like the docs: no rate limit, no handler deadline.
    app.addHook('onRoute', (route) => {
      route.config = { ...route.config, infrastructure: true };
    });
    if (!fs.existsSync(assets)) return;
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      // Vite puts a content hash in every asset name: a changed file is a new URL.
      immutable: true,
      maxAge: '365d',
      index: false,
      dotfiles: 'deny',
      // The build writes .br and .gz beside each text asset (scripts/compress-web.mjs).
      preCompressed: true,
      decorateReply: false,
    });
  };

  return {
    routes,
    serveShell(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const pathname = request.url.split('?')[0] ?? '/';
      if (SERVER_PATHS.has(pathname) || SERVER_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return false;
      void reply
        .code(200)
        .type('text/html; charset=utf-8')
        // Always revalidated, so a new build's asset names are picked up at once.
        .header('Cache-Control', 'no-cache')
        .header('Content-Security-Policy', APP_CSP)
        .send(shell);
      return true;
    },
  };
}
