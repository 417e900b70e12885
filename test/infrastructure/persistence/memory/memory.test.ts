import { describe, expect, it } from 'vitest';
import { memoryCache } from '../../../../src/infrastructure/persistence/memory/cache.js';
import { memoryWorkerHeartbeat } from '../../../../src/infrastructure/persistence/memory/worker-heartbeat.js';
import { systemClock } from '../../../../src/infrastructure/system/system-clock.js';
import { describeCacheContract } from '../../../contract/cache.contract.js';
import { describeWorkerHeartbeatContract } from '../../../contract/worker-heartbeat.contract.js';

describeCacheContract('memory', async () => ({ cache: memoryCache(systemClock()), close: async () => undefined }));
describeWorkerHeartbeatContract('memory', async () => ({ heartbeat: memoryWorkerHeartbeat(), close: async () => undefined }));

describe('memoryCache bounds', () => {
  it('evicts the oldest writes beyond its capacity so memory stays bounded', async () => {
    const cache = memoryCache(systemClock(), 3);
    for (const k of ['a', 'b', 'c', 'd']) await cache.set(k, k);
    expect(await cache.get('a')).toBeNull();
    expect(await cache.get('d')).toBe('d');
  });
});
