import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerHeartbeat } from '../../src/domain/shared/worker-heartbeat.js';

export interface HeartbeatHarness {
  readonly heartbeat: WorkerHeartbeat;
  close(): Promise<void>;
}

/** What every WorkerHeartbeat adapter must do alike. */
export function describeWorkerHeartbeatContract(name: string, make: () => Promise<HeartbeatHarness>): void {
  describe(`WorkerHeartbeat contract (${name})`, () => {
    let h: HeartbeatHarness;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(() => h.close());

    it('has no beat before the first one', async () => {
      expect(await h.heartbeat.last()).toBeNull();
    });

    it('returns the latest beat to the millisecond', async () => {
      await h.heartbeat.beat(new Date('2026-01-01T00:00:00.001Z'));
      await h.heartbeat.beat(new Date('2026-01-01T00:00:10.002Z'));
      expect(await h.heartbeat.last()).toEqual(new Date('2026-01-01T00:00:10.002Z'));
    });
  });
}
