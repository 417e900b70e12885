/**
 * The Redis connection. Commands fail fast while Redis is down (no offline queue) so callers can answer
 * 503 at once instead of hanging; ioredis keeps reconnecting in the background.
 */
import { Redis } from 'ioredis';
import { UnavailableError } from '../../../domain/shared/errors.js';
import { wrapError } from '../../errors.js';

export type RedisClient = Redis;

export interface RedisOptions {
  readonly onError?: (err: Error) => void;
  /** Prepended to every key; tests give each file its own so runs never collide. */
  readonly keyPrefix?: string;
}

export function openRedis(url: string, options: RedisOptions = {}): RedisClient {
  const redis = new Redis(url, {
    keyPrefix: options.keyPrefix ?? '',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    lazyConnect: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Without a listener ioredis logs connection errors to stderr itself; route them to our logger.
  redis.on('error', (err: Error) => options.onError?.(err));
  return redis;
}

/** Resolves once the connection is ready, or rejects after `timeoutMs`. */
export async function waitForRedis(redis: RedisClient, timeoutMs = 5000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new UnavailableError('redis.unavailable', `Redis did not become ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}

/** Maps a failed Redis command: connection trouble → UnavailableError, anything else wrapped with context. */
export function translateRedisError(context: string, err: unknown): Error {
  const message = err instanceof Error ? err.message : '';
  const code = (err as { code?: unknown } | null)?.code;
  if (
    /Connection is closed|Stream isn't writeable|enableOfflineQueue|Reached the max retries|ECONNREFUSED|ETIMEDOUT|connect ETIMEDOUT/i.test(message) ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET'
  ) {
    return new UnavailableError('redis.unavailable', 'the session and cache store is unavailable', { retryAfterS: 5, cause: err });
  }
  return wrapError(context, err);
}

/** Runs a pipeline or MULTI and throws the first command error: ioredis reports those per command, not by rejecting. */
export async function execAll(pipeline: { exec(): Promise<[Error | null, unknown][] | null> }): Promise<unknown[]> {
  const results = await pipeline.exec();
  if (!results) throw new Error('the transaction was aborted');
  for (const [err] of results) if (err) throw err;
  return results.map(([, value]) => value);
}
