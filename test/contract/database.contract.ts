/**
 * What every SQL engine must do the same way: migrations, transactions with the outbox, error translation and
 * value types. Run by test/infrastructure/persistence/postgres/{postgres,pglite}.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql as rawSql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/domain/shared/domain-event.js';
import { ConflictError, UnavailableError } from '../../src/domain/shared/errors.js';
import { migrate, MigrationError, readMigrations, MIGRATIONS_DIR } from '../../src/infrastructure/persistence/postgres/migrate.js';
import { postgresUnitOfWork } from '../../src/infrastructure/persistence/postgres/unit-of-work.js';
import { uuidV7Generator } from '../../src/infrastructure/system/uuid-v7-generator.js';
import { openTestDatabase, type Engine, type TestDatabase } from '../support/databases.js';

const ids = uuidV7Generator();

function event(overrides: Partial<DomainEvent> = {}): DomainEvent {
  const id = ids.next();
  return {
    id,
    type: 'user.registered',
    version: 1,
    occurredAt: new Date('2025-03-01T12:00:00.123Z'),
    aggregateType: 'user',
    aggregateId: ids.next(),
    actorId: null,
    requestId: 'req-1',
    payload: { user_id: id, nested: { ok: true }, list: [1, 2] },
    ...overrides,
  };
}

export function describeDatabaseContract(engine: Engine): void {
  describe(`SQL database contract (${engine})`, () => {
    describe('migrations', () => {
      let fresh: TestDatabase;
      beforeAll(async () => {
        fresh = await openTestDatabase(engine, { migrated: false });
      });
      afterAll(() => fresh.destroy());

      it('applies every shipped migration once, in order, and records it', async () => {
        const files = await readMigrations();
        expect(await migrate(fresh.sql)).toEqual(files.map((f) => f.version));
        const rows = await fresh.sql.db.selectFrom('schema_migrations').select(['version', 'checksum']).orderBy('version').execute();
        expect(rows).toEqual(files.map((f) => ({ version: f.version, checksum: f.checksum })));
      });

      it('applies nothing the second time', async () => {
        expect(await migrate(fresh.sql)).toEqual([]);
      });

      it('refuses to boot when an applied migration file was edited', async () => {
        const dir = copyMigrations((name, text) => (name.startsWith('0001') ? `${text}\n-- edited\n` : text));
        await expect(migrate(fresh.sql, dir)).rejects.toThrow(MigrationError);
        await expect(migrate(fresh.sql, dir)).rejects.toThrow(/was edited after it was applied/);
      });

      it('refuses a database that has a migration this code does not know', async () => {
        const dir = copyMigrations((_name, text) => text, (names) => names.filter((n) => !n.startsWith('0001')));
        await expect(migrate(fresh.sql, dir)).rejects.toThrow(/does not know/);
      });

      it('rolls back a failing migration completely and records nothing of it', async () => {
        const dir = copyMigrations((name, text) => text, (names) => names);
        fs.writeFileSync(path.join(dir, '9999_broken.sql'), 'CREATE TABLE half_done (id int);\nSELECT no_such_function();\n');
        await expect(migrate(fresh.sql, dir)).rejects.toThrow(/9999_broken\.sql failed/);
        const table = await rawSql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`.execute(fresh.sql.db);
        expect(table.rows[0]?.n).toBe(0);
        const recorded = await fresh.sql.db.selectFrom('schema_migrations').select('version').where('version', '=', '9999').execute();
        expect(recorded).toEqual([]);
      });

      it('applies each migration once when several boots migrate at the same time', async () => {
        const racing = await openTestDatabase(engine, { migrated: false });
        try {
          const results = await Promise.all([migrate(racing.sql), migrate(racing.sql), migrate(racing.sql)]);
          const files = await readMigrations();
          expect(results.flat().sort()).toEqual(files.map((f) => f.version));
        } finally {
          await racing.destroy();
        }
      });
    });

    describe('unit of work and outbox', () => {
      let db: TestDatabase;
      beforeAll(async () => {
        db = await openTestDatabase(engine);
      });
      afterAll(() => db.destroy());

      const count = async (id: string) =>
        (await db.sql.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('id', '=', id).executeTakeFirstOrThrow()).n;

      it('commits the event with the work when the callback resolves', async () => {
        const e = event();
        const result = await postgresUnitOfWork(db.sql.db).run(async (tx) => {
          await tx.outbox.add(e);
          return 'done';
        });
        expect(result).toBe('done');
        const row = await db.sql.db.selectFrom('outbox').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
        expect(row).toMatchObject({
          type: 'user.registered',
          version: 1,
          aggregate_type: 'user',
          aggregate_id: e.aggregateId,
          actor_id: null,
          request_id: 'req-1',
          payload: e.payload,
          published_at: null,
        });
        expect(row.occurred_at).toEqual(e.occurredAt);
      });

      it('rolls everything back and rethrows when the callback throws', async () => {
        const e = event();
        const boom = new Error('boom');
        await expect(
          postgresUnitOfWork(db.sql.db).run(async (tx) => {
            await tx.outbox.add(e);
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(Number(await count(e.id))).toBe(0);
      });

      it('turns a duplicate event id into a ConflictError and keeps nothing of that transaction', async () => {
        const first = event();
        await postgresUnitOfWork(db.sql.db).run((tx) => tx.outbox.add(first));
        const other = event();
        const failure = postgresUnitOfWork(db.sql.db).run(async (tx) => {
          await tx.outbox.add(other);
          await tx.outbox.add({ ...first });
        });
        await expect(failure).rejects.toBeInstanceOf(ConflictError);
        await expect(failure).rejects.toMatchObject({ code: 'outbox.duplicate_event' });
        expect(Number(await count(other.id))).toBe(0);
      });

      it('keeps concurrent transactions apart', async () => {
        const events = Array.from({ length: 6 }, () => event());
        const uow = postgresUnitOfWork(db.sql.db);
        const outcomes = await Promise.allSettled(
          events.map((e, i) =>
            uow.run(async (tx) => {
              await tx.outbox.add(e);
              await new Promise((r) => setTimeout(r, 5));
              if (i % 2 === 1) throw new Error(`fail ${i}`);
            }),
          ),
        );
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
        for (const [i, e] of events.entries()) expect(Number(await count(e.id))).toBe(i % 2 === 0 ? 1 : 0);
      });

      it('hands out the outbox sequence in commit order', async () => {
        const a = event();
        const b = event();
        const uow = postgresUnitOfWork(db.sql.db);
        await uow.run((tx) => tx.outbox.add(a));
        await uow.run((tx) => tx.outbox.add(b));
        const rows = await db.sql.db.selectFrom('outbox').select(['id', 'seq']).where('id', 'in', [a.id, b.id]).execute();
        const seq = (id: string) => BigInt(rows.find((r) => r.id === id)!.seq);
        expect(seq(b.id) > seq(a.id)).toBe(true);
      });

      it('returns the same JavaScript types on every engine', async () => {
        const result = await rawSql<{ big: unknown; num: unknown; int: unknown; ts: unknown; js: unknown; bool: unknown }>`
          SELECT 9007199254740993::bigint AS big, 1.50::numeric AS num, 42::int AS int,
                 '2025-03-01T12:00:00.123Z'::timestamptz AS ts, '{"a":[1]}'::jsonb AS js, true AS bool`.execute(db.sql.db);
        expect(result.rows[0]).toEqual({
          big: '9007199254740993',
          num: '1.50',
          int: 42,
          ts: new Date('2025-03-01T12:00:00.123Z'),
          js: { a: [1] },
          bool: true,
        });
      });

      it('answers ping while up', async () => {
        await expect(db.sql.ping()).resolves.toBeUndefined();
      });
    });

    describe('when the database is gone', () => {
      it('ping and transactions fail with UnavailableError', async () => {
        const gone = await openTestDatabase(engine);
        await gone.sql.close();
        await expect(gone.sql.ping()).rejects.toBeInstanceOf(UnavailableError);
        await gone.destroy();
      });
    });
  });
}

function copyMigrations(
  edit: (name: string, text: string) => string,
  select: (names: string[]) => string[] = (names) => names,
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-migrations-'));
  const names = select(fs.readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')));
  for (const name of names) fs.writeFileSync(path.join(dir, name), edit(name, fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8')));
  return dir;
}
