/**
 * Composition root: the ONLY place that chooses embedded or real adapters (architecture §6).
 * `buildContainer` opens connections and returns the ports plus a `close` that releases them in order.
 */
import path from 'node:path';
import type { Config } from './config.js';
import type { Ports } from './application/ports.js';
import type { BlobStorage } from './domain/gallery/blob-storage.js';
import type { MalwareScanner } from './domain/gallery/malware-scanner.js';
import type { Cache } from './domain/shared/cache.js';
import type { HealthCheck } from './domain/shared/health-check.js';
import type { Logger } from './domain/shared/logger.js';
import type { WorkerHeartbeat } from './domain/shared/worker-heartbeat.js';
import { openPglite, openPostgres, type SqlDatabase } from './infrastructure/persistence/postgres/connection.js';
import { lockDataDir } from './infrastructure/persistence/postgres/data-dir-lock.js';
import { migrate } from './infrastructure/persistence/postgres/migrate.js';
import { postgresAuditLog } from './infrastructure/persistence/postgres/audit-log.js';
import { postgresAuditLogReader } from './infrastructure/persistence/postgres/audit-log-reader.js';
import { postgresBanRepository } from './infrastructure/persistence/postgres/ban-repository.js';
import { postgresSessionRepository } from './infrastructure/persistence/postgres/session-repository.js';
import { postgresUnitOfWork } from './infrastructure/persistence/postgres/unit-of-work.js';
import { postgresUserRepository } from './infrastructure/persistence/postgres/user-repository.js';
import { memoryCache } from './infrastructure/persistence/memory/cache.js';
import { memoryLoginAttempts } from './infrastructure/persistence/memory/login-attempts.js';
import { memoryRateLimiter } from './infrastructure/persistence/memory/rate-limiter.js';
import { memorySessionStore } from './infrastructure/persistence/memory/session-store.js';
import { memoryWorkerHeartbeat } from './infrastructure/persistence/memory/worker-heartbeat.js';
import { redisCache } from './infrastructure/persistence/redis/cache.js';
import { openRedis, translateRedisError, type RedisClient } from './infrastructure/persistence/redis/connection.js';
import { redisLoginAttempts } from './infrastructure/persistence/redis/login-attempts.js';
import { redisRateLimiter } from './infrastructure/persistence/redis/rate-limiter.js';
import { redisSessionStore } from './infrastructure/persistence/redis/session-store.js';
import { redisWorkerHeartbeat } from './infrastructure/persistence/redis/worker-heartbeat.js';
import { clamdScanner } from './infrastructure/security/clamav/clamd-scanner.js';
import { disabledScanner } from './infrastructure/security/clamav/disabled-scanner.js';
import { heicDecodable, sharpImageInspector } from './infrastructure/imaging/sharp-image-inspector.js';
import { sharpImageProcessor } from './infrastructure/imaging/sharp-image-processor.js';
import { postgresImageRepository } from './infrastructure/persistence/postgres/image-repository.js';
import { postgresAlbumRepository } from './infrastructure/persistence/postgres/album-repository.js';
import { postgresTagRepository } from './infrastructure/persistence/postgres/tag-repository.js';
import { postgresCommentRepository } from './infrastructure/persistence/postgres/comment-repository.js';
import { postgresLikeRepository } from './infrastructure/persistence/postgres/like-repository.js';
import { postgresReportRepository } from './infrastructure/persistence/postgres/report-repository.js';
import { bufferedViewCounter } from './infrastructure/persistence/buffered-view-counter.js';
import { hmacUrlSigner } from './infrastructure/security/url/hmac-url-signer.js';
import { s3Storage } from './infrastructure/storage/s3/s3-storage.js';
import { loadIdentityLists } from './infrastructure/security/identity-lists.js';
import { joseTokenSigner } from './infrastructure/security/jwt/jose-token-signer.js';
import { loadSigningKey, loadUrlSigningSecret } from './infrastructure/security/jwt/key-files.js';
import { opaqueTokens } from './infrastructure/security/opaque-tokens.js';
import { argon2PasswordHasher } from './infrastructure/security/password/argon2-password-hasher.js';
import { countedPasswordHasher } from './infrastructure/security/password/counted-password-hasher.js';
import { promMetrics } from './infrastructure/system/prom-metrics.js';
import { Gauge, Registry } from 'prom-client';
import type { EventBus } from './domain/shared/event-bus.js';
import type { JobQueue } from './domain/shared/job-queue.js';
import type { OutboxRelayStore } from './domain/shared/outbox-relay-store.js';
import { bullmqJobQueue } from './infrastructure/messaging/bullmq-job-queue.js';
import { memoryEventBus } from './infrastructure/messaging/memory-event-bus.js';
import { memoryJobQueue } from './infrastructure/messaging/memory-job-queue.js';
import { redisEventBus } from './infrastructure/messaging/redis-event-bus.js';
import { postgresOutboxRelayStore } from './infrastructure/persistence/postgres/outbox-relay-store.js';
import { localDiskStorage } from './infrastructure/storage/local/local-disk-storage.js';
import { systemClock } from './infrastructure/system/system-clock.js';
import { uuidV7Generator } from './infrastructure/system/uuid-v7-generator.js';

