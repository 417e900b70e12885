// The reference server: bare Fastify with the same routes' shapes and nothing else (no hooks, no logging).
// With SERVE_FILE set it also streams that file at GET /file, the fallback reference for serving bytes.
import fs from 'node:fs';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/health/live', async () => ({ status: 'ok' }));
app.post('/echo', async (request) => ({ ok: true, size: JSON.stringify(request.body).length }));
const file = process.env.SERVE_FILE;
if (file) {
  const size = fs.statSync(file).size;
  const type = process.env.SERVE_TYPE ?? 'application/octet-stream';
  app.get('/file', (request, reply) => reply.header('content-type', type).header('content-length', size).send(fs.createReadStream(file)));
}
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
