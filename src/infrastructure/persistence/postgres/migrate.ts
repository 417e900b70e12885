/**
 * Forward-only plain-SQL migrations. Files `NNNN_name.sql` in `./migrations` run in order, each in its own
 * transaction, under an advisory lock so that processes booting together apply each file once. An applied
 * file whose content changed aborts the boot: history is never rewritten silently.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SqlDatabase, SqlSession } from './connection.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

// Any fixed 64-bit number unique to Tessera; all processes must agree on it.
const MIGRATION_LOCK_KEY = '7283910046152';
const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export interface MigrationFile {
  readonly version: string;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const files: MigrationFile[] = [];
  for (const fileName of names) {
    const match = FILE_PATTERN.exec(fileName);
    if (!match) throw new MigrationError(`migration file name "${fileName}" does not match NNNN_snake_name.sql`);
    const sql = (await fs.readFile(`${dir}/${fileName}`, 'utf8')).replace(/\r\n/g, '\n');
    const version = match[1] as string;
    if (files.some((f) => f.version === version)) throw new MigrationError(`two migrations share version ${version}`);
    files.push({ version, name: match[2] as string, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return files;
}

/** Applies pending migrations; returns the versions applied by this call (empty when up to date). */
export async function migrate(database: SqlDatabase, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = await readMigrations(dir);
  return database.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    text PRIMARY KEY,
        name       text NOT NULL,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const applied = await session.query<{ version: string; checksum: string }>(
        'SELECT version, checksum FROM schema_migrations ORDER BY version',
      );
      checkHistory(applied, files);
      const done = new Set(applied.map((row) => row.version));
      const newlyApplied: string[] = [];
      for (const file of files.filter((f) => !done.has(f.version))) {
        await applyOne(session, file);
        newlyApplied.push(file.version);
      }
      return newlyApplied;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
  });
}

function checkHistory(applied: readonly { version: string; checksum: string }[], files: readonly MigrationFile[]): void {
  for (const row of applied) {
    const file = files.find((f) => f.version === row.version);
    if (!file) {
      throw new MigrationError(`the database has migration ${row.version}, which this version of Tessera does not know`);
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(`migration ${row.version}_${file.name}.sql was edited after it was applied; add a new migration instead`);
    }
  }
}

async function applyOne(session: SqlSession, file: MigrationFile): Promise<void> {
  await session.exec('BEGIN');
  try {
    await session.exec(file.sql);
    await session.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
      file.version,
      file.name,
      file.checksum,
    ]);
    await session.exec('COMMIT');
  } catch (err) {
    await session.exec('ROLLBACK').catch(() => undefined);
    throw new MigrationError(`migration ${file.version}_${file.name}.sql failed`, { cause: err });
  }
}
