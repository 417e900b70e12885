import type { Kysely } from 'kysely';
import type { AuditEntry, AuditLog } from '../../../domain/identity/audit-entry.js';
import { translateDbError } from './pg-errors.js';
import type { DB } from './schema.js';

/** Appends audit entries; bound to a transaction when obtained from the unit of work. */
export function postgresAuditLog(db: Kysely<DB>): AuditLog {
  return {
    async record(entry: AuditEntry) {
      try {
        await db
          .insertInto('audit_log')
          .values({
            id: entry.id,
            occurred_at: entry.occurredAt,
            action: entry.action,
            actor_id: entry.actorId,
            target_type: entry.targetType,
            target_id: entry.targetId,
            ip_address: entry.ipAddress,
            request_id: entry.requestId,
            details: JSON.stringify(entry.details),
          })
          .execute();
      } catch (err) {
        throw translateDbError(`record audit ${entry.action}`, err);
      }
    },
  };
}
