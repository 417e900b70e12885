import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../src/domain/shared/domain-event.js';
import type { EventBus } from '../../../src/domain/shared/event-bus.js';
import type { JobName, JobQueue } from '../../../src/domain/shared/job-queue.js';
import type { Logger } from '../../../src/domain/shared/logger.js';
import { memoryEventBus } from '../../../src/infrastructure/messaging/memory-event-bus.js';
import { memoryJobQueue } from '../../../src/infrastructure/messaging/memory-job-queue.js';
import { postgresOutboxRelayStore } from '../../../src/infrastructure/persistence/postgres/outbox-relay-store.js';
import { postgresUnitOfWork } from '../../../src/infrastructure/persistence/postgres/unit-of-work.js';
import { uuidV7Generator } from '../../../src/infrastructure/system/uuid-v7-generator.js';
import { jobsForEvent } from '../../../src/interfaces/worker/event-jobs.js';
import { assertCompleteJobTable } from '../../../src/interfaces/worker/job-table.js';
import { startOutboxRelay, type OutboxRelayDeps } from '../../../src/interfaces/worker/outbox-relay.js';
import { openTestDatabase, type TestDatabase } from '../../support/databases.js';

const ids = uuidV7Generator();
const clock = { now: () => new Date() };

function event(type: string, aggregateId = ids.next()): DomainEvent {
  return { id: ids.next(), type, version: 1, occurredAt: new Date(), aggregateType: type.split('.')[0]!, aggregateId, actorId: null, requestId: null, payload: { image_id: aggregateId } };
}

