/**
 * Full-text search, feed orders and tag counts on every SQL engine: the vector and its weights, the triggers
 * that keep `usage_count`, keyset pages of every order, and forged cursor keys refused as 400.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageListQuery } from '../../src/domain/gallery/image-repository.js';
import { BadRequestError } from '../../src/domain/shared/errors.js';
import { postgresImageRepository } from '../../src/infrastructure/persistence/postgres/image-repository.js';
import { postgresTagRepository } from '../../src/infrastructure/persistence/postgres/tag-repository.js';
import { postgresUserRepository } from '../../src/infrastructure/persistence/postgres/user-repository.js';
import { uuidV7Generator } from '../../src/infrastructure/system/uuid-v7-generator.js';
import { openTestDatabase, type Engine, type TestDatabase } from '../support/databases.js';
import { seedImage, type SeedImage } from '../support/seed-images.js';

const ids = uuidV7Generator();
const PUBLIC = { kind: 'public' } as const;

export function describeImageSearchContract(engine: Engine): void {
  describe(`image search and tag counts (${engine})`, () => {
    let db: TestDatabase;
    let ownerId: string;
    const images = () => postgresImageRepository(db.sql.db);
    const tags = () => postgresTagRepository(db.sql.db);
    const seed = (s: SeedImage) => seedImage(images(), db.sql.db, ownerId, s);
    const titlesOf = async (query: Omit<ImageListQuery, 'scope' | 'order'>, perPage = 50) =>
      (await images().list({ scope: PUBLIC, order: 'desc', ...query }, { mode: 'page', page: 1, perPage })).rows.map((r) => r.image.title);

    beforeAll(async () => {
      db = await openTestDatabase(engine);
      ownerId = ids.next();
      await postgresUserRepository(db.sql.db).create({ id: ownerId, email: `s${ownerId}@example.com`, username: `s_${ownerId.slice(-8)}`, displayName: 'S', bio: '', passwordHash: 'x', role: 'user', status: 'active', createdAt: new Date() });
      await seed({ title: 'Lighthouse', description: 'a storm at night', tags: ['coast'] });
      await seed({ title: 'Storm clouds', description: 'over the hills', tags: ['weather'] });
      await seed({ title: 'Meadow', description: 'calm', tags: ['storm'] });
      await seed({ title: 'Hidden storm', visibility: 'private', tags: ['storm'] });
    });
    afterAll(() => db.destroy());

    it('ranks a title hit (A) over a tag hit (B) over a description hit (C)', async () => {
      expect(await titlesOf({ sort: 'relevance', text: 'storm' })).toEqual(['Storm clouds', 'Meadow', 'Lighthouse']);
    });

    it('filters with web-search syntax and matches nothing for stop words', async () => {
      expect(await titlesOf({ sort: 'created_at', text: 'storm -night' })).toEqual(['Meadow', 'Storm clouds']);
      expect(await titlesOf({ sort: 'created_at', text: 'and the' })).toEqual([]);
    });

    it('counts a tag only on public active images, through every change of state', async () => {
      const used = async () => Object.fromEntries((await tags().listUsed({ mode: 'page', page: 1, perPage: 100 })).rows.map((t) => [t.slug, t.usageCount]));
      expect(await used()).toEqual({ coast: 1, weather: 1, storm: 1 });
      const img = await seed({ title: 'x', tags: ['storm'], status: 'processing' });
      expect((await used()).storm).toBe(1);
      await sql`UPDATE images SET status = 'active' WHERE id = ${img.id}::uuid`.execute(db.sql.db);
      expect((await used()).storm).toBe(2);
      await images().update(img.id, { visibility: 'unlisted' }, new Date());
      expect((await used()).storm).toBe(1);
      await images().update(img.id, { visibility: 'public', tags: [{ name: 'coast', slug: 'coast' }] }, new Date());
      expect(await used()).toEqual({ coast: 2, weather: 1, storm: 1 });
      await images().markDeleted(img.id, new Date());
      expect(await used()).toEqual({ coast: 1, weather: 1, storm: 1 });
    });

    it('finds tags by literal slug prefix', async () => {
      expect((await tags().searchPrefix('sto', 10)).map((t) => t.slug)).toEqual(['storm']);
      expect(await tags().searchPrefix('%', 10)).toEqual([]);
    });

    it('pages every order by keyset, joining up to the page-mode list', async () => {
      for (const sort of ['created_at', 'like_count', 'view_count', 'popular'] as const) {
        const query: ImageListQuery = { scope: PUBLIC, sort, order: 'desc' };
        const all = (await images().list(query, { mode: 'page', page: 1, perPage: 50 })).rows.map((r) => r.image.id);
        const walked: string[] = [];
        let after: readonly (string | number)[] | null = null;
        for (let i = 0; i < 10; i++) {
          const { rows } = await images().list(query, { mode: 'cursor', after, perPage: 1 });
          walked.push(...rows.slice(0, 1).map((r) => r.image.id));
          if (rows.length < 2) break;
          after = rows[0]!.key;
        }
        expect(walked, sort).toEqual(all);
      }
    });

    it('refuses forged cursor keys as bad requests, never as database errors', async () => {
      const query: ImageListQuery = { scope: PUBLIC, sort: 'created_at', order: 'desc' };
      for (const after of [['not a date', ids.next()], ['2026-01-01T00:00:00.000Z', 'not-a-uuid'], [1, 2, 3], ['2026-01-01T00:00:00.000Z', 5]]) {
        await expect(images().list(query, { mode: 'cursor', after, perPage: 5 })).rejects.toBeInstanceOf(BadRequestError);
      }
      await expect(images().list({ ...query, sort: 'relevance', text: 'storm' }, { mode: 'cursor', after: ['high', '2026-01-01T00:00:00.000Z', ids.next()], perPage: 5 })).rejects.toBeInstanceOf(BadRequestError);
    });
  });
}