export interface Container {
  readonly ports: Ports;
  /** Where every metric lives; `/metrics` exposes it. */
  readonly registry: Registry;
  readonly heartbeat: WorkerHeartbeat;
  readonly sql: SqlDatabase;
  readonly queue: JobQueue;
  readonly bus: EventBus;
  /** Exactly one per database: on PGlite its lock is a flag in this object. */
  readonly relayStore: OutboxRelayStore;
  /** Applies pending migrations; returns the versions applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface ContainerOptions {
  /** Tests hand in a database they prepared (a cloned template); it is closed with the container. */
  readonly sql?: SqlDatabase;
  /** Tests isolate their Redis keys under a prefix of their own. */
  readonly redisKeyPrefix?: string;
}

const PROBE_KEY = 'health/probe';
// The same bytes from every process: API and worker processes share one bucket, and a per-process value written
// by the last one to boot made every earlier process report its storage as down.
const PROBE_BYTES = Buffer.from('tessera storage probe v1\n');
// The queue counts as stalled when no worker has beaten for this long (contract §15).
const HEARTBEAT_STALE_MS = 60_000;

export async function buildContainer(config: Config, logger: Logger, options: ContainerOptions = {}): Promise<Container> {
  const closers: (() => Promise<void> | void)[] = [];
  try {
    const clock = systemClock();
    const registry = new Registry();
    const metrics = promMetrics(registry);
    // Storage first: a configuration it refuses should fail before the (slow) database opens.
    const storage = openStorage(config);
    const sql = options.sql ?? (await openDatabase(config, logger, closers));
    closers.push(() => sql.close());

    let redis: RedisClient | undefined;
    if (config.redisUrl) {
      // Log the transitions, not every reconnect attempt: an outage must not flood the log.
      let down = false;
      const client = openRedis(config.redisUrl, {
        onError: (err) => {
          if (down) return;
          down = true;
          logger.error({ err }, 'redis connection lost; retrying in the background');
        },
        ...(options.redisKeyPrefix ? { keyPrefix: options.redisKeyPrefix } : {}),
      });
      client.on('ready', () => {
        if (!down) return;
        down = false;
        logger.info({}, 'redis connection restored');
      });
      redis = client;
      closers.push(async () => {
        await client.quit().catch(() => client.disconnect());
      });
    }
    const cache: Cache = redis ? redisCache(redis) : memoryCache(clock);
    const heartbeat = redis ? redisWorkerHeartbeat(redis) : memoryWorkerHeartbeat();

    let queueDown = false;
    const queue: JobQueue = config.redisUrl
      ? bullmqJobQueue(config.redisUrl, {
          // BullMQ refuses ioredis' keyPrefix, so tests isolate its keys with its own prefix.
          ...(options.redisKeyPrefix ? { prefix: `${options.redisKeyPrefix}bull` } : {}),
          onError: (err) => {
            if (queueDown) return;
            queueDown = true;
            logger.error({ err }, 'job queue connection failed; retrying in the background');
          },
        })
      : memoryJobQueue(clock);
    closers.push(() => queue.close());
    const bus: EventBus = redis
      ? redisEventBus(redis)
      : memoryEventBus({ onError: (err, e) => logger.error({ err, event_id: e.id, type: e.type }, 'event subscriber failed') });
    const relayStore = postgresOutboxRelayStore(sql);
    registerQueueGauges(registry, () => queue.depth(), () => relayStore.lagSeconds(clock.now()));

    const probe = PROBE_BYTES;
    await storage.put(PROBE_KEY, probe);

    const scanner: MalwareScanner | undefined = config.clamavUrl ? clamdScanner(config.clamavUrl, config.scanTimeoutMs) : undefined;
    if (!scanner) {
      logger.warn({ security: true }, 'MALWARE SCANNING IS DISABLED: uploads are stored unscanned. Set CLAMAV_URL to enable it.');
    }

    const healthChecks: HealthCheck[] = [
      { name: 'database', critical: true, enabled: true, check: () => sql.ping() },
      {
        name: 'redis',
        critical: true,
        enabled: redis !== undefined,
        check: async () => {
          await redis?.ping().catch((err: unknown) => {
            throw translateRedisError('ping redis', err);
          });
        },
      },
      {
        name: 'storage',
        critical: true,
        enabled: true,
        check: async () => {
          const read = await storage.getBytes(PROBE_KEY);
          if (!read || Buffer.compare(Buffer.from(read), probe) !== 0) throw new Error('storage probe object is missing or changed');
        },
      },
      { name: 'scanner', critical: config.scanRequired, enabled: scanner !== undefined, check: () => scanner!.ping() },
      {
        name: 'queue',
        critical: false,
        enabled: true,
        check: async () => {
          await queue.depth(); // the backend answers; the in-process queue always does
          if (!redis) return; // the in-process worker lives and dies with this process
          const last = await heartbeat.last();
          if (!last || clock.now().getTime() - last.getTime() > HEARTBEAT_STALE_MS) throw new Error('no worker heartbeat in the last 60 s');
        },
      },
    ];

    // Tombstones of revoked sessions must outlive every refresh token that could still name them.
    const tombstoneTtlS = config.jwt.refreshTokenTtlS;
    const signingKey = await loadSigningKey({
      algorithm: config.jwt.algorithm,
      privateKeyPem: config.jwt.privateKeyPem,
      privateKeyFile: config.jwt.privateKeyFile,
      dataDir: config.dataDir,
    });
    const ports: Ports = {
      uow: postgresUnitOfWork(sql.db),
      cache,
      clock,
      ids: uuidV7Generator(),
      logger,
      healthChecks,
      users: postgresUserRepository(sql.db),
      sessions: postgresSessionRepository(sql.db),
      auditLog: postgresAuditLog(sql.db),
      auditLogReader: postgresAuditLogReader(sql.db),
      bans: postgresBanRepository(sql.db),
      sessionStore: redis ? redisSessionStore(redis, { tombstoneTtlS }) : memorySessionStore(clock, { tombstoneTtlS }),
      rateLimiter: redis ? redisRateLimiter(redis) : memoryRateLimiter(clock),
      loginAttempts: redis ? redisLoginAttempts(redis) : memoryLoginAttempts(clock),
      passwordHasher: countedPasswordHasher(argon2PasswordHasher(), metrics),
      metrics,
      tokenSigner: joseTokenSigner(signingKey, {
        algorithm: config.jwt.algorithm,
        issuer: config.jwt.issuer,
        accessTokenTtlS: config.jwt.accessTokenTtlS,
      }),
      secretTokens: opaqueTokens(),
      identityLists: await loadIdentityLists({
        ...(config.commonPasswordsFile ? { commonPasswordsFile: config.commonPasswordsFile } : {}),
        ...(config.disposableDomainsFile ? { disposableDomainsFile: config.disposableDomainsFile } : {}),
      }),
      identity: {
        accessTokenTtlS: config.jwt.accessTokenTtlS,
        refreshTokenTtlS: config.jwt.refreshTokenTtlS,
        lockout: { threshold: config.lockout.threshold, windowS: config.lockout.durationS, lockS: config.lockout.durationS },
      },
      images: postgresImageRepository(sql.db),
      albums: postgresAlbumRepository(sql.db),
      tags: postgresTagRepository(sql.db),
      likes: postgresLikeRepository(sql.db),
      comments: postgresCommentRepository(sql.db),
      reports: postgresReportRepository(sql.db),
      storage,
      inspector: sharpImageInspector({ heicDecodable: heicDecodable() }),
      processor: sharpImageProcessor(),
      scanner: scanner ?? disabledScanner(),
      viewCounter: bufferedViewCounter(cache, postgresImageRepository(sql.db)),
      queue,
      urlSigner: hmacUrlSigner(await loadUrlSigningSecret(config.dataDir, config.urlSigningSecret)),
      gallery: {
        maxUploadBytes: config.limits.maxUploadBytes,
        maxImageSide: config.limits.maxImageSide,
        maxImagePixels: config.limits.maxImagePixels,
        variantFormat: config.variantFormat,
        scanEnabled: scanner !== undefined,
        scanRequired: config.scanRequired,
        uploadWaitMaxMs: config.uploadWaitMaxMs,
        signedUrlTtlS: config.signedUrlTtlS,
        publicUrl: config.publicUrl ?? '',
        albumMaxImages: config.limits.albumMaxImages,
        presignRedirectTtlS: config.s3?.redirect ? config.s3.presignTtlS : null,
      },
    };
    return {
      ports,
      registry,
      heartbeat,
      sql,
      queue,
      bus,
      relayStore,
      migrate: () => migrate(sql),
      close: () => closeAll(closers),
    };
  } catch (err) {
    await closeAll(closers);
    throw err;
  }
}

