/** The worker runs the ban-expiry sweep (contract §12.3) as soon as it starts, then every minute. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../support/build-app.js';
import { insertEndedBan } from '../../api/helpers/bans.js';
import { makeAdmin, NO_LIMITS, outboxEvents, register } from '../../api/helpers/identity.js';
import { startTestWorker } from '../../api/helpers/images.js';

describe('worker ban-expiry sweep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: NO_LIMITS });
  });
  afterAll(() => t.close());

  it('lifts a timed ban that ended without its user ever logging in', async () => {
    const admin = await makeAdmin(t);
    const user = await register(t.app);
    const banId = await insertEndedBan(t, user.id, admin.id);
    const worker = startTestWorker(t);
    try {
      const deadline = Date.now() + 10_000;
      while ((await t.container.ports.users.findById(user.id))?.status !== 'active' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await worker.stop();
    }
    expect((await t.container.ports.users.findById(user.id))?.status).toBe('active');
    expect((await outboxEvents(t, 'user.unbanned', user.id)).map((e) => e.payload)).toEqual([{ user_id: user.id, ban_id: banId, cause: 'expired', revoked_by: null }]);
  });
});
