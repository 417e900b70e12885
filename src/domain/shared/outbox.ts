import type { DomainEvent } from './domain-event.js';

/**
 * Where use cases record domain events. Bound to a unit of work, `add` writes in that transaction, so an
 * event exists exactly when the change it describes was committed.
 */
export interface Outbox {
  /** Throws ConflictError when an event with the same id was already recorded. */
  add(event: DomainEvent): Promise<void>;
}
