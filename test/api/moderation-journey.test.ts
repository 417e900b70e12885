/**
 * The moderation scenario end to end on one app with its worker: A uploads a photo, B reports it, a moderator
 * removes it, it disappears from every public list, search and byte route while A still sees it `flagged`, an
 * admin restores it, and the audit log holds the steps in order. The tests of this file run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { makeAdmin, NO_LIMITS, register, type Account } from './helpers/identity.js';
import { field, fixtureFile, uploadOk, type ImageJson } from './helpers/images.js';
import { expectJson } from './helpers/problem.js';
import { makeModerator, reportOk, resolve, restore, review, type ReportJson } from './helpers/reports.js';
import { getJson, type PageJson } from './helpers/social.js';

describe('moderation journey: report, remove, restore', () => {
  let t: TestApp;
  let a: Account;
  let b: Account;
  let admin: Account;
  let moderator: Account;
  let photo: ImageJson;
  let reportId: string;

  beforeAll(async () => {
    t = await buildTestApp({ env: NO_LIMITS, worker: true });
    [a, b] = [await register(t.app), await register(t.app)];
    admin = await makeAdmin(t);
    moderator = await makeModerator(t, admin);
  });
  afterAll(() => t.close());

  /** Where a stranger (B, or nobody) can find the photo. */
  const publicPlaces = async (): Promise<Record<string, boolean>> => {
    const listed = async (url: string, token: string | null) => {
      const page = expectJson(await getJson(t, url, token)) as PageJson<{ id: string }>;
      return page.items.some((i) => i.id === photo.id);
    };
    const status = async (url: string, token: string | null) => (await getJson(t, url, token)).statusCode === 200;
    return {
      recent: await listed('/api/v1/explore/recent?per_page=100', null),
      popular: await listed('/api/v1/explore/popular?period=all&per_page=100', b.access),
      search: await listed('/api/v1/explore/search?q=lighthouse', null),
      images: await listed('/api/v1/images?per_page=100', b.access),
      tag: await listed('/api/v1/tags/coast/images', null),
      userImages: await listed(`/api/v1/users/${a.id}/images`, b.access),
      byId: await status(`/api/v1/images/${photo.id}`, b.access),
      thumbnail: await status(new URL(photo.variants.thumbnail!.url, 'http://x').pathname, null),
    };
  };
  const everywhere = (value: boolean) => ({ recent: value, popular: value, search: value, images: value, tag: value, userImages: value, byId: value, thumbnail: value });

  it('A uploads a public photo that anyone can find', { timeout: 60_000 }, async () => {
    photo = await uploadOk(t, a.access, [field('title', 'Lighthouse at dawn'), field('visibility', 'public'), field('tags', 'coast'), fixtureFile('landscape.jpg')], { wait: true });
    expect(photo.status).toBe('active');
    expect(await publicPlaces()).toEqual(everywhere(true));
  });

  it('B reports it; the moderator takes the report and resolves it with remove', async () => {
    reportId = await reportOk(t, b.access, photo.id, 'inappropriate');
    expect((await review(t, moderator.access, reportId)).statusCode).toBe(200);
    const done = expectJson(await resolve(t, moderator.access, reportId, { action: 'remove', notes: 'violates the rules' })) as ReportJson;
    expect(done).toMatchObject({ status: 'resolved', image: { id: photo.id, status: 'flagged' }, resolution: { action: 'remove', resolved_by: { id: moderator.id } } });
    // Flagged images are not anonymously readable: the staff view's thumbnail is signed.
    expect(done.image.thumbnail_url).toMatch(/\?exp=\d+&sig=/);
  });

  it('the photo is gone from every public list, search and byte route; A still sees it flagged', async () => {
    expect(await publicPlaces()).toEqual(everywhere(false));
    const own = expectJson(await getJson(t, `/api/v1/images/${photo.id}`, a.access)) as ImageJson;
    expect(own.status).toBe('flagged');
    const mine = expectJson(await getJson(t, '/api/v1/users/me/images', a.access)) as PageJson<ImageJson>;
    expect(mine.items.find((i) => i.id === photo.id)?.status).toBe('flagged');
  });

  it('an admin restores it and it is back everywhere', async () => {
    const restored = expectJson(await restore(t, admin.access, photo.id)) as ImageJson;
    expect(restored).toMatchObject({ id: photo.id, status: 'active' });
    expect(await publicPlaces()).toEqual(everywhere(true));
  });

  it('the audit log holds the resolution, the flag and the restore, in order', async () => {
    const rows = await t.container.sql.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'target_type', 'target_id', 'details'])
      .where('target_id', 'in', [reportId, photo.id])
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { action: 'report.resolved', actor_id: moderator.id, target_type: 'report', target_id: reportId, details: { action: 'remove', notes: 'violates the rules' } },
      { action: 'image.flagged', actor_id: moderator.id, target_type: 'image', target_id: photo.id, details: { report_id: reportId } },
      { action: 'image.restored', actor_id: admin.id, target_type: 'image', target_id: photo.id, details: { report_id: null } },
    ]);
  });
});
