/**
 * Once per run: checks the services, migrates a PostgreSQL template database and a PGlite image, and hands
 * both to the test files, which clone them (CREATE DATABASE … TEMPLATE, loadDataDir) instead of migrating.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/infrastructure/persistence/postgres/connection.js';
import { migrate } from '../../src/infrastructure/persistence/postgres/migrate.js';
import { PG_ADMIN_URL, REDIS_URL, requireService, withDatabase } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteImage: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  await requireService('postgresql', PG_ADMIN_URL);
  await requireService('redis', REDIS_URL);

  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await dropStaleDatabases(admin);
  const template = `tessera_tpl_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const templateDb = openPostgres({ url: withDatabase(PG_ADMIN_URL, template) });
  await migrate(templateDb);
  await templateDb.close();

  const pglite = await openPglite();
  await migrate(pglite);
  const image = await pglite.dump!();
  await pglite.close();
  const imageFile = path.join(os.tmpdir(), `tessera-pglite-${process.pid}.tar.gz`);
  fs.writeFileSync(imageFile, Buffer.from(await image.arrayBuffer()));

  project.provide('pgTemplate', template);
  project.provide('pgliteImage', imageFile);

  return async () => {
    fs.rmSync(imageFile, { force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

/** Databases left by runs that crashed: their names carry the pid of a process that is gone. */
async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname ~ '^tessera_(tpl|t)_[0-9]+(_|$)'",
  );
  for (const { datname } of rows) {
    const pid = Number(/^tessera_(?:tpl|t)_(\d+)/.exec(datname)?.[1]);
    if (isAlive(pid)) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
