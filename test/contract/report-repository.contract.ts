/** The report repository on every SQL engine: the open-report uniqueness, guarded transitions, sweeps and the queue. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolution } from '../../src/domain/moderation/report.js';
import { ConflictError } from '../../src/domain/shared/errors.js';
import type { PageRequest } from '../../src/domain/shared/page.js';
import { postgresImageRepository } from '../../src/infrastructure/persistence/postgres/image-repository.js';
import { postgresReportRepository } from '../../src/infrastructure/persistence/postgres/report-repository.js';
import { postgresUnitOfWork } from '../../src/infrastructure/persistence/postgres/unit-of-work.js';
import { postgresUserRepository } from '../../src/infrastructure/persistence/postgres/user-repository.js';
import { uuidV7Generator } from '../../src/infrastructure/system/uuid-v7-generator.js';
import { openTestDatabase, type Engine, type TestDatabase } from '../support/databases.js';
import { seedImage } from '../support/seed-images.js';

const ids = uuidV7Generator();
const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
const firstPage = (perPage: number): PageRequest => ({ mode: 'page', page: 1, perPage });

export function describeReportRepositoryContract(engine: Engine): void {
  describe(`report repository (${engine})`, () => {
    let db: TestDatabase;
    const reports = () => postgresReportRepository(db.sql.db);
    const user = async () => {
      const id = ids.next();
      await postgresUserRepository(db.sql.db).create({ id, email: `u${id}@example.com`, username: `u_${id.slice(-12)}`, displayName: `U ${id.slice(-4)}`, bio: '', passwordHash: 'x', role: 'user', status: 'active', createdAt: new Date() });
      return id;
    };
    const image = async (ownerId: string) => (await seedImage(postgresImageRepository(db.sql.db), db.sql.db, ownerId)).id;
    const file = async (reporterId: string, imageId: string, s: number, reason: 'spam' | 'other' = 'spam') =>
      (await reports().create({ id: ids.next(), reporterId, imageId, reason, description: reason === 'other' ? 'why' : '', createdAt: at(s) })).id;
    const resolution = (by: string, s: number): Resolution => ({ action: 'remove', notes: 'n', resolvedBy: by, resolvedAt: at(s), banId: null });
    let owner: string;
    let staff: string;
    beforeAll(async () => {
      db = await openTestDatabase(engine);
      [owner, staff] = [await user(), await user()];
    });
    afterAll(() => db.destroy());

    it('creates a pending report and reads it back with its people and image', async () => {
      const [reporter, img] = [await user(), await image(owner)];
      const id = await file(reporter, img, 1, 'other');
      const found = await reports().findById(id);
      expect(found?.report).toEqual({ id, reporterId: reporter, imageId: img, reason: 'other', description: 'why', status: 'pending', reviewerId: null, resolution: null, createdAt: at(1), updatedAt: at(1) });
      expect(found).toMatchObject({ reporter: { id: reporter }, reviewer: null, resolvedBy: null, image: { id: img, ownerId: owner, status: 'active', visibility: 'public', hasThumbnail: true }, imageOwner: { id: owner, status: 'active' } });
      expect(await reports().findById(ids.next())).toBeNull();
    });

    it('allows one open report per reporter and image: the second is a ConflictError until the first closes', async () => {
      const [reporter, img] = [await user(), await image(owner)];
      const first = await file(reporter, img, 1);
      await expect(file(reporter, img, 2)).rejects.toMatchObject({ constructor: ConflictError, code: 'report.already_open' });
      await file(await user(), img, 3);
      expect(await reports().startReview(first, 'pending', staff, at(4))).toBe(true);
      await expect(file(reporter, img, 5)).rejects.toBeInstanceOf(ConflictError);
      expect(await reports().close(first, 'reviewing', 'dismissed', { ...resolution(staff, 6), action: 'dismiss' })).toBe(true);
      await file(reporter, img, 7);
    });

    it('changes status only from the status the caller read', async () => {
      const id = await file(await user(), await image(owner), 1);
      expect(await reports().startReview(id, 'reviewing', staff, at(2))).toBe(false);
      expect(await reports().startReview(id, 'pending', staff, at(2))).toBe(true);
      expect(await reports().close(id, 'pending', 'resolved', resolution(staff, 3))).toBe(false);
      expect(await reports().close(id, 'reviewing', 'resolved', resolution(staff, 3))).toBe(true);
      const found = await reports().findById(id);
      expect(found?.report).toMatchObject({ status: 'resolved', reviewerId: staff, resolution: resolution(staff, 3), updatedAt: at(3) });
      expect(found?.resolvedBy?.id).toBe(staff);
    });

    it('lets exactly one of two concurrent transactions close a report', async () => {
      const id = await file(await user(), await image(owner), 1);
      const uow = postgresUnitOfWork(db.sql.db);
      const results = await Promise.all([1, 2].map((n) => uow.run((tx) => tx.reports.close(id, 'pending', 'resolved', resolution(staff, 10 + n)))));
      expect(results.sort()).toEqual([false, true]);
    });

    it('resolves the other open reports of an image, oldest first, leaving closed ones and other images alone', async () => {
      const [img, elsewhere] = [await image(owner), await image(owner)];
      const main = await file(await user(), img, 1);
      const b = await file(await user(), img, 3);
      const a = await file(await user(), img, 2);
      const closed = await file(await user(), img, 4);
      await reports().close(closed, 'pending', 'dismissed', { ...resolution(staff, 5), action: 'dismiss' });
      const unrelated = await file(await user(), elsewhere, 6);
      expect(await reports().resolveOpenOfImage(img, main, resolution(staff, 7))).toEqual([a, b]);
      expect((await reports().findById(a))?.report).toMatchObject({ status: 'resolved', resolution: resolution(staff, 7) });
      expect((await reports().findById(main))?.report.status).toBe('pending');
      expect((await reports().findById(closed))?.report.resolution?.action).toBe('dismiss');
      expect((await reports().findById(unrelated))?.report.status).toBe('pending');
    });

    it('lists the queue by status, reason and image in either order, the same in both page modes', async () => {
      const img = await image(owner);
      const r1 = await file(await user(), img, 1);
      const r2 = await file(await user(), img, 1, 'other'); // a tie on created_at, broken by id
      const r3 = await file(await user(), img, 2);
      await reports().startReview(r3, 'pending', staff, at(3));
      const query = { statuses: ['pending', 'reviewing'] as const, imageId: img, order: 'asc' as const };
      const page = await reports().list({ ...query, statuses: [...query.statuses] }, firstPage(10));
      expect(page.total).toBe(3);
      expect(page.rows.map((r) => r.report.id)).toEqual([r1, r2, r3]);
      expect((await reports().list({ statuses: ['pending'], imageId: img, order: 'desc' }, firstPage(10))).rows.map((r) => r.report.id)).toEqual([r2, r1]);
      expect((await reports().list({ statuses: ['pending', 'reviewing'], imageId: img, reason: 'other', order: 'asc' }, firstPage(10))).rows.map((r) => r.report.id)).toEqual([r2]);
      for (const order of ['asc', 'desc'] as const) {
        const walked: string[] = [];
        let after: (string | number)[] | null = null;
        for (;;) {
          const { rows, total } = await reports().list({ statuses: ['pending', 'reviewing'], imageId: img, order }, { mode: 'cursor', after, perPage: 1 });
          expect(total).toBeNull();
          walked.push(...rows.slice(0, 1).map((r) => r.report.id));
          if (rows.length <= 1) break;
          const last = rows[0]!.report;
          after = [last.createdAt.toISOString(), last.id];
        }
        expect(walked).toEqual(order === 'asc' ? [r1, r2, r3] : [r3, r2, r1]);
      }
    });

    it('still finds a report whose image was deleted, with the image marked deleted', async () => {
      const img = await image(owner);
      const id = await file(await user(), img, 1);
      await postgresImageRepository(db.sql.db).markDeleted(img, at(2));
      expect((await reports().findById(id))?.image.status).toBe('deleted');
    });
  });
}
