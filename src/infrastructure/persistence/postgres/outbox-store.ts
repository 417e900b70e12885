import type { Kysely } from 'kysely';
import type { DomainEvent } from '../../../domain/shared/domain-event.js';
import type { Outbox } from '../../../domain/shared/outbox.js';
import { translateDbError } from './pg-errors.js';
import type { DB } from './schema.js';

const UNIQUES = {
  outbox_id_key: { code: 'outbox.duplicate_event', detail: 'this event was already recorded' },
} as const;

/** The outbox bound to `db`, which is a transaction when used through the unit of work. */
export function postgresOutbox(db: Kysely<DB>): Outbox {
  return {
    async add(event: DomainEvent) {
      try {
        await db
          .insertInto('outbox')
          .values({
            id: event.id,
            type: event.type,
            version: event.version,
            occurred_at: event.occurredAt,
            aggregate_type: event.aggregateType,
            aggregate_id: event.aggregateId,
            actor_id: event.actorId,
            request_id: event.requestId,
            payload: JSON.stringify(event.payload),
          })
          .execute();
      } catch (err) {
        throw translateDbError(`record event ${event.type}`, err, UNIQUES);
      }
    },
  };
}
