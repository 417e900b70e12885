/**
 * Opens the SQL database: PostgreSQL through a pg.Pool when DATABASE_URL is set, otherwise embedded PGlite.
 * Both are driven through the same Kysely instance type, so repositories have one code path.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { translateDbError } from './pg-errors.js';
import { Mutex } from './mutex.js';
import { pgliteDialect } from './pglite-driver.js';
import type { DB } from './schema.js';

/** One dedicated connection, for work that must not be spread over a pool (migrations, advisory locks). */
export interface SqlSession {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a multi-statement script without parameters. */
  exec(script: string): Promise<void>;
}

export interface SqlDatabase {
  readonly engine: 'postgres' | 'pglite';
  readonly db: Kysely<DB>;
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** `SELECT 1`; throws UnavailableError when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: a compressed image of the whole database, loadable with `openPglite({ loadDataDir })`. */
  dump?(): Promise<Blob>;
}

// PostgreSQL's int8 (20) and numeric (1700) stay strings on both engines, as pg returns them.
const PGLITE_PARSERS = { 20: (v: string) => v, 1700: (v: string) => v };

export interface PostgresOptions {
  readonly url: string;
  readonly maxConnections?: number;
  readonly onIdleError?: (err: Error) => void;
}

export function openPostgres(options: PostgresOptions): SqlDatabase {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'tessera',
    // Short OLTP queries: JIT compilation costs more (≈0.2 s on a feed count) than it could ever save here.
    options: '-c jit=off',
  });
  // An idle client dropped by the server emits here; unhandled it would crash the process.
  pool.on('error', (err) => options.onIdleError?.(err));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    engine: 'postgres',
    db,
    async withSession(fn) {
      const client = await pool.connect().catch((err: unknown) => {
        throw translateDbError('connect to PostgreSQL', err);
      });
      let broken = false;
      try {
        return await fn({
          query: async <R>(sql: string, params: readonly unknown[] = []) =>
            (await client.query(sql, [...params])).rows as R[],
          exec: async (script: string) => {
            await client.query(script);
          },
        });
      } catch (err) {
        broken = true;
        throw err;
      } finally {
        // A session that failed may hold a lock or an open transaction: discard it rather than reuse it.
        client.release(broken);
      }
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
      } catch (err) {
        throw translateDbError('ping PostgreSQL', err);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      // Kysely only ends a pool it has used; end it here too so an unused pool leaves no connection open.
      if (!pool.ending) await pool.end();
    },
  };
}

export interface PgliteOptions {
  /** Folder of the database files; omitted means in memory. */
  readonly dataDir?: string;
  /** A `dumpDataDir()` image to start from (tests clone a migrated template this way). */
  readonly loadDataDir?: Blob;
}

export async function openPglite(options: PgliteOptions = {}): Promise<SqlDatabase> {
  const pglite = await PGlite.create(options.dataDir ?? 'memory://', {
    parsers: PGLITE_PARSERS,
    // PGlite's 128 MB default buffer pool costs RSS up front; an embedded gallery's hot set is far smaller.
    postgresqlconf: ['shared_buffers=32MB'],
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const mutex = new Mutex();
  const db = new Kysely<DB>({ dialect: pgliteDialect(pglite, mutex) });
  let closed = false;
  return {
    engine: 'pglite',
    db,
    withSession: (fn) =>
      mutex.runExclusive(() =>
        fn({
          query: async <R>(sql: string, params: readonly unknown[] = []) => (await pglite.query<R>(sql, [...params])).rows,
          exec: async (script: string) => {
            await pglite.exec(script);
          },
        }),
      ),
    async ping() {
      if (closed) throw translateDbError('ping PGlite', new Error('PGlite is closed'));
      await mutex.runExclusive(() => pglite.query('SELECT 1'));
    },
    dump: () => mutex.runExclusive(() => pglite.dumpDataDir('gzip')),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await mutex.runExclusive(() => pglite.close());
    },
  };
}
