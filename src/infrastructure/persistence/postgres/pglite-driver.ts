/**
 * A Kysely dialect over embedded PGlite. PGlite has one connection, so it is lent under a mutex that is held
 * for a whole transaction: concurrent transactions queue instead of interleaving their statements.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { type Mutex } from './mutex.js';

export function pgliteDialect(pglite: PGlite, mutex: Mutex): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => pgliteDriver(pglite, mutex),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

function pgliteDriver(pglite: PGlite, mutex: Mutex): Driver {
  const releases = new WeakMap<DatabaseConnection, () => void>();
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const result = await pglite.query<R>(query.sql, [...query.parameters]);
      return result.affectedRows === undefined
        ? { rows: result.rows }
        : { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) };
    },
     
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error('streaming queries are not supported on PGlite');
    },
  };
  const run = (sql: string) => connection.executeQuery(CompiledQuery.raw(sql)).then(() => undefined);

  return {
    async init() {},
    async acquireConnection() {
      const release = await mutex.acquire();
      // Every acquire hands out the same object, so remember the release of the current holder only.
      releases.set(connection, release);
      return connection;
    },
    async beginTransaction(_conn, settings: TransactionSettings) {
      const parts = ['begin'];
      if (settings.isolationLevel) parts.push(`isolation level ${settings.isolationLevel}`);
      if (settings.accessMode) parts.push(settings.accessMode);
      await run(parts.join(' '));
    },
    commitTransaction: () => run('commit'),
    rollbackTransaction: () => run('rollback'),
    savepoint: (_conn, name) => run(`savepoint ${quoteIdent(name)}`),
    rollbackToSavepoint: (_conn, name) => run(`rollback to savepoint ${quoteIdent(name)}`),
    releaseSavepoint: (_conn, name) => run(`release savepoint ${quoteIdent(name)}`),
    async releaseConnection(conn) {
      const release = releases.get(conn);
      releases.delete(conn);
      release?.();
    },
    async destroy() {},
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
