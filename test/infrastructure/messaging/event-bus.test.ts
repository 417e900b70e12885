import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../src/domain/shared/domain-event.js';
import { UnavailableError } from '../../../src/domain/shared/errors.js';
import { memoryEventBus } from '../../../src/infrastructure/messaging/memory-event-bus.js';
import { EVENT_STREAM, redisEventBus } from '../../../src/infrastructure/messaging/redis-event-bus.js';
import { openRedis, waitForRedis, type RedisClient } from '../../../src/infrastructure/persistence/redis/connection.js';
import { uuidV7Generator } from '../../../src/infrastructure/system/uuid-v7-generator.js';
import { REDIS_URL } from '../../support/services.js';

const ids = uuidV7Generator();

function event(overrides: Partial<DomainEvent> = {}): DomainEvent {
  const aggregateId = ids.next();
  return {
    id: ids.next(),
    type: 'image.uploaded',
    version: 1,
    occurredAt: new Date('2026-02-03T04:05:06.789Z'),
    aggregateType: 'image',
    aggregateId,
    actorId: ids.next(),
    requestId: 'req-42',
    payload: { image_id: aggregateId, tags: ['a', 'b'], width: 640 },
    ...overrides,
  };
}

describe('redisEventBus', () => {
  let redis: RedisClient;
  beforeAll(async () => {
    redis = openRedis(REDIS_URL, { keyPrefix: `test:${randomBytes(6).toString('hex')}:` });
    await waitForRedis(redis);
  });
  afterAll(async () => {
    await redis.del(EVENT_STREAM);
    await redis.quit();
  });

  it('appends the snake_case envelope to tessera:events, in publish order', async () => {
    const bus = redisEventBus(redis);
    const first = event();
    const second = event({ type: 'image.deleted', actorId: null, requestId: null });
    await bus.publish(first);
    await bus.publish(second);
    const entries = await redis.xrange(EVENT_STREAM, '-', '+');
    expect(entries).toHaveLength(2);
    const [, fields] = entries[0]!;
    const record = Object.fromEntries(Array.from({ length: fields.length / 2 }, (_, i) => [fields[2 * i], fields[2 * i + 1]]));
    expect(record.id).toBe(first.id);
    expect(record.type).toBe('image.uploaded');
    expect(JSON.parse(record.event)).toEqual({
      id: first.id,
      type: 'image.uploaded',
      version: 1,
      occurred_at: '2026-02-03T04:05:06.789Z',
      aggregate_type: 'image',
      aggregate_id: first.aggregateId,
      actor_id: first.actorId,
      request_id: 'req-42',
      payload: first.payload,
    });
    const secondEnvelope = JSON.parse(entries[1]![1][5]!);
    expect(secondEnvelope).toMatchObject({ id: second.id, type: 'image.deleted', actor_id: null, request_id: null });
  });

  it('answers UnavailableError when Redis is unreachable', async () => {
    const down = openRedis('redis://127.0.0.1:1');
    try {
      await expect(redisEventBus(down).publish(event())).rejects.toBeInstanceOf(UnavailableError);
    } finally {
      down.disconnect();
    }
  });
});

describe('memoryEventBus', () => {
  it('hands every published event to each subscriber until it unsubscribes', async () => {
    const bus = memoryEventBus();
    const a: DomainEvent[] = [];
    const b: DomainEvent[] = [];
    const offA = bus.subscribe((e) => void a.push(e));
    bus.subscribe(async (e) => void b.push(e));
    const first = event();
    await bus.publish(first);
    offA();
    const second = event();
    await bus.publish(second);
    expect(a).toEqual([first]);
    expect(b).toEqual([first, second]);
  });

  it('reports a failing subscriber without failing the publish or starving the others', async () => {
    const failures: unknown[] = [];
    const bus = memoryEventBus({ onError: (err) => failures.push(err) });
    const got: DomainEvent[] = [];
    bus.subscribe(() => {
      throw new Error('subscriber bug');
    });
    bus.subscribe((e) => void got.push(e));
    await expect(bus.publish(event())).resolves.toBeUndefined();
    expect(got).toHaveLength(1);
    expect(failures).toEqual([expect.objectContaining({ message: 'subscriber bug' })]);
  });
});
