// The reference server: bare Fastify with the same routes' shapes and nothing else (no hooks, no logging).
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/health/live', async () => ({ status: 'ok' }));
app.post('/echo', async (request) => ({ ok: true, size: JSON.stringify(request.body).length }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
