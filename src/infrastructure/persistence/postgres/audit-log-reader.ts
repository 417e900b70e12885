import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { AuditFilter, AuditLogReader } from '../../../domain/moderation/audit-log-reader.js';
import { afterTimeAndId, rowsWithTotal } from './keyset-page.js';
import { guardDb } from './pg-errors.js';
import type { DB } from './schema.js';

/** Read side of the audit log; it has no method that writes (the table also refuses UPDATE and DELETE). */
export function postgresAuditLogReader(db: Kysely<DB>): AuditLogReader {
  return {
    list: (filter, page) =>
      guardDb('list audit log', async () => {
        const matches = filterSql(filter);
        let rows = db
          .selectFrom('audit_log')
          .leftJoin('users', 'users.id', 'audit_log.actor_id')
          .selectAll('audit_log')
          .select(['users.username', 'users.display_name'])
          .where(matches)
          .orderBy('audit_log.occurred_at', 'desc')
          .orderBy('audit_log.id', 'desc');
        if (page.mode === 'cursor' && page.after) rows = rows.where(afterTimeAndId('audit_log.occurred_at', 'audit_log.id', 'desc', page.after));
        const { found, total } = await rowsWithTotal(rows, page, async () => (await db.selectFrom('audit_log').where(matches).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
        return {
          rows: found.map((r) => ({
            entry: {
              id: r.id,
              occurredAt: new Date(r.occurred_at),
              action: r.action,
              actorId: r.actor_id,
              targetType: r.target_type,
              targetId: r.target_id,
              ipAddress: r.ip_address,
              requestId: r.request_id,
              details: r.details,
            },
            actor: r.actor_id !== null && r.username !== null && r.display_name !== null ? { id: r.actor_id, username: r.username, displayName: r.display_name } : null,
          })),
          total,
        };
      }),
  };
}

function filterSql(filter: AuditFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (filter.actions && filter.actions.length > 0) parts.push(sql<SqlBool>`audit_log.action IN (${sql.join(filter.actions)})`);
  if (filter.actorId !== undefined) parts.push(sql<SqlBool>`audit_log.actor_id = ${filter.actorId}::uuid`);
  if (filter.targetType !== undefined) parts.push(sql<SqlBool>`audit_log.target_type = ${filter.targetType}`);
  if (filter.targetId !== undefined) parts.push(sql<SqlBool>`audit_log.target_id = ${filter.targetId}`);
  if (filter.since !== undefined) parts.push(sql<SqlBool>`audit_log.occurred_at >= ${filter.since.toISOString()}::timestamptz`);
  if (filter.until !== undefined) parts.push(sql<SqlBool>`audit_log.occurred_at <= ${filter.until.toISOString()}::timestamptz`);
  return parts.length === 0 ? sql<SqlBool>`TRUE` : sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}
