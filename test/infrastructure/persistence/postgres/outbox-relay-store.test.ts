import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../../src/domain/shared/domain-event.js';
import type { OutboxRelayStore } from '../../../../src/domain/shared/outbox-relay-store.js';
import { openPostgres } from '../../../../src/infrastructure/persistence/postgres/connection.js';
import { postgresOutboxRelayStore } from '../../../../src/infrastructure/persistence/postgres/outbox-relay-store.js';
import { postgresUnitOfWork } from '../../../../src/infrastructure/persistence/postgres/unit-of-work.js';
import { uuidV7Generator } from '../../../../src/infrastructure/system/uuid-v7-generator.js';
import { ENGINES, openTestDatabase, type TestDatabase } from '../../../support/databases.js';

const ids = uuidV7Generator();

function event(occurredAt: Date, overrides: Partial<DomainEvent> = {}): DomainEvent {
  return {
    id: ids.next(),
    type: 'image.uploaded',
    version: 1,
    occurredAt,
    aggregateType: 'image',
    aggregateId: ids.next(),
    actorId: null,
    requestId: 'req-1',
    payload: { nested: { ok: true }, list: [1, 'two'] },
    ...overrides,
  };
}

/** A promise with its resolver, to hold a lock open until the test says so. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

for (const engine of ENGINES) {
  describe(`postgresOutboxRelayStore (${engine})`, () => {
    let db: TestDatabase;
    let store: OutboxRelayStore;
    beforeAll(async () => {
      db = await openTestDatabase(engine);
      store = postgresOutboxRelayStore(db.sql);
    });
    afterAll(() => db.destroy());
    beforeEach(async () => {
      await db.sql.db.deleteFrom('outbox').execute();
    });
    const add = (...events: DomainEvent[]) =>
      postgresUnitOfWork(db.sql.db).run(async (tx) => {
        for (const e of events) await tx.outbox.add(e);
      });

    it('returns unpublished events oldest seq first, mapped to domain events, up to the limit', async () => {
      const at = new Date('2026-01-01T00:00:00.123Z');
      const first = event(at, { actorId: ids.next() });
      const second = event(new Date(at.getTime() - 60_000), { requestId: null });
      const third = event(at);
      await add(first, second);
      await add(third);
      const pending = await store.pending(2);
      expect(pending.map((p) => p.event)).toEqual([first, second]);
      expect(pending[0]!.event.occurredAt).toBeInstanceOf(Date);
      expect(BigInt(pending[1]!.seq)).toBeGreaterThan(BigInt(pending[0]!.seq));
      expect((await store.pending(10)).map((p) => p.event.id)).toEqual([first.id, second.id, third.id]);
    });

    it('leaves published events out and marks idempotently', async () => {
      const events = [event(new Date()), event(new Date()), event(new Date())];
      await add(...events);
      const [a, b] = await store.pending(10);
      const when = new Date('2026-01-02T00:00:00Z');
      await store.markPublished([a!.seq, b!.seq], when);
      await store.markPublished([a!.seq], new Date('2030-01-01T00:00:00Z'));
      await store.markPublished([], when);
      expect((await store.pending(10)).map((p) => p.event.id)).toEqual([events[2]!.id]);
      const row = await db.sql.db.selectFrom('outbox').select('published_at').where('id', '=', events[0]!.id).executeTakeFirstOrThrow();
      expect(row.published_at).toEqual(when);
    });

    it('reports the age of the oldest unpublished event as lag, 0 when none', async () => {
      const now = new Date('2026-01-01T00:01:00Z');
      expect(await store.lagSeconds(now)).toBe(0);
      const old = event(new Date('2026-01-01T00:00:00Z'));
      await add(old, event(new Date('2026-01-01T00:00:30Z')));
      expect(await store.lagSeconds(now)).toBe(60);
      const [first] = await store.pending(1);
      await store.markPublished([first!.seq], now);
      expect(await store.lagSeconds(now)).toBe(30);
      // A clock behind the event never reports negative lag.
      expect(await store.lagSeconds(new Date('2025-12-31T00:00:00Z'))).toBe(0);
    });

    it('lets one holder at a time run under the relay lock, and frees it after', async () => {
      const held = gate();
      let ran = false;
      const first = store.withRelayLock(() => held.promise);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await store.withRelayLock(async () => void (ran = true))).toBe(false);
      expect(ran).toBe(false);
      held.open();
      expect(await first).toBe(true);
      expect(await store.withRelayLock(async () => void (ran = true))).toBe(true);
      expect(ran).toBe(true);
    });

    it('frees the lock when the work throws', async () => {
      await expect(store.withRelayLock(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await store.withRelayLock(async () => undefined)).toBe(true);
    });

    if (engine === 'postgres') {
      it('excludes a relay of another process (another pool) while held', async () => {
        const other = openPostgres({ url: db.url!, maxConnections: 2 });
        try {
          const otherStore = postgresOutboxRelayStore(other);
          const held = gate();
          const first = store.withRelayLock(() => held.promise);
          await new Promise((resolve) => setTimeout(resolve, 50));
          expect(await otherStore.withRelayLock(async () => undefined)).toBe(false);
          held.open();
          expect(await first).toBe(true);
          expect(await otherStore.withRelayLock(async () => undefined)).toBe(true);
        } finally {
          await other.close();
        }
      });
    }
  });
}
