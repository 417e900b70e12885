/**
 * EventBus on the Redis stream `tessera:events` (contract §16). Each entry carries the event id and type as
 * fields, so consumers can filter without parsing, and the snake_case envelope as JSON.
 */
import type { DomainEvent } from '../../domain/shared/domain-event.js';
import type { EventBus } from '../../domain/shared/event-bus.js';
import { translateRedisError, type RedisClient } from '../persistence/redis/connection.js';

export const EVENT_STREAM = 'tessera:events';
// Approximate trimming (~) lets Redis drop whole nodes; consumers that fall this far behind were lost anyway.
const MAX_LEN = '100000';

export function redisEventBus(redis: RedisClient): EventBus {
  return {
    async publish(event) {
      try {
        await redis.xadd(EVENT_STREAM, 'MAXLEN', '~', MAX_LEN, '*', 'id', event.id, 'type', event.type, 'event', JSON.stringify(toEnvelope(event)));
      } catch (err) {
        throw translateRedisError(`publish event ${event.type}`, err);
      }
    },
  };
}

function toEnvelope(event: DomainEvent): Record<string, unknown> {
  return {
    id: event.id,
    type: event.type,
    version: event.version,
    occurred_at: event.occurredAt.toISOString(),
    aggregate_type: event.aggregateType,
    aggregate_id: event.aggregateId,
    actor_id: event.actorId,
    request_id: event.requestId,
    payload: event.payload,
  };
}
