import type { DomainEvent } from './domain-event.js';

export interface PendingEvent {
  readonly seq: string;
  readonly event: DomainEvent;
}

/** The relay's view of the outbox: unpublished rows in commit order, and marking them done. */
export interface OutboxRelayStore {
  /**
   * Runs `fn` while holding the relay's advisory lock, so a single relay at a time keeps per-aggregate order.
   * Returns `false` without running `fn` when another process holds it.
   */
  withRelayLock(fn: () => Promise<void>): Promise<boolean>;
  /** Up to `limit` unpublished events, oldest `seq` first. */
  pending(limit: number): Promise<PendingEvent[]>;
  markPublished(seqs: readonly string[], at: Date): Promise<void>;
  /** Age in seconds of the oldest unpublished event (the `outbox_lag_seconds` metric), 0 when none. */
  lagSeconds(now: Date): Promise<number>;
}
