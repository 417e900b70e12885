/**
 * A fresh, empty PostgreSQL database per Tessera process (it migrates on boot), on the same server the tests use
 * (`BENCH_PG_URL`, else `TEST_PG_URL`, else postgres@127.0.0.1:5432). Dropped again when the bench ends.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  readonly url: string;
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Whether the PostgreSQL server answers at all; the bench falls back to PGlite when it does not. */
export async function postgresReachable(): Promise<boolean> {
  try {
    await withAdmin((admin) => admin.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

export async function createDatabase(label: string): Promise<BenchDatabase> {
  const name = `tessera_bench_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE template0`));
  const parsed = new URL(PG_ADMIN_URL);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  let client: pg.Client | undefined;
  return {
    url,
    async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      if (!client) {
        client = new pg.Client({ connectionString: url });
        await client.connect();
      }
      return (await client.query<R>(text, values)).rows;
    },
    async drop() {
      await client?.end();
      client = undefined;
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
