/** The envelope of contract §16. Payloads never carry passwords, hashes, tokens, GPS data or comment text. */
export interface DomainEvent<P extends Record<string, unknown> = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  readonly version: 1;
  readonly occurredAt: Date;
  readonly aggregateType: string;
  readonly aggregateId: string;
  /** `null` for system actions. */
  readonly actorId: string | null;
  /** `null` outside an HTTP request. */
  readonly requestId: string | null;
  readonly payload: P;
}
