/** The album repository on every SQL engine: the viewer's count and cover, list scopes and pages, membership order. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Album } from '../../src/domain/gallery/album.js';
import type { AlbumListQuery } from '../../src/domain/gallery/album-repository.js';
import type { Image } from '../../src/domain/gallery/image.js';
import type { Viewer } from '../../src/domain/gallery/visibility.js';
import { postgresAlbumRepository } from '../../src/infrastructure/persistence/postgres/album-repository.js';
import { postgresImageRepository } from '../../src/infrastructure/persistence/postgres/image-repository.js';
import { postgresUnitOfWork } from '../../src/infrastructure/persistence/postgres/unit-of-work.js';
import { postgresUserRepository } from '../../src/infrastructure/persistence/postgres/user-repository.js';
import { uuidV7Generator } from '../../src/infrastructure/system/uuid-v7-generator.js';
import { openTestDatabase, type Engine, type TestDatabase } from '../support/databases.js';
import { seedImage } from '../support/seed-images.js';

const ids = uuidV7Generator();
export function describeAlbumRepositoryContract(engine: Engine): void {
  describe(`album repository (${engine})`, () => {
    let db: TestDatabase;
    let ownerId: string;
    const albums = () => postgresAlbumRepository(db.sql.db);
    const images = () => postgresImageRepository(db.sql.db);
    const owner: () => Viewer = () => ({ userId: ownerId, role: 'user' });
    const stranger: Viewer = { userId: ids.next(), role: 'user' };
    const newAlbum = (overrides: Partial<Album> = {}): Album => {
      const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(Math.random() * 1e9));
      return { id: ids.next(), ownerId, title: 't', description: '', visibility: 'public', coverImageId: null, createdAt: at, updatedAt: at, ...overrides };
    };
    const newImage = async (visibility: Image['visibility'], active = true): Promise<string> =>
      (await seedImage(images(), db.sql.db, ownerId, { visibility, status: active ? 'active' : 'processing' })).id;
    beforeAll(async () => {
      db = await openTestDatabase(engine);
      ownerId = ids.next();
      await postgresUserRepository(db.sql.db).create({ id: ownerId, email: `a${ownerId}@example.com`, username: `a_${ownerId.slice(-8)}`, displayName: 'A', bio: '', passwordHash: 'x', role: 'user', status: 'active', createdAt: new Date() });
    });
    afterAll(() => db.destroy());

    it('counts and covers only what the viewer may see', async () => {
      const [priv, pub, proc] = [await newImage('private'), await newImage('public'), await newImage('unlisted', false)];
      const album = newAlbum({ coverImageId: priv });
      await albums().create(album);
      await albums().addImages(album.id, [priv, pub, proc], new Date());
      const mine = await albums().findById(album.id, owner());
      expect(mine).toMatchObject({ imageCount: 3, cover: { image: { id: priv, status: 'active', visibility: 'private' }, width: 10, height: 8 }, owner: { id: ownerId } });
      const theirs = await albums().findById(album.id, stranger);
      expect(theirs).toMatchObject({ imageCount: 1, cover: { image: { id: pub } } });
      expect((await albums().findById(album.id, { userId: stranger.userId, role: 'moderator' }))?.imageCount).toBe(3);
      expect(await albums().findById(ids.next(), null)).toBeNull();
    });

    it('keeps album order through appends, removals and reorders, and locks an existing album only', async () => {
      const album = newAlbum();
      await albums().create(album);
      const [a, b, c] = [await newImage('public'), await newImage('public'), await newImage('public')];
      await postgresUnitOfWork(db.sql.db).run(async (tx) => {
        expect(await tx.albums.lock(album.id)).toBe(true);
        expect(await tx.albums.lock(ids.next())).toBe(false);
        await tx.albums.addImages(album.id, [b, a], new Date());
        await tx.albums.addImages(album.id, [c], new Date());
      });
      expect(await albums().imageIds(album.id)).toEqual([b, a, c]);
      await albums().reorder(album.id, [c, b, a]);
      expect(await albums().imageIds(album.id)).toEqual([c, b, a]);
      expect(await albums().removeImage(album.id, b)).toBe(true);
      expect(await albums().removeImage(album.id, b)).toBe(false);
      const page = await images().listInAlbum(album.id, stranger, { mode: 'cursor', after: null, perPage: 1 });
      expect(page.rows.map((r) => r.image.id)).toEqual([c, a]);
      const rest = await images().listInAlbum(album.id, null, { mode: 'cursor', after: page.rows[0]!.key, perPage: 1 });
      expect(rest.rows.map((r) => r.image.id)).toEqual([a]);
      expect((await images().listInAlbum(album.id, owner(), { mode: 'page', page: 1, perPage: 10 })).total).toBe(2);
    });

    it('detaches a deleted image from its albums and clears it as cover', async () => {
      const image = await newImage('public');
      const album = newAlbum({ coverImageId: image });
      await albums().create(album);
      await albums().addImages(album.id, [image], new Date());
      expect((await images().findById(image))?.albumIds).toEqual([album.id]);
      await images().markDeleted(image, new Date());
      expect(await albums().imageIds(album.id)).toEqual([]);
      expect((await albums().findById(album.id, owner()))?.album.coverImageId).toBeNull();
    });

    it('lists public albums or one owner’s, in both page modes, and updates and deletes', async () => {
      const made = [];
      for (const visibility of ['public', 'private', 'unlisted', 'public', 'public'] as const) {
        const album = newAlbum({ visibility, title: `L${visibility}` });
        await albums().create(album);
        made.push(album);
      }
      const query: AlbumListQuery = { scope: { kind: 'owner', ownerId, all: true }, sort: 'created_at', order: 'desc' };
      const all = await albums().list(query, owner(), { mode: 'page', page: 1, perPage: 100 });
      expect(all.total).toBe(all.rows.length);
      const keyed = [];
      let after: (string | number)[] | null = null;
      for (;;) {
        const { rows } = await albums().list(query, owner(), { mode: 'cursor', after, perPage: 2 });
        keyed.push(...rows.slice(0, 2));
        if (rows.length <= 2) break;
        const last = rows[1]!.album;
        after = [last.createdAt.toISOString(), last.id];
      }
      expect(keyed.map((r) => r.album.id)).toEqual(all.rows.map((r) => r.album.id));
      const publicOnly = await albums().list({ ...query, scope: { kind: 'owner', ownerId, all: false } }, stranger, { mode: 'page', page: 1, perPage: 100 });
      expect(publicOnly.rows.every((r) => r.album.visibility === 'public')).toBe(true);
      expect((await albums().list({ ...query, scope: { kind: 'public' } }, null, { mode: 'page', page: 1, perPage: 100 })).total).toBe(publicOnly.total);

      const target = made[1]!;
      await albums().update(target.id, { title: 'new', visibility: 'unlisted' }, new Date());
      expect((await albums().findById(target.id, owner()))?.album).toMatchObject({ title: 'new', visibility: 'unlisted' });
      await expect(albums().update(ids.next(), { title: 'x' }, new Date())).rejects.toMatchObject({ kind: 'not-found' });
      expect(await albums().delete(target.id)).toBe(true);
      expect(await albums().delete(target.id)).toBe(false);
      expect(await albums().listIdsOfOwner(ownerId, 1000)).not.toContain(target.id);
    });
  });
}
