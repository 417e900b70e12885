import type { AuditEntry } from '../identity/audit-entry.js';
import type { PageRequest } from '../shared/page.js';
import type { UserSummary } from '../social/like.js';

/** Every filter narrows (AND); `actions` matches any of them. `since`/`until` bound `occurredAt` inclusively. */
export interface AuditFilter {
  readonly actions?: readonly string[];
  readonly actorId?: string;
  readonly targetType?: string;
  readonly targetId?: string;
  readonly since?: Date;
  readonly until?: Date;
}

/** An entry with its actor as a summary; `null` for system or anonymous entries. */
export interface AuditRecord {
  readonly entry: AuditEntry;
  readonly actor: UserSummary | null;
}

/**
 * Reads the audit log for `GET /moderation/audit` (contract §12.4). Deliberately separate from the writer and
 * read-only: the log is append-only and no port anywhere can change or remove an entry.
 */
export interface AuditLogReader {
  /**
   * Newest first (`occurredAt`, then `id`). Cursor mode fetches `perPage + 1` rows after `[occurredAt ISO, id]`;
   * `total` is null there.
   */
  list(filter: AuditFilter, page: PageRequest): Promise<{ rows: AuditRecord[]; total: number | null }>;
}
