import type { WorkerHeartbeat } from '../../../domain/shared/worker-heartbeat.js';

/** In the single-process mode the worker lives in this process, so a variable is the whole store. */
export function memoryWorkerHeartbeat(): WorkerHeartbeat {
  let last: Date | null = null;
  return {
    async beat(at) {
      last = at;
    },
    async last() {
      return last;
    },
  };
}
