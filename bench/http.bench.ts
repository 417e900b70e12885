/**
 * Serving bytes: a private image's variant through its signed URL (signature check, image lookup, headers,
 * stream from storage) against the same bytes from nginx `sendfile` when nginx is installed, and always against
 * a bare Fastify stream of the file. autocannon, keep-alive, 20 connections.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServedVariant } from './gallery.bench.js';
import { httpLoad, type HttpLoadResult } from './lib/http-load.js';
import { startProcess, tempDir, type Running } from './lib/processes.js';
import { fmt, section, type Table } from './lib/table.js';
import { NGINX, startNginx } from './reference/nginx.js';

const CONNECTIONS = 20;

export async function servingBench(table: Table, served: ServedVariant, durationS: number): Promise<void> {
  section(`Serving a private ${served.name} variant (${fmt(served.size / 1024)} KiB) by signed URL`);
  const dir = tempDir('tessera-bench-bytes-');
  const running: Running[] = [];
  try {
    // The reference serves exactly the bytes Tessera serves: copied out through the signed URL itself.
    const res = await fetch(served.signedUrl);
    if (res.status !== 200) throw new Error(`signed URL answered ${res.status}`);
    const file = path.join(dir, `variant.${served.contentType.split('/')[1] ?? 'bin'}`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const size = fs.statSync(file).size;
    if (size !== served.size) throw new Error(`signed URL sent ${size} bytes, the image JSON says ${served.size}`);

    const name = `GET private variant by signed URL (${fmt(size / 1024)} KiB ${served.name}, ${CONNECTIONS} conns)`;
    const nginx = await startNginx(file, served.contentType);
    if (nginx) running.push(nginx);
    else process.stderr.write(`  (no nginx at ${NGINX}: bare Fastify stream only)\n`);
    const bare = await startProcess(['bench/reference/bare-fastify.mjs'], { SERVE_FILE: file, SERVE_TYPE: served.contentType }, '/health/live');
    running.push(bare);

    // Two halves of the duration each, in the order A B C then C B A, so background load hits all alike.
    const targets = [
      { label: 'tessera', url: served.signedUrl },
      ...(nginx ? [{ label: 'nginx', url: `${nginx.url}/file` }] : []),
      { label: 'bare Fastify', url: `${bare.url}/file` },
    ];
    const reqPerS = new Map<string, number>(targets.map((t) => [t.label, 0]));
    for (const order of [targets, [...targets].reverse()]) {
      for (const t of order) {
        const result = checked(t.label, await httpLoad({ url: t.url, connections: CONNECTIONS, durationS: durationS / 2 }));
        reqPerS.set(t.label, reqPerS.get(t.label)! + result.reqPerS / 2);
      }
    }
    const ours = reqPerS.get('tessera')!;
    if (nginx) table.record(name, ours, 'req/s', 'nginx sendfile, 1 worker', reqPerS.get('nginx')!);
    table.record(nginx ? `${name}, vs Node` : name, ours, 'req/s', 'bare Fastify fs stream', reqPerS.get('bare Fastify')!);
  } finally {
    for (const r of running.reverse()) await r.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function checked(label: string, result: HttpLoadResult): HttpLoadResult {
  if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} requests failed or were not 2xx`);
  return result;
}