async function openDatabase(config: Config, logger: Logger, closers: (() => Promise<void> | void)[]): Promise<SqlDatabase> {
  if (config.databaseUrl) {
    return openPostgres({
      url: config.databaseUrl,
      onIdleError: (err) => logger.warn({ err: { message: err.message } }, 'idle PostgreSQL connection failed'),
    });
  }
  const dir = path.join(config.dataDir, 'db');
  closers.push(lockDataDir(config.dataDir));
  logger.info({ dir }, 'using the embedded database (PGlite); set DATABASE_URL for PostgreSQL');
  return openPglite({ dataDir: dir });
}

function openStorage(config: Config): BlobStorage {
  if (config.storageDriver === 's3' && config.s3) return s3Storage(config.s3);
  return localDiskStorage(path.join(config.dataDir, 'files'));
}

async function closeAll(closers: (() => Promise<void> | void)[]): Promise<void> {
  // Close in reverse order of opening: dependents before what they depend on.
  for (const close of closers.splice(0).reverse()) {
    try {
      await close();
    } catch {
      // Keep closing the rest; a failed close must not leave other connections open.
    }
  }
}

/** `queue_depth` and `outbox_lag_seconds` (contract §15), read when Prometheus scrapes. */
function registerQueueGauges(registry: Registry, depth: () => Promise<number>, lag: () => Promise<number>): void {
  new Gauge({ name: 'tessera_queue_depth', help: 'Jobs waiting or delayed', registers: [registry], async collect() {
    this.set(await depth().catch(() => Number.NaN));
  } });
  new Gauge({ name: 'tessera_outbox_lag_seconds', help: 'Age of the oldest unpublished outbox event', registers: [registry], async collect() {
    this.set(await lag().catch(() => Number.NaN));
  } });
}
