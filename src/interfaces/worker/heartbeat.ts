import type { Clock } from '../../domain/shared/clock.js';
import type { Logger } from '../../domain/shared/logger.js';
import type { WorkerHeartbeat } from '../../domain/shared/worker-heartbeat.js';

const BEAT_EVERY_MS = 10_000;

/** Beats now and every 10 s until stopped; a failed beat is logged, the next one tries again. */
export function startHeartbeat(heartbeat: WorkerHeartbeat, clock: Clock, logger: Logger): () => void {
  const beat = () =>
    heartbeat.beat(clock.now()).catch((err: unknown) => logger.warn({ err }, 'worker heartbeat failed'));
  void beat();
  const timer = setInterval(() => void beat(), BEAT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
