/** What every LoginAttempts adapter must do alike (contract §5.5). Run by the Redis and in-memory adapter tests. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LockoutPolicy, LoginAttempts } from '../../src/domain/identity/login-attempts.js';

export interface LoginAttemptsHarness {
  readonly attempts: LoginAttempts;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeLoginAttemptsContract(name: string, make: () => Promise<LoginAttemptsHarness>): void {
  describe(`LoginAttempts contract (${name})`, () => {
    let h: LoginAttemptsHarness;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(() => h.close());
    const key = () => `user-${randomBytes(6).toString('hex')}@example.test`;
    const policy: LockoutPolicy = { threshold: 5, windowS: 60, lockS: 60 };
    const fail = async (k: string, times: number, p: LockoutPolicy = policy) => {
      const results = [];
      for (let i = 0; i < times; i++) results.push(await h.attempts.recordFailure(k, p));
      return results;
    };

    it('reports 0 for an email it has never seen, and resets it without complaint', async () => {
      const k = key();
      expect(await h.attempts.lockedFor(k)).toBe(0);
      await expect(h.attempts.reset(k)).resolves.toBeUndefined();
    });

    it('does not lock after 4 failures and locks for lockS on the 5th', async () => {
      const k = key();
      expect(await fail(k, 4)).toEqual([0, 0, 0, 0]);
      expect(await h.attempts.lockedFor(k)).toBe(0);
      expect(await h.attempts.recordFailure(k, policy)).toBe(60);
      const left = await h.attempts.lockedFor(k);
      expect(left).toBeGreaterThanOrEqual(59);
      expect(left).toBeLessThanOrEqual(60);
    });

    it('keeps emails independent', async () => {
      const a = key();
      const b = key();
      await fail(a, 5);
      expect(await h.attempts.lockedFor(a)).toBeGreaterThan(0);
      expect(await h.attempts.lockedFor(b)).toBe(0);
      expect(await h.attempts.recordFailure(b, policy)).toBe(0);
    });

    it('clears the counter on reset', async () => {
      const k = key();
      await fail(k, 3);
      await h.attempts.reset(k);
      expect(await fail(k, 4)).toEqual([0, 0, 0, 0]);
      expect(await h.attempts.lockedFor(k)).toBe(0);
    });

    it('clears the lock and starts counting afresh on reset', async () => {
      const k = key();
      await fail(k, 5);
      await h.attempts.reset(k);
      expect(await h.attempts.lockedFor(k)).toBe(0);
      expect(await fail(k, 4)).toEqual([0, 0, 0, 0]);
      expect(await h.attempts.recordFailure(k, policy)).toBe(60);
    });

    it('does not add up failures older than the window', async () => {
      const k = key();
      const short = { ...policy, windowS: 1 };
      await fail(k, 4, short);
      await sleep(1100);
      expect(await h.attempts.recordFailure(k, short)).toBe(0);
      expect(await h.attempts.lockedFor(k)).toBe(0);
      expect(await fail(k, 4, short)).toEqual([0, 0, 0, 60]);
    });

    it('ends the lock after lockS; a failure during the lock neither counts nor extends it', async () => {
      const k = key();
      const brief = { ...policy, lockS: 2 };
      expect(await fail(k, 5, brief)).toEqual([0, 0, 0, 0, 2]);
      await sleep(1100);
      expect(await h.attempts.recordFailure(k, brief)).toBe(1);
      expect(await h.attempts.lockedFor(k)).toBe(1);
      await sleep(1000);
      expect(await h.attempts.lockedFor(k)).toBe(0);
      expect(await fail(k, 4, brief)).toEqual([0, 0, 0, 0]);
    });
  });
}
