import type { DomainEvent } from '../../../domain/shared/domain-event.js';
import type { OutboxRelayStore, PendingEvent } from '../../../domain/shared/outbox-relay-store.js';
import type { SqlDatabase } from './connection.js';
import { translateDbError } from './pg-errors.js';

// Any fixed 64-bit number, distinct from the migration lock; every process must agree on it.
const RELAY_LOCK_KEY = '7283910046153';

/**
 * The relay's side of the outbox table. On PostgreSQL the relay lock is a session advisory lock held on one
 * dedicated connection for the whole pass. PGlite is single-process (the data-dir lock) and has one
 * connection, on which advisory locks are re-entrant and `withSession` would block the pass's own queries:
 * there the lock is a flag of this store, and the container builds one store per database.
 */
export function postgresOutboxRelayStore(sql: SqlDatabase): OutboxRelayStore {
  let heldInProcess = false;

  async function withAdvisoryLock(fn: () => Promise<void>): Promise<boolean> {
    return sql.withSession(async (session) => {
      const [row] = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [RELAY_LOCK_KEY]);
      if (!row?.locked) return false;
      try {
        await fn();
        return true;
      } finally {
        // If this fails the session is discarded (withSession), which releases the lock too.
        await session.query('SELECT pg_advisory_unlock($1::bigint)', [RELAY_LOCK_KEY]);
      }
    });
  }

  return {
    async withRelayLock(fn) {
      if (sql.engine === 'postgres') return withAdvisoryLock(fn);
      if (heldInProcess) return false;
      heldInProcess = true;
      try {
        await fn();
        return true;
      } finally {
        heldInProcess = false;
      }
    },

    async pending(limit) {
      try {
        const rows = await sql.db
          .selectFrom('outbox')
          .selectAll()
          .where('published_at', 'is', null)
          .orderBy('seq')
          .limit(limit)
          .execute();
        return rows.map(
          (row): PendingEvent => ({
            seq: String(row.seq),
            event: {
              id: row.id,
              type: row.type,
              // The column allows only what was written through the Outbox port, whose events are version 1.
              version: row.version as DomainEvent['version'],
              occurredAt: new Date(row.occurred_at),
              aggregateType: row.aggregate_type,
              aggregateId: row.aggregate_id,
              actorId: row.actor_id,
              requestId: row.request_id,
              payload: row.payload,
            },
          }),
        );
      } catch (err) {
        throw translateDbError('read pending outbox events', err);
      }
    },

    async markPublished(seqs, at) {
      if (seqs.length === 0) return;
      try {
        await sql.db
          .updateTable('outbox')
          .set({ published_at: at })
          .where('seq', 'in', [...seqs])
          .where('published_at', 'is', null)
          .execute();
      } catch (err) {
        throw translateDbError('mark outbox events published', err);
      }
    },

    async lagSeconds(now) {
      try {
        const row = await sql.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.min('occurred_at').as('oldest'))
          .where('published_at', 'is', null)
          .executeTakeFirst();
        if (!row?.oldest) return 0;
        return Math.max(0, (now.getTime() - new Date(row.oldest).getTime()) / 1000);
      } catch (err) {
        throw translateDbError('measure outbox lag', err);
      }
    },
  };
}
