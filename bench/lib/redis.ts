/**
 * A private, throwaway redis-server (no persistence) on a free port, so a ROLE=api Tessera can run without an
 * in-process worker and without touching anyone else's Redis keys. Undefined when redis-server is not installed.
 */
import { freePort, startBinary, tempDir, which, type Running } from './processes.js';

export async function startRedis(): Promise<Running | undefined> {
  const binary = which(process.env.BENCH_REDIS_SERVER ?? 'redis-server', '/usr/bin/redis-server');
  if (!binary) return undefined;
  const port = await freePort();
  const dir = tempDir('tessera-bench-redis-');
  return startBinary(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    ready: { kind: 'tcp', port },
    url: `redis://127.0.0.1:${port}`,
    dataDir: dir,
  });
}
