import type { DomainEvent } from '../../domain/shared/domain-event.js';
import type { EventBus } from '../../domain/shared/event-bus.js';

export type EventSubscriber = (event: DomainEvent) => void | Promise<void>;

export interface MemoryEventBus extends EventBus {
  /** Calls `fn` for every event published from now on; returns the unsubscribe function. */
  subscribe(fn: EventSubscriber): () => void;
}

/**
 * In-process EventBus for embedded mode. As with the Redis stream, publishing succeeds once the event is
 * handed over: a failing subscriber is reported to `onError` and never fails (or repeats) the publish.
 */
export function memoryEventBus(options: { onError?: (err: unknown, event: DomainEvent) => void } = {}): MemoryEventBus {
  const subscribers = new Set<EventSubscriber>();
  return {
    async publish(event) {
      const results = await Promise.allSettled([...subscribers].map(async (fn) => fn(event)));
      for (const r of results) if (r.status === 'rejected') options.onError?.(r.reason, event);
    },
    subscribe(fn) {
      subscribers.add(fn);
      return () => void subscribers.delete(fn);
    },
  };
}
