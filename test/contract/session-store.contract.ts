/** What every SessionStore adapter must do alike. Run by the Redis and in-memory adapter tests. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../src/domain/identity/session.js';
import type { SessionStore } from '../../src/domain/identity/session-store.js';

export interface SessionStoreHarness {
  readonly store: SessionStore;
  close(): Promise<void>;
}

function state(overrides: Partial<SessionState> = {}): SessionState {
  return {
    sessionId: randomUUID(),
    userId: randomUUID(),
    role: 'user',
    lastUsedAt: new Date(Date.now() - 1000),
    expiresAt: new Date(Date.now() + 3_600_000),
    revoked: false,
    ...overrides,
  };
}

export function describeSessionStoreContract(name: string, make: () => Promise<SessionStoreHarness>): void {
  describe(`SessionStore contract (${name})`, () => {
    let h: SessionStoreHarness;
    beforeAll(async () => {
      h = await make();
    });
    afterAll(() => h.close());

    it('knows nothing of a session it was never given', async () => {
      expect(await h.store.check(randomUUID(), randomUUID())).toEqual({ session: null, denied: false });
    });

    it('returns what was put, to the millisecond', async () => {
      const s = state({ role: 'moderator' });
      await h.store.put(s);
      expect((await h.store.check(s.sessionId, randomUUID())).session).toEqual(s);
    });

    it('marks a session revoked and keeps it so (a tombstone, not a miss)', async () => {
      const s = state();
      await h.store.put(s);
      await h.store.revoke([s.sessionId]);
      expect((await h.store.check(s.sessionId, randomUUID())).session).toMatchObject({ sessionId: s.sessionId, revoked: true });
    });

    it('never lets a later put bring a revoked session back', async () => {
      const s = state();
      await h.store.put(s);
      await h.store.revoke([s.sessionId]);
      await h.store.put({ ...s, lastUsedAt: new Date() });
      expect((await h.store.check(s.sessionId, randomUUID())).session?.revoked).toBe(true);
    });

    it('records a revocation of a session it never held as revoked', async () => {
      const id = randomUUID();
      await h.store.revoke([id]);
      expect((await h.store.check(id, randomUUID())).session?.revoked).toBe(true);
      await expect(h.store.revoke([])).resolves.toBeUndefined();
    });

    it('changes the role of present sessions only', async () => {
      const present = state();
      const absent = randomUUID();
      await h.store.put(present);
      await h.store.setRole([present.sessionId, absent], 'admin');
      expect((await h.store.check(present.sessionId, randomUUID())).session?.role).toBe('admin');
      expect((await h.store.check(absent, randomUUID())).session).toBeNull();
    });

    it('denies a token until its expiry, and only that token', async () => {
      const s = state();
      await h.store.put(s);
      const jti = randomUUID();
      await h.store.deny(jti, new Date(Date.now() + 1000));
      expect(await h.store.check(s.sessionId, jti)).toMatchObject({ denied: true });
      expect(await h.store.check(s.sessionId, randomUUID())).toMatchObject({ denied: false });
      await new Promise((r) => setTimeout(r, 1100));
      expect(await h.store.check(s.sessionId, jti)).toMatchObject({ denied: false });
    });

    it('ignores a denial whose expiry already passed', async () => {
      const jti = randomUUID();
      await h.store.deny(jti, new Date(Date.now() - 1000));
      expect((await h.store.check(randomUUID(), jti)).denied).toBe(false);
    });

    it('forgets a session once it expired', async () => {
      const s = state({ expiresAt: new Date(Date.now() + 1000) });
      await h.store.put(s);
      await new Promise((r) => setTimeout(r, 1200));
      expect((await h.store.check(s.sessionId, randomUUID())).session).toBeNull();
    });
  });
}
