/** The image repository on every SQL engine: tags, guarded status changes, lists with both page modes, views. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageListQuery, NewImage } from '../../src/domain/gallery/image-repository.js';
import type { Variant, VariantName } from '../../src/domain/gallery/variant.js';
import { memoryCache } from '../../src/infrastructure/persistence/memory/cache.js';
import { bufferedViewCounter } from '../../src/infrastructure/persistence/buffered-view-counter.js';
import { postgresImageRepository } from '../../src/infrastructure/persistence/postgres/image-repository.js';
import { postgresUserRepository } from '../../src/infrastructure/persistence/postgres/user-repository.js';
import { systemClock } from '../../src/infrastructure/system/system-clock.js';
import { uuidV7Generator } from '../../src/infrastructure/system/uuid-v7-generator.js';
import { openTestDatabase, type Engine, type TestDatabase } from '../support/databases.js';

const ids = uuidV7Generator();
const variant = (name: VariantName): Variant => ({ name, width: 10, height: 8, format: 'webp', fileSize: 100, sha256: 'ab'.repeat(32) });
const allVariants = Object.fromEntries((['thumbnail', 'small', 'medium', 'large', 'original'] as const).map((n) => [n, variant(n)])) as Record<VariantName, Variant>;

export function describeImageRepositoryContract(engine: Engine): void {
  describe(`image repository (${engine})`, () => {
    let db: TestDatabase;
    let ownerId: string;
    const repo = () => postgresImageRepository(db.sql.db);
    const newImage = (overrides: Partial<NewImage> = {}): NewImage => ({
      id: ids.next(),
      ownerId,
      title: 't',
      description: '',
      visibility: 'public',
      contentRating: 'safe',
      status: 'processing',
      format: 'jpeg',
      fileSize: 1000,
      width: 40,
      height: 30,
      sha256: 'cd'.repeat(32),
      originalFilename: 'a.jpg',
      createdAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(Math.random() * 1e9)),
      ...overrides,
    });
    beforeAll(async () => {
      db = await openTestDatabase(engine);
      ownerId = ids.next();
      await postgresUserRepository(db.sql.db).create({ id: ownerId, email: `o${ownerId}@example.com`, username: `o_${ownerId.slice(-8)}`, displayName: 'O', bio: '', passwordHash: 'x', role: 'user', status: 'active', createdAt: new Date() });
    });
    afterAll(() => db.destroy());

    it('creates an image with its tags sorted, reusing tags by slug', async () => {
      const a = await repo().create(newImage(), [{ name: 'sunset beach', slug: 'sunset-beach' }, { name: 'a', slug: 'aa' }]);
      expect(a.tags).toEqual(['aa', 'sunset-beach']);
      const b = await repo().create(newImage(), [{ name: 'Sunset-Beach', slug: 'sunset-beach' }]);
      expect(b.tags).toEqual(['sunset-beach']);
      expect((await repo().findById(a.id))?.owner.id).toBe(ownerId);
    });

    it('activates only a processing image, and keeps variants and EXIF', async () => {
      const img = await repo().create(newImage(), []);
      const exif = { cameraMake: 'X', cameraModel: null, lensModel: null, takenAt: null, exposureTime: null, fNumber: null, focalLengthMm: null, iso: 100, gps: null };
      expect(await repo().markProcessed(img.id, allVariants, exif, new Date())).toBe(true);
      expect(await repo().markProcessed(img.id, allVariants, exif, new Date())).toBe(false);
      const found = (await repo().findById(img.id))!.image;
      expect(found.status).toBe('active');
      expect(found.variants.thumbnail).toEqual(variant('thumbnail'));
      expect(found.exif).toEqual(exif);
      expect(await repo().markFailed(img.id, 'x', new Date())).toBe(false);
    });

    it('hides deleted images and refuses to delete twice', async () => {
      const img = await repo().create(newImage(), []);
      expect(await repo().markDeleted(img.id, new Date())).toBe(true);
      expect(await repo().findById(img.id)).toBeNull();
      expect(await repo().markDeleted(img.id, new Date())).toBe(false);
    });

    it('lists with both page modes in the same order, and the cursor never repeats or skips', async () => {
      const tag = `t${Date.now()}`;
      for (let i = 0; i < 7; i++) {
        const img = await repo().create(newImage({ createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 3)) }), [{ name: tag, slug: tag }]);
        await repo().markProcessed(img.id, allVariants, null, new Date());
      }
      const query: ImageListQuery = { scope: { kind: 'public' }, tags: [tag], sort: 'created_at', order: 'desc' };
      const all = await repo().list(query, { mode: 'page', page: 1, perPage: 100 });
      expect(all.total).toBe(7);
      const seen: string[] = [];
      let after: (string | number)[] | null = null;
      for (;;) {
        const { rows } = await repo().list(query, { mode: 'cursor', after, perPage: 3 });
        const pageRows = rows.slice(0, 3);
        seen.push(...pageRows.map((r) => r.image.id));
        if (rows.length <= 3) break;
        const last = pageRows[pageRows.length - 1]!.image;
        after = [last.createdAt.toISOString(), last.id];
      }
      expect(seen).toEqual(all.rows.map((r) => r.image.id));
    });

    it('keeps private and processing images out of public lists but in the owner’s full list', async () => {
      const tag = `p${Date.now()}`;
      await repo().create(newImage({ visibility: 'private' }), [{ name: tag, slug: tag }]);
      await repo().create(newImage(), [{ name: tag, slug: tag }]);
      const base = { tags: [tag], sort: 'created_at', order: 'desc' } as const;
      expect((await repo().list({ ...base, scope: { kind: 'public' } }, { mode: 'page', page: 1, perPage: 10 })).total).toBe(0);
      expect((await repo().list({ ...base, scope: { kind: 'owner', ownerId, all: true } }, { mode: 'page', page: 1, perPage: 10 })).total).toBe(2);
      expect((await repo().list({ ...base, scope: { kind: 'owner', ownerId, all: false } }, { mode: 'page', page: 1, perPage: 10 })).total).toBe(0);
    });

    it('adds buffered, deduplicated views in one batch', async () => {
      const img = await repo().create(newImage(), []);
      const counter = bufferedViewCounter(memoryCache(systemClock()), repo());
      await counter.record(img.id, 'u:1');
      await counter.record(img.id, 'u:1');
      await counter.record(img.id, 'u:2');
      expect((await repo().findById(img.id))!.image.viewCount).toBe(0);
      expect(await counter.flush()).toBe(1);
      expect((await repo().findById(img.id))!.image.viewCount).toBe(2);
    });

    it('finds stale processing images, oldest first', async () => {
      const img = await repo().create(newImage({ createdAt: new Date('2020-01-01T00:00:00.000Z') }), []);
      const stale = await repo().listStale('processing', new Date('2021-01-01T00:00:00.000Z'), 10);
      expect(stale.map((s) => s.id)).toContain(img.id);
    });
  });
}
