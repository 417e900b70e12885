import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintainImages } from '../../../src/application/gallery/maintain-images.js';
import { purgeUserContent } from '../../../src/application/gallery/purge-user-content.js';
import { buildTestApp, type TestApp } from '../../support/build-app.js';

describe('gallery upkeep use cases (real embedded adapters)', () => {
  let t: TestApp;
  let ownerId: string;
  const createImage = (status: 'processing' | 'active' | 'failed', updatedAt: Date) =>
    t.container.ports.images.create(
      { id: t.container.ports.ids.next(), ownerId, title: '', description: '', visibility: 'public', contentRating: 'safe', status, format: 'png', fileSize: 1, width: 1, height: 1, sha256: 'a'.repeat(64), originalFilename: 'a.png', createdAt: updatedAt },
      [],
    );
  const events = async (type: string) =>
    (await t.container.sql.db.selectFrom('outbox').selectAll().where('type', '=', type).execute()).map((r) => r.payload);

  beforeAll(async () => {
    t = await buildTestApp();
    ownerId = t.container.ports.ids.next();
    await t.container.ports.users.create({ id: ownerId, email: 'p@example.com', username: 'purged', displayName: 'P', bio: '', passwordHash: 'x', role: 'user', status: 'active', createdAt: new Date() });
  });
  afterAll(() => t.close());

  it('purges every image of a deleted account, each with image.deleted (account_deleted), and is idempotent', async () => {
    const images = await Promise.all([createImage('active', new Date()), createImage('processing', new Date()), createImage('failed', new Date())]);
    expect(await purgeUserContent(t.container.ports, { userId: ownerId })).toBe(3);
    for (const image of images) expect(await t.container.ports.images.findById(image.id)).toBeNull();
    const deleted = (await events('image.deleted')).filter((p) => p.reason === 'account_deleted');
    expect(deleted.map((p) => p.image_id).sort()).toEqual(images.map((i) => i.id).sort());
    expect(await purgeUserContent(t.container.ports, { userId: ownerId })).toBe(0);
  });

  it('re-enqueues images stuck in processing and expires week-old failures', async () => {
    const stuck = await createImage('processing', new Date(Date.now() - 10 * 60_000));
    const fresh = await createImage('processing', new Date());
    const oldFailure = await createImage('failed', new Date(Date.now() - 8 * 24 * 3600_000));
    // No consumer runs in this app, so what maintenance enqueues stays waiting in the real in-process queue.
    const before = await t.container.ports.queue.depth();
    const result = await maintainImages(t.container.ports);
    expect(result.requeued).toBe(1);
    expect(await t.container.ports.queue.depth()).toBe(before + 1);
    expect((await t.container.ports.images.findById(stuck.id))?.image.status).toBe('processing');
    expect((await t.container.ports.images.findById(fresh.id))?.image.status).toBe('processing');
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(await t.container.ports.images.findById(oldFailure.id)).toBeNull();
    expect((await events('image.deleted')).some((p) => p.image_id === oldFailure.id && p.reason === 'failed_expired')).toBe(true);
  });
});
