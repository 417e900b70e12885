// The upload reference: bare Fastify with @fastify/multipart, piping the `file` part straight to a file in
// DATA_DIR and answering 201, with nothing else (no auth, hashing, inspection, database or logging).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import Fastify from 'fastify';
import multipart from '@fastify/multipart';

const dir = process.env.DATA_DIR;
const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
await app.register(multipart, { limits: { fileSize: Number(process.env.MAX_UPLOAD_BYTES ?? 10_485_760), files: 1 } });
app.get('/health/live', async () => ({ status: 'ok' }));
app.post('/upload', async (request, reply) => {
  const part = await request.file();
  if (!part) return reply.code(400).send({ error: 'no file' });
  const id = randomUUID();
  await pipeline(part.file, fs.createWriteStream(path.join(dir, id)));
  if (part.file.truncated) return reply.code(413).send({ error: 'too large' });
  return reply.code(201).send({ id });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
