import type { DomainEvent } from './domain-event.js';

/**
 * Where the outbox relay publishes committed events (Redis Streams `tessera:events`, or in process).
 * At least once; consumers deduplicate by event id.
 */
export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
}
