import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeUserContent } from '../../../src/application/gallery/purge-user-content.js';
import { buildTestApp, type TestApp } from '../../support/build-app.js';
import { seedImage } from '../../support/seed-images.js';

describe('purgeUserAlbums (through purgeUserContent, real embedded adapters)', () => {
  let t: TestApp;
  let ownerId: string;
  beforeAll(async () => {
    t = await buildTestApp();
    ownerId = t.container.ports.ids.next();
    await t.container.ports.users.create({ id: ownerId, email: 'albums@example.com', username: 'album_purged', displayName: 'P', bio: '', passwordHash: 'x', role: 'user', status: 'active', createdAt: new Date() });
  });
  afterAll(() => t.close());

  it('deletes every album of the account with album.deleted, then its images, and is idempotent', async () => {
    const { albums, ids } = t.container.ports;
    const image = await seedImage(t.container.ports.images, t.container.sql.db, ownerId);
    const made: string[] = [];
    for (const visibility of ['public', 'private'] as const) {
      const at = new Date();
      const id = ids.next();
      await albums.create({ id, ownerId, title: 'a', description: '', visibility, coverImageId: image.id, createdAt: at, updatedAt: at });
      await albums.addImages(id, [image.id], at);
      made.push(id);
    }
    await purgeUserContent(t.container.ports, { userId: ownerId });
    expect(await albums.listIdsOfOwner(ownerId, 10)).toEqual([]);
    const events = await t.container.sql.db.selectFrom('outbox').select('payload').where('type', '=', 'album.deleted').execute();
    expect(events.map((e) => e.payload).filter((p) => p.owner_id === ownerId)).toEqual(made.map((id) => ({ album_id: id, owner_id: ownerId, deleted_by: null })).sort((a, b) => a.album_id.localeCompare(b.album_id)));
    await purgeUserContent(t.container.ports, { userId: ownerId });
    expect(await t.container.sql.db.selectFrom('outbox').select('id').where('type', '=', 'album.deleted').execute()).toHaveLength(2);
  });
});