function recordingLogger() {
  const lines: { level: string; msg: string | undefined }[] = [];
  const at = (level: string) => (_obj: object, msg?: string) => void lines.push({ level, msg });
  const logger: Logger = { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
  return { logger, lines };
}

/** The queue, recording every enqueue call the relay makes (before the queue's own dedup). */
function spyQueue(queue: JobQueue) {
  const calls: { name: JobName; jobId: string; payload: unknown }[] = [];
  const spied: JobQueue = {
    ...queue,
    enqueue: async (name, payload, options) => {
      calls.push({ name, jobId: options.jobId, payload });
      await queue.enqueue(name, payload, options);
    },
  };
  return { queue: spied, calls };
}

describe('startOutboxRelay (PGlite, in-process bus and queue)', () => {
  let db: TestDatabase;
  let published: DomainEvent[];
  let bus: ReturnType<typeof memoryEventBus>;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
  });
  afterAll(() => db.destroy());
  beforeEach(async () => {
    await db.sql.db.deleteFrom('outbox').execute();
    published = [];
    bus = memoryEventBus();
    bus.subscribe((e) => void published.push(e));
  });

  const commit = (...events: DomainEvent[]) =>
    postgresUnitOfWork(db.sql.db).run(async (tx) => {
      for (const e of events) await tx.outbox.add(e);
    });
  // A huge interval: the tests drive passes with runOnce.
  const relay = (overrides: Partial<OutboxRelayDeps> = {}) =>
    startOutboxRelay({ store: postgresOutboxRelayStore(db.sql), bus, queue: memoryJobQueue(clock), clock, logger: recordingLogger().logger, intervalMs: 3_600_000, ...overrides });

  it('publishes committed events in seq order, enqueues their jobs and marks them published', async () => {
    const uploaded = event('image.uploaded');
    const liked = event('image.liked', uploaded.aggregateId);
    const deleted = event('image.deleted', uploaded.aggregateId);
    await commit(uploaded, liked);
    await commit(deleted);
    const { queue, calls } = spyQueue(memoryJobQueue(clock));
    const r = relay({ queue });
    expect(await r.runOnce()).toBe(3);
    expect(published.map((e) => e.id)).toEqual([uploaded.id, liked.id, deleted.id]);
    expect(calls).toEqual([
      { name: 'image.process', jobId: `${uploaded.id}:image.process`, payload: { image_id: uploaded.aggregateId } },
      { name: 'image.delete_files', jobId: `${deleted.id}:image.delete_files`, payload: { image_id: uploaded.aggregateId } },
    ]);
    expect(await queue.depth()).toBe(2);
    expect(await r.runOnce()).toBe(0);
    expect(published).toHaveLength(3);
    await r.stop();
  });

  it('drains more than one batch in a pass', async () => {
    const events = Array.from({ length: 7 }, () => event('image.uploaded'));
    await commit(...events);
    const r = relay({ batchSize: 3 });
    expect(await r.runOnce()).toBe(7);
    expect(published.map((e) => e.id)).toEqual(events.map((e) => e.id));
    await r.stop();
  });

  it('publishes and enqueues each event once when passes run concurrently, in one relay or two', async () => {
    const events = Array.from({ length: 20 }, () => event('image.uploaded'));
    await commit(...events);
    const { queue, calls } = spyQueue(memoryJobQueue(clock));
    const store = postgresOutboxRelayStore(db.sql);
    const a = relay({ queue, store });
    const b = relay({ queue, store });
    await Promise.all([a.runOnce(), a.runOnce(), b.runOnce()]);
    // b may have been locked out; one more pass of each must find nothing left.
    await Promise.all([a.runOnce(), b.runOnce()]);
    expect(published.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(calls.map((c) => c.jobId)).toEqual(events.map((e) => `${e.id}:image.process`));
    await Promise.all([a.stop(), b.stop()]);
  });

  it('retries from the failed event after a bus failure: none skipped, none out of order', async () => {
    const events = Array.from({ length: 5 }, () => event('image.uploaded'));
    await commit(...events);
    let failuresLeft = 2;
    const flaky: EventBus = {
      publish: async (e) => {
        if (e.id === events[2]!.id && failuresLeft-- > 0) throw new Error('bus down');
        await bus.publish(e);
      },
    };
    const { logger, lines } = recordingLogger();
    const { queue, calls } = spyQueue(memoryJobQueue(clock));
    const r = relay({ bus: flaky, queue, logger });
    expect(await r.runOnce()).toBe(2);
    expect(await r.runOnce()).toBe(0);
    expect(published.map((e) => e.id)).toEqual(events.slice(0, 2).map((e) => e.id));
    expect((await postgresOutboxRelayStore(db.sql).pending(10)).map((p) => p.event.id)).toEqual(events.slice(2).map((e) => e.id));
    expect(await r.runOnce()).toBe(3);
    expect(published.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(calls.map((c) => c.jobId)).toEqual(events.map((e) => `${e.id}:image.process`));
    // Two failing passes, one error line; then one line saying it recovered.
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(lines.filter((l) => l.level === 'info').map((l) => l.msg)).toEqual(['outbox relay recovered']);
    await r.stop();
  });

  it('retries an event whose job could not be enqueued, republishing it (at least once)', async () => {
    const e = event('image.uploaded');
    await commit(e);
    const inner = memoryJobQueue(clock);
    let fail = true;
    const queue: JobQueue = {
      ...inner,
      enqueue: async (...args) => {
        if (fail) throw new Error('queue down');
        await inner.enqueue(...args);
      },
    };
    const r = relay({ queue });
    expect(await r.runOnce()).toBe(0);
    fail = false;
    expect(await r.runOnce()).toBe(1);
    expect(published.map((p) => p.id)).toEqual([e.id, e.id]);
    expect(await inner.depth()).toBe(1);
    await r.stop();
  });

  it('a relay that dies between publishing and marking delivers again, and the job runs once', async () => {
    const e = event('image.uploaded');
    await commit(e);
    const store = postgresOutboxRelayStore(db.sql);
    // The fault: publish and enqueue succeed, then the process "dies" before the rows are marked.
    const dying = { ...store, markPublished: async () => Promise.reject(new Error('killed before mark')) };
    const queue = memoryJobQueue(clock);
    const first = relay({ store: dying, queue });
    expect(await first.runOnce()).toBe(0);
    await first.stop();
    expect((await store.pending(10)).map((p) => p.event.id)).toEqual([e.id]);

    // A new relay after the restart, on the same queue (Redis or the durable in-process queue survive it).
    const second = relay({ store, queue });
    expect(await second.runOnce()).toBe(1);
    await second.stop();
    expect(published.map((p) => p.id)).toEqual([e.id, e.id]);
    // Consumers dedupe by event id: the job id derives from it, so the repeat enqueued nothing new.
    expect(await queue.depth()).toBe(1);
    expect(await store.pending(10)).toEqual([]);
  });

  it('publishes on its own every interval until stopped', async () => {
    const r = relay({ intervalMs: 20 });
    const e = event('image.uploaded');
    await commit(e);
    const deadline = Date.now() + 5000;
    while (published.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(published.map((p) => p.id)).toEqual([e.id]);
    await r.stop();
    await commit(event('image.uploaded'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(published).toHaveLength(1);
    expect(await r.runOnce()).toBe(0);
  });
});

describe('jobsForEvent', () => {
  it('maps image.uploaded to image.process and image.deleted to image.delete_files, others to nothing', () => {
    const up = event('image.uploaded');
    expect(jobsForEvent(up)).toEqual([{ name: 'image.process', payload: { image_id: up.aggregateId }, jobId: `${up.id}:image.process` }]);
    const del = event('image.deleted');
    expect(jobsForEvent(del)).toEqual([{ name: 'image.delete_files', payload: { image_id: del.aggregateId }, jobId: `${del.id}:image.delete_files` }]);
    expect(jobsForEvent(event('user.registered'))).toEqual([]);
    expect(jobsForEvent(event('image.constructor'))).toEqual([]);
  });
});

describe('assertCompleteJobTable', () => {
  const handler = async () => undefined;

  it('accepts a table with a handler for every job name', () => {
    expect(() => assertCompleteJobTable({ 'image.process': handler, 'image.delete_files': handler, 'upload.sweep_temp': handler, 'user.purge': handler })).not.toThrow();
  });

  it('refuses to boot naming each job without a handler', () => {
    expect(() => assertCompleteJobTable({ 'image.process': handler })).toThrow(/"image\.delete_files", "upload\.sweep_temp"/);
    expect(() => assertCompleteJobTable({ 'image.process': handler, 'image.delete_files': handler, 'upload.sweep_temp': undefined, 'user.purge': handler })).toThrow(
      /upload\.sweep_temp/,
    );
  });
});
