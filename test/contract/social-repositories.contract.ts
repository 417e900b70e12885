/** Likes and comments on every SQL engine: idempotent changes with exact counters, lists in both page modes, purge. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewImage } from '../../src/domain/gallery/image-repository.js';
import type { Variant, VariantName } from '../../src/domain/gallery/variant.js';
import type { PageRequest } from '../../src/domain/shared/page.js';
import { postgresCommentRepository } from '../../src/infrastructure/persistence/postgres/comment-repository.js';
import { postgresImageRepository } from '../../src/infrastructure/persistence/postgres/image-repository.js';
import { postgresLikeRepository } from '../../src/infrastructure/persistence/postgres/like-repository.js';
import { postgresUnitOfWork } from '../../src/infrastructure/persistence/postgres/unit-of-work.js';
import { postgresUserRepository } from '../../src/infrastructure/persistence/postgres/user-repository.js';
import { uuidV7Generator } from '../../src/infrastructure/system/uuid-v7-generator.js';
import { openTestDatabase, type Engine, type TestDatabase } from '../support/databases.js';

const ids = uuidV7Generator();
const variants = Object.fromEntries(
  (['thumbnail', 'small', 'medium', 'large', 'original'] as const).map((name) => [name, { name, width: 10, height: 8, format: 'webp', fileSize: 100, sha256: 'ab'.repeat(32) }]),
) as Record<VariantName, Variant>;
const firstPage = (perPage: number): PageRequest => ({ mode: 'page', page: 1, perPage });

export function describeSocialRepositoriesContract(engine: Engine): void {
  describe(`like and comment repositories (${engine})`, () => {
    let db: TestDatabase;
    const likes = () => postgresLikeRepository(db.sql.db);
    const comments = () => postgresCommentRepository(db.sql.db);
    const images = () => postgresImageRepository(db.sql.db);
    const count = async (imageId: string) => (await images().findById(imageId))!.image;
    const user = async (status = 'active') => {
      const id = ids.next();
      await postgresUserRepository(db.sql.db).create({ id, email: `u${id}@example.com`, username: `u_${id.slice(-12)}`, displayName: 'U', bio: '', passwordHash: 'x', role: 'user', status: 'active', createdAt: new Date() });
      if (status !== 'active') await db.sql.db.updateTable('users').set({ status }).where('id', '=', id).execute();
      return id;
    };
    const image = async (ownerId: string, overrides: Partial<NewImage> = {}) => {
      const id = ids.next();
      await images().create({ id, ownerId, title: '', description: '', visibility: 'public', contentRating: 'safe', status: 'processing', format: 'jpeg', fileSize: 1, width: 1, height: 1, sha256: 'cd'.repeat(32), originalFilename: 'a.jpg', createdAt: new Date(), ...overrides }, []);
      await images().markProcessed(id, variants, null, new Date());
      return id;
    };
    const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
    let owner: string;
    beforeAll(async () => {
      db = await openTestDatabase(engine);
      owner = await user();
    });
    afterAll(() => db.destroy());

    it('adds and removes likes idempotently, returning the count after the change', async () => {
      const img = await image(owner);
      const fan = await user();
      expect(await likes().add(img, fan, at(1))).toEqual({ changed: true, likeCount: 1 });
      expect(await likes().add(img, fan, at(2))).toEqual({ changed: false, likeCount: 1 });
      expect(await likes().remove(img, fan)).toEqual({ changed: true, likeCount: 0 });
      expect(await likes().remove(img, fan)).toEqual({ changed: false, likeCount: 0 });
      expect((await count(img)).likeCount).toBe(0);
    });

    it('keeps like_count exact when transactions like the same image concurrently', async () => {
      const img = await image(owner);
      const fans = await Promise.all(Array.from({ length: 10 }, () => user()));
      const uow = postgresUnitOfWork(db.sql.db);
      await Promise.all([...fans, ...fans].map((fan, i) => uow.run((tx) => tx.likes.add(img, fan, at(i)))));
      expect((await count(img)).likeCount).toBe(10);
      await Promise.all([...fans, ...fans].map((fan) => uow.run((tx) => tx.likes.remove(img, fan))));
      expect((await count(img)).likeCount).toBe(0);
    });

    it('lists likers newest first, skipping deleted accounts, the same in both modes', async () => {
      const img = await image(owner);
      const fans = [await user(), await user(), await user()];
      const gone = await user('deleted');
      for (const [i, fan] of [...fans, gone].entries()) await likes().add(img, fan, at(i % 2)); // ties on purpose
      const page = await likes().listLikers(img, firstPage(10));
      expect(page.total).toBe(3);
      expect(page.rows.map((r) => r.user.id)).not.toContain(gone);
      const walked: string[] = [];
      let after: (string | number)[] | null = null;
      for (;;) {
        const { rows, total } = await likes().listLikers(img, { mode: 'cursor', after, perPage: 1 });
        expect(total).toBeNull();
        walked.push(...rows.slice(0, 1).map((r) => r.user.id));
        if (rows.length <= 1) break;
        after = [rows[0]!.createdAt.toISOString(), rows[0]!.user.id];
      }
      expect(walked).toEqual(page.rows.map((r) => r.user.id));
    });

    it('lists a user’s liked images readable by the viewer, and which of a page a user liked', async () => {
      const fan = await user();
      const pub = await image(owner);
      const priv = await image(owner, { visibility: 'private' });
      const nsfw = await image(owner, { contentRating: 'nsfw' });
      for (const [i, img] of [pub, priv, nsfw].entries()) await likes().add(img, fan, at(i));
      const listed = async (viewer: Parameters<ReturnType<typeof likes>['listLikedImages']>[0]['viewer'], contentRating?: 'safe' | 'nsfw') =>
        (await likes().listLikedImages({ userId: fan, viewer, ...(contentRating ? { contentRating } : {}) }, firstPage(10))).rows.map((r) => r.image.id);
      expect(await listed(null)).toEqual([nsfw, pub]);
      expect(await listed({ userId: owner, role: 'user' })).toEqual([nsfw, priv, pub]);
      expect(await listed({ userId: fan, role: 'moderator' })).toEqual([nsfw, priv, pub]);
      expect(await listed(null, 'safe')).toEqual([pub]);
      expect([...(await likes().likedAmong(fan, [pub, priv, ids.next()]))].sort()).toEqual([pub, priv].sort());
      expect(await likes().likedAmong(fan, [])).toEqual(new Set());
    });

    it('hides liked images of a banned owner from everyone but staff, the owner included', async () => {
      const fan = await user();
      const bannedOwner = await user();
      const img = await image(bannedOwner);
      await likes().add(img, fan, at(1));
      await db.sql.db.updateTable('users').set({ status: 'banned' }).where('id', '=', bannedOwner).execute();
      const listed = async (viewer: { userId: string; role: 'user' | 'admin' } | null) =>
        (await likes().listLikedImages({ userId: fan, viewer }, firstPage(10))).rows.map((r) => r.image.id);
      expect(await listed(null)).toEqual([]);
      expect(await listed({ userId: bannedOwner, role: 'user' })).toEqual([]);
      expect(await listed({ userId: ids.next(), role: 'admin' })).toEqual([img]);
    });

    it('adds, lists and soft-deletes comments, keeping comment_count to the live ones', async () => {
      const img = await image(owner);
      const author = await user();
      const made = [];
      for (let i = 0; i < 3; i++) {
        const c = { id: ids.next(), imageId: img, authorId: author, content: `c${i}`, createdAt: at(i) };
        await comments().add(c);
        made.push(c.id);
      }
      expect((await count(img)).commentCount).toBe(3);
      expect(await comments().markDeleted(made[1]!, new Date())).toBe(true);
      expect(await comments().markDeleted(made[1]!, new Date())).toBe(false);
      expect(await comments().findById(made[1]!)).toBeNull();
      expect((await count(img)).commentCount).toBe(2);
      expect((await comments().list(img, 'oldest', firstPage(10))).rows.map((r) => r.comment.id)).toEqual([made[0], made[2]]);
      const newest = await comments().list(img, 'newest', { mode: 'cursor', after: [at(2).toISOString(), made[2]!], perPage: 5 });
      expect(newest.rows.map((r) => r.comment.id)).toEqual([made[0]]);
    });

    it('purges a user’s likes and comments in batches, lowering only live counters', async () => {
      const img = await image(owner);
      const leaving = await user();
      const stays = await user();
      await likes().add(img, leaving, at(1));
      await likes().add(img, stays, at(2));
      for (let i = 0; i < 3; i++) await comments().add({ id: ids.next(), imageId: img, authorId: leaving, content: 'x', createdAt: at(i) });
      const deleted = { id: ids.next(), imageId: img, authorId: leaving, content: 'x', createdAt: at(5) };
      await comments().add(deleted);
      await comments().markDeleted(deleted.id, new Date());
      await comments().add({ id: ids.next(), imageId: img, authorId: stays, content: 'y', createdAt: at(6) });
      expect(await likes().removeAllBy(leaving, 10)).toBe(1);
      expect(await likes().removeAllBy(leaving, 10)).toBe(0);
      expect(await comments().removeAllBy(leaving, 2)).toBe(2);
      expect(await comments().removeAllBy(leaving, 10)).toBe(2);
      expect(await comments().removeAllBy(leaving, 10)).toBe(0);
      expect(await count(img)).toMatchObject({ likeCount: 1, commentCount: 1 });
    });
  });
}
