/**
 * Fresh, migrated databases for a test file: a PostgreSQL 15 database cloned from the run's template, or a
 * PGlite instance loaded from the run's image. `ENGINES` lets a suite run once per engine.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type SqlDatabase } from '../../src/infrastructure/persistence/postgres/connection.js';
import { PG_ADMIN_URL, withDatabase } from './services.js';

export interface TestDatabase {
  readonly sql: SqlDatabase;
  /** Set for PostgreSQL: a URL other processes can use. */
  readonly url?: string;
  /** Closes the connection and removes the database. */
  destroy(): Promise<void>;
}

export type Engine = 'postgres' | 'pglite';
export const ENGINES: readonly Engine[] = ['postgres', 'pglite'];

export function openTestDatabase(engine: Engine, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  return engine === 'postgres' ? createPostgresDatabase(options) : createPgliteDatabase(options);
}

/** An empty or migrated PostgreSQL database of its own; `url` lets other processes connect to it. */
export async function createPostgresDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `tessera_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : inject('pgTemplate');
  await withAdmin((admin) => createFromTemplate(admin, name, template));
  const url = withDatabase(PG_ADMIN_URL, name);
  const sql = openPostgres({ url, maxConnections: 5 });
  return {
    sql,
    url,
    async destroy() {
      await sql.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function createPgliteDatabase(options: { migrated?: boolean }): Promise<TestDatabase> {
  const sql =
    options.migrated === false
      ? await openPglite()
      : await openPglite({ loadDataDir: new Blob([fs.readFileSync(inject('pgliteImage'))]) });
  return { sql, destroy: () => sql.close() };
}

/** A backend that just disconnected from the template may linger a moment: retry the copy briefly. */
async function createFromTemplate(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (err) {
      if (attempt >= 50 || !/is being accessed by other users/.test((err as Error).message)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
