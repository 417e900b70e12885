/** One line of the audit log (contract §12.4). `details` never holds secrets, tokens or hashes. */
export interface AuditEntry {
  readonly id: string;
  readonly occurredAt: Date;
  readonly action: string;
  readonly actorId: string | null;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly ipAddress: string | null;
  readonly requestId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditLog {
  /** Appends; transactional when obtained from `uow.run`. */
  record(entry: AuditEntry): Promise<void>;
}
