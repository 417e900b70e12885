/**
 * A whole Tessera HTTP app on real adapters for `inject` tests: its own migrated database (PGlite by default),
 * a temp DATA_DIR, optionally real Redis under a key prefix of its own.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { buildContainer, type Container } from '../../src/container.js';
import { buildServer } from '../../src/interfaces/http/server.js';
import { startWorker } from '../../src/interfaces/worker/worker.js';
import { openTestDatabase, type Engine, type TestDatabase } from './databases.js';
import { REDIS_URL } from './services.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly container: Container;
  readonly config: Config;
  readonly database: TestDatabase;
  readonly dataDir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly engine?: Engine;
  readonly redis?: boolean;
  readonly env?: Readonly<Record<string, string>>;
  readonly plugins?: readonly FastifyPluginAsync[];
  readonly bodyIdleTimeoutMs?: number;
  /** Also run the worker (jobs, outbox relay, heartbeat) in-process, as ROLE=all does; stopped by `close`. */
  readonly worker?: boolean;
  /** A built web app to serve (test/api/web-app.test.ts); unset, no pages, as before. */
  readonly webRoot?: string;
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-test-'));
  const database = await openTestDatabase(options.engine ?? 'pglite');
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(options.redis ? { REDIS_URL } : {}),
    ...options.env,
  });
  const logger = pino({ level: 'silent' });
  const container = await buildContainer(config, logger, {
    sql: database.sql,
    redisKeyPrefix: `test:${randomBytes(6).toString('hex')}:`,
  });
  const app = await buildServer({
    config,
    ports: container.ports,
    logger,
    version: '0.0.0-test',
    registry: container.registry,
    ...(options.plugins ? { plugins: options.plugins } : {}),
    ...(options.bodyIdleTimeoutMs ? { bodyIdleTimeoutMs: options.bodyIdleTimeoutMs } : {}),
    ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
  });
  const worker = options.worker
    ? startWorker({ ports: container.ports, queue: container.queue, bus: container.bus, relayStore: container.relayStore, heartbeat: container.heartbeat })
    : undefined;
  return {
    app,
    container,
    config,
    database,
    dataDir,
    async close() {
      // The worker first: its jobs still use the connections closed below.
      await worker?.stop();
      await app.close();
      await container.close();
      await database.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
