/**
 * The background side of a process (ROLE=worker or all): consumes jobs, relays the outbox, beats the heartbeat
 * and schedules the temp-upload sweep and the ban-expiry sweep. `stop` ends the relay first (nothing new enqueued), then lets running
 * jobs finish.
 */
import type { Ports } from '../../application/ports.js';
import type { EventBus } from '../../domain/shared/event-bus.js';
import type { JobQueue } from '../../domain/shared/job-queue.js';
import type { OutboxRelayStore } from '../../domain/shared/outbox-relay-store.js';
import type { WorkerHeartbeat } from '../../domain/shared/worker-heartbeat.js';
import { maintainImages } from '../../application/gallery/maintain-images.js';
import { expireBans } from '../../application/moderation/expire-bans.js';
import { startHeartbeat } from './heartbeat.js';
import { buildJobTable } from './job-handlers.js';
import { assertCompleteJobTable } from './job-table.js';
import { startOutboxRelay } from './outbox-relay.js';

const SWEEP_EVERY_MS = 10 * 60 * 1000;
const UPKEEP_EVERY_MS = 60 * 1000;
// Contract §12.3: timed bans end within a minute even if the user never tries to log in.
const BAN_EXPIRY_EVERY_MS = 60 * 1000;

export interface WorkerDeps {
  readonly ports: Ports;
  readonly queue: JobQueue;
  readonly bus: EventBus;
  readonly relayStore: OutboxRelayStore;
  readonly heartbeat: WorkerHeartbeat;
  readonly concurrency?: number;
}

export function startWorker(deps: WorkerDeps): { stop(): Promise<void> } {
  const jobs = buildJobTable(deps.ports);
  assertCompleteJobTable(jobs);
  const consumer = deps.queue.consume(jobs, { concurrency: deps.concurrency ?? 2 });
  const relay = startOutboxRelay({ store: deps.relayStore, bus: deps.bus, queue: deps.queue, clock: deps.ports.clock, logger: deps.ports.logger });
  const stopHeartbeat = startHeartbeat(deps.heartbeat, deps.ports.clock, deps.ports.logger);
  const sweep = () => {
    // One sweep per window across all workers: the job id dedups.
    const window = Math.floor(deps.ports.clock.now().getTime() / SWEEP_EVERY_MS);
    deps.queue.enqueue('upload.sweep_temp', {}, { jobId: `sweep:${window}`, attempts: 1 }).catch((err: unknown) => deps.ports.logger.warn({ err }, 'could not schedule the temp sweep'));
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  const upkeep = () => void maintainImages(deps.ports).catch((err: unknown) => deps.ports.logger.warn({ err }, 'image upkeep failed'));
  upkeep();
  const upkeepTimer = setInterval(upkeep, UPKEEP_EVERY_MS);
  upkeepTimer.unref();
  // Every worker sweeps; the user row lock lets only one of them lift a given ban.
  const banExpiry = () => void expireBans(deps.ports).catch((err: unknown) => deps.ports.logger.warn({ err }, 'ban expiry sweep failed'));
  banExpiry();
  const banExpiryTimer = setInterval(banExpiry, BAN_EXPIRY_EVERY_MS);
  banExpiryTimer.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearInterval(upkeepTimer);
      clearInterval(banExpiryTimer);
      stopHeartbeat();
      await relay.stop();
      await consumer.stop();
    },
  };
}
