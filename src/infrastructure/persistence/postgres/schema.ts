/** Kysely row types. They never leave `infrastructure/persistence/postgres`: repositories map them to domain types. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface SchemaMigrationsTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Generated<Timestamp>;
}

export interface OutboxTable {
  seq: Generated<string>;
  id: string;
  type: string;
  version: number;
  occurred_at: Timestamp;
  aggregate_type: string;
  aggregate_id: string;
  actor_id: string | null;
  request_id: string | null;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  published_at: Timestamp | null;
  attempts: Generated<number>;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  outbox: OutboxTable;
}
