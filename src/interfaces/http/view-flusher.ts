import type { Ports } from '../../application/ports.js';

/** API processes write buffered view counts every VIEW_FLUSH_INTERVAL_MS and once more when stopping. */
export function startViewFlusher(ports: Pick<Ports, 'viewCounter' | 'logger'>, intervalMs: number): { stop(): Promise<void> } {
  const flush = () => ports.viewCounter.flush().catch((err: unknown) => ports.logger.warn({ err }, 'could not write view counts; kept for the next flush'));
  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
