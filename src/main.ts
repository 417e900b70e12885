/**
 * Process entry: `node dist/main.js` runs ROLE=all|api|worker; `node dist/main.js migrate` applies
 * migrations and exits. Configuration and boot failures print one line and exit 1, never a stack trace.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { bootstrapAdmin } from './application/identity/bootstrap-admin.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { buildContainer, type Container } from './container.js';
import { buildServer } from './interfaces/http/server.js';
import { startWorker } from './interfaces/worker/worker.js';
import { startViewFlusher } from './interfaces/http/view-flusher.js';

const SHUTDOWN_TIMEOUT_MS = 10_000;
const VERSION = (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function fail(message: string): never {
  process.stderr.write(`tessera: ${message}\n`);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(`invalid configuration: ${err.message}`);
    throw err;
  }
}

function makeLogger(config: Config): Logger {
  // Synchronous writes: pino's default stdout stream is asynchronous, and a line written just before
  // process.exit (the "stopped" line, a shutdown timeout) was lost whenever its write was still in flight.
  // One line per request does not need async batching.
  const destination = pino.destination({ dest: 1, sync: true });
  return pino({
    level: config.logLevel,
    base: { service: 'tessera', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['*.authorization', '*.password', '*.token', '*.access_token', '*.refresh_token', 'headers.authorization', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  }, destination);
}

/** The message of an error and of its causes, one line, for boot failures. */
function describe(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error && parts.length < 4; e = e.cause) parts.push(e.message);
  return parts.join(': ') || String(err);
}

async function main(): Promise<void> {
  const migrateOnly = process.argv[2] === 'migrate';
  const config = readConfig();
  if (!migrateOnly && config.role !== 'all' && !config.redisUrl) {
    fail(`ROLE=${config.role} needs REDIS_URL: the in-process queue and sessions cannot be shared between processes`);
  }
  const logger = makeLogger(config);
  // Node's own warnings (deprecations, the AWS SDK's Node-version notice) go to stderr as free text by
  // default; as JSON log lines they stay machine-readable and stderr keeps only fatal one-liners.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => logger.warn({ warning: warning.name }, warning.message.split('\n')[0] ?? warning.name));
  const started = performance.now();

  let container: Container;
  try {
    container = await buildContainer(config, logger);
    const applied = await container.migrate();
    logger.info({ applied, engine: container.sql.engine }, applied.length ? 'migrations applied' : 'database schema up to date');
    if (!migrateOnly && config.admin.email) {
      const outcome = await bootstrapAdmin(container.ports, { email: config.admin.email, password: config.admin.password, username: config.admin.username });
      logger.info({ outcome, email: config.admin.email }, 'admin account from ADMIN_EMAIL');
    }
  } catch (err) {
    fail(`could not start: ${describe(err)}`);
  }
  if (migrateOnly) {
    await container.close();
    return;
  }

  const app = config.role === 'worker' ? undefined : await buildServer({
        config,
        ports: container.ports,
        logger,
        version: VERSION,
        registry: container.registry,
        // dist/main.js → dist/web, where `npm run build` puts the web app.
        webRoot: fileURLToPath(new URL('./web/', import.meta.url)),
      });
  if (app) {
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (err) {
      await container.close();
      fail(`could not listen on ${config.host}:${config.port}: ${describe(err)}`);
    }
  }
  const viewFlusher = app ? startViewFlusher(container.ports, config.viewFlushIntervalMs) : undefined;
  let worker: { stop(): Promise<void> } | undefined;
  if (config.role !== 'api') {
    try {
      worker = startWorker({ ports: container.ports, queue: container.queue, bus: container.bus, relayStore: container.relayStore, heartbeat: container.heartbeat });
    } catch (err) {
      await app?.close();
      await container.close();
      fail(`could not start the worker: ${describe(err)}`);
    }
  }
  logger.info(
    { role: config.role, version: VERSION, boot_ms: Math.round(performance.now() - started), rss_mb: Math.round(process.memoryUsage().rss / 1048576) },
    'tessera started',
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error({ timeout_ms: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    void (async () => {
      await app?.close();
      await viewFlusher?.stop();
      await worker?.stop();
      await container.close();
      logger.info('stopped');
      process.exit(0);
    })();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => fail(`unexpected failure: ${describe(err)}`));
