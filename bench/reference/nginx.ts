/**
 * The reference for serving bytes: nginx with `sendfile` serving one file, from a config generated into a
 * temporary directory (one worker process, as Tessera is one Node process; keep-alive without a request cap,
 * no access log). Undefined when nginx is not installed, and the bench falls back to a bare Fastify stream.
 */
import fs from 'node:fs';
import path from 'node:path';
import { executable, freePort, startBinary, tempDir, type Running } from '../lib/processes.js';

export const NGINX = process.env.BENCH_NGINX ?? '/usr/sbin/nginx';

export async function startNginx(file: string, contentType: string): Promise<Running | undefined> {
  if (!executable(NGINX)) return undefined;
  const dir = tempDir('tessera-bench-nginx-');
  const root = path.join(dir, 'www');
  fs.mkdirSync(root);
  const name = `file${path.extname(file)}`;
  fs.copyFileSync(file, path.join(root, name));
  // nginx started as root hands requests to an unprivileged worker: it must be able to read the copy.
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(root, 0o755);
  fs.chmodSync(path.join(root, name), 0o644);
  const port = await freePort();
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
  types { ${contentType} ${path.extname(file).slice(1) || 'bin'}; }
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location = /file { try_files /${name} =404; }
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const url = `http://127.0.0.1:${port}`;
  return startBinary(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    ready: { kind: 'http', url: `${url}/file` },
    url,
    dataDir: dir,
  });
}
