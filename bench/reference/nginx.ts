/**
 * nginx as the serving reference, from configs generated into a temporary directory (one worker process, as
 * Tessera is one Node process; keep-alive without a request cap, no access log):
 * - `startNginx`: one file with `sendfile`, the reference for byte serving;
 * - `startNginxSpa`: the built web app with its precompressed copies, page paths falling back to the shell,
 *   and /api/ proxied to a Tessera, the reference for the app's first load.
 * Undefined when nginx is not installed (the byte bench then falls back to a bare Fastify stream).
 */
import fs from 'node:fs';
import path from 'node:path';
import { executable, freePort, startBinary, tempDir, type Running } from '../lib/processes.js';

export const NGINX = process.env.BENCH_NGINX ?? '/usr/sbin/nginx';

export async function startNginx(file: string, contentType: string): Promise<Running | undefined> {
  if (!executable(NGINX)) return undefined;
  const dir = tempDir('tessera-bench-nginx-');
  const root = readableDir(dir, 'www');
  const name = `file${path.extname(file)}`;
  fs.copyFileSync(file, path.join(root, name));
  fs.chmodSync(path.join(root, name), 0o644);
  return run(dir, '/file', (port) => ({
    types: `types { ${contentType} ${path.extname(file).slice(1) || 'bin'}; }`,
    server: `listen 127.0.0.1:${port};\n    root ${root};\n    location = /file { try_files /${name} =404; }`,
  }));
}

export async function startNginxSpa(webRoot: string, apiUrl: string): Promise<Running | undefined> {
  if (!executable(NGINX)) return undefined;
  const dir = tempDir('tessera-bench-nginx-spa-');
  const root = readableDir(dir, 'www');
  fs.cpSync(webRoot, root, { recursive: true });
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    fs.chmodSync(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
  return run(dir, '/', (port) => ({
    types: 'types { text/html html; text/css css; text/javascript js; }',
    server: `listen 127.0.0.1:${port};
    root ${root};
    gzip_static on;
    location /assets/ { expires max; add_header Cache-Control immutable; }
    location /api/ { proxy_pass ${apiUrl}; proxy_http_version 1.1; proxy_set_header Connection ""; }
    location / { add_header Cache-Control no-cache; try_files $uri /index.html; }`,
  }));
}

function readableDir(dir: string, name: string): string {
  const root = path.join(dir, name);
  fs.mkdirSync(root);
  // nginx started as root hands requests to an unprivileged worker: it must be able to read the copies.
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(root, 0o755);
  return root;
}

async function run(dir: string, readyPath: string, site: (port: number) => { types: string; server: string }): Promise<Running> {
  const port = await freePort();
  const { types, server } = site(port);
  const temp = (what: string) => `${what}_temp_path ${path.join(dir, what)};`;
  const conf = `
${process.getuid?.() === 0 ? 'user nobody nogroup;' : ''}
worker_processes 1;
daemon off;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  ${types}
  server {
    ${server}
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const url = `http://127.0.0.1:${port}`;
  return startBinary(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    ready: { kind: 'http', url: `${url}${readyPath}` },
    url,
    dataDir: dir,
  });
}
