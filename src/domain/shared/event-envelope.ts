import type { DomainEvent } from './domain-event.js';

/** The facts every event carries besides its payload (structurally the same as identity's `EventMeta`). */
export interface EnvelopeMeta {
  readonly id: string;
  readonly at: Date;
  readonly actorId: string | null;
  readonly requestId: string | null;
}

/** A contract §16 envelope around `payload` for one aggregate. */
export function eventEnvelope(meta: EnvelopeMeta, type: string, aggregate: { readonly type: string; readonly id: string }, payload: Record<string, unknown>): DomainEvent {
  return { id: meta.id, type, version: 1, occurredAt: meta.at, aggregateType: aggregate.type, aggregateId: aggregate.id, actorId: meta.actorId, requestId: meta.requestId, payload };
}
