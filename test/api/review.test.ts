/**
 * Contract §12.2 over HTTP: review and handover, the four resolutions with their effects, events and audit
 * entries, 409 on closed reports, hiding a removed image everywhere public, and restoring it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { auditEntries, me, NO_LIMITS, outboxEvents, register, type Account } from './helpers/identity.js';
import type { ImageJson } from './helpers/images.js';
import { expectJson, expectProblem } from './helpers/problem.js';
import { makeCast, makeModerator, reportOk, resolve, restore, review, type ReportJson } from './helpers/reports.js';
import { getJson, makeImage, type PageJson } from './helpers/social.js';

const UNKNOWN_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';

let t: TestApp;
let owner: Account, reporter: Account, other: Account, admin: Account, moderator: Account, moderator2: Account;

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS });
  ({ owner, reporter, other, admin, moderator } = await makeCast(t));
  moderator2 = await makeModerator(t, admin);
});
afterAll(() => t.close());

const fieldsOf = (body: Record<string, unknown>) => (body.errors as { field: string }[]).map((e) => e.field);
const reportOf = async (res: Parameters<typeof expectJson>[0]) => expectJson(res) as ReportJson;
const imageStatus = async (id: string) => (await t.container.sql.db.selectFrom('images').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('POST /moderation/reports/{id}/review', () => {
  it('takes a pending report for review, hands it over, and emits report.review_started each time', async () => {
    const id = await reportOk(t, reporter.access, await makeImage(t, owner.id));
    const taken = await reportOf(await review(t, moderator.access, id));
    expect(taken).toMatchObject({ status: 'reviewing', reviewer: { id: moderator.id }, resolution: null });
    const handed = await reportOf(await review(t, moderator2.access, id));
    expect(handed).toMatchObject({ status: 'reviewing', reviewer: { id: moderator2.id } });
    expect(await outboxEvents(t, 'report.review_started', id)).toEqual([
      { payload: { report_id: id, reviewer_id: moderator.id }, actor_id: moderator.id },
      { payload: { report_id: id, reviewer_id: moderator2.id }, actor_id: moderator2.id },
    ]);
  });

  it('answers 404 for an unknown report, 403 to users, 401 to anonymous callers', async () => {
    expectProblem(await review(t, moderator.access, UNKNOWN_ID), { status: 404, slug: 'not-found' });
    const id = await reportOk(t, reporter.access, await makeImage(t, owner.id));
    expectProblem(await review(t, owner.access, id), { status: 403, slug: 'forbidden' });
    expectProblem(await review(t, null, id), { status: 401, slug: 'unauthorized' });
  });
});

describe('POST /moderation/reports/{id}/resolve', () => {
  it('ban when the image owner has deleted their account → 409 naming the way out; the report stays open', async () => {
    const gone = await register(t.app);
    const image = await makeImage(t, gone.id);
    const id = await reportOk(t, reporter.access, image);
    await t.container.sql.db.updateTable('users').set({ status: 'deleted' }).where('id', '=', gone.id).execute();
    const body = expectProblem(await resolve(t, moderator.access, id, { action: 'ban', ban_reason: 'spam' }), { status: 409, slug: 'conflict' });
    expect(body.detail).toMatch(/remove or dismiss/);
    expect((await reportOf(await resolve(t, moderator.access, id, { action: 'remove' }))).status).toBe('resolved');
  });

  it('dismiss: the report is dismissed, the image unchanged; event and audit; then every request is 409', async () => {
    const image = await makeImage(t, owner.id);
    const id = await reportOk(t, reporter.access, image);
    const done = await reportOf(await resolve(t, moderator.access, id, { action: 'dismiss', notes: 'not spam\nat all' }));
    expect(done).toMatchObject({ status: 'dismissed', resolution: { action: 'dismiss', notes: 'not spam\nat all', resolved_by: { id: moderator.id }, ban_id: null } });
    expect(await imageStatus(image)).toBe('active');
    expect(await outboxEvents(t, 'report.dismissed', id)).toEqual([{ payload: { report_id: id, image_id: image, action: 'dismiss', resolved_by: moderator.id }, actor_id: moderator.id }]);
    expect((await auditEntries(t, 'report.dismissed')).filter((e) => e.target_id === id)).toEqual([{ actor_id: moderator.id, target_type: 'report', target_id: id, details: { action: 'dismiss', notes: 'not spam\nat all' } }]);
    for (const res of [await review(t, moderator.access, id), await resolve(t, moderator.access, id, { action: 'remove' }), await resolve(t, admin.access, id, { action: 'dismiss' })]) {
      expectProblem(res, { status: 409, slug: 'conflict' });
    }
  });

  it('warn: resolved from reviewing; a warning recorded for the owner (audit + event); the image unchanged', async () => {
    const image = await makeImage(t, owner.id);
    const id = await reportOk(t, reporter.access, image);
    await review(t, moderator.access, id);
    const done = await reportOf(await resolve(t, moderator2.access, id, { action: 'warn', notes: 'first warning' }));
    expect(done).toMatchObject({ status: 'resolved', reviewer: { id: moderator.id }, resolution: { action: 'warn', resolved_by: { id: moderator2.id } } });
    expect(await imageStatus(image)).toBe('active');
    expect(await outboxEvents(t, 'user.warned', owner.id)).toContainEqual({ payload: { user_id: owner.id, report_id: id, warned_by: moderator2.id }, actor_id: moderator2.id });
    expect(await auditEntries(t, 'user.warned')).toContainEqual({ actor_id: moderator2.id, target_type: 'user', target_id: owner.id, details: { report_id: id, notes: 'first warning' } });
    expect(await outboxEvents(t, 'report.resolved', id)).toEqual([{ payload: { report_id: id, image_id: image, action: 'warn', resolved_by: moderator2.id }, actor_id: moderator2.id }]);
    expectProblem(await resolve(t, moderator.access, id, { action: 'warn' }), { status: 409, slug: 'conflict' });
  });

  it('remove: flags the image, resolves every other open report of it, leaves closed ones alone', async () => {
    const image = await makeImage(t, owner.id, { title: 'Quokka selfie' });
    const id = await reportOk(t, reporter.access, image);
    const sibling = await reportOk(t, other.access, image);
    const dismissed = await reportOk(t, moderator2.access, image);
    await resolve(t, moderator.access, dismissed, { action: 'dismiss' });
    await review(t, moderator2.access, sibling);
    const done = await reportOf(await resolve(t, moderator.access, id, { action: 'remove', notes: 'nsfw' }));
    expect(done).toMatchObject({ status: 'resolved', image: { status: 'flagged' }, resolution: { action: 'remove', notes: 'nsfw' } });
    expect(await imageStatus(image)).toBe('flagged');
    const siblingView = await reportOf(await getJson(t, `/api/v1/moderation/reports/${sibling}`, admin.access));
    expect(siblingView).toMatchObject({ status: 'resolved', resolution: { action: 'remove', notes: 'nsfw', resolved_by: { id: moderator.id } } });
    expect((await reportOf(await getJson(t, `/api/v1/moderation/reports/${dismissed}`, admin.access))).status).toBe('dismissed');
    expect(await outboxEvents(t, 'image.flagged', image)).toEqual([{ payload: { image_id: image, owner_id: owner.id, report_id: id, by: moderator.id }, actor_id: moderator.id }]);
    expect(await outboxEvents(t, 'report.resolved', sibling)).toHaveLength(1);
    expect(await auditEntries(t, 'image.flagged')).toContainEqual({ actor_id: moderator.id, target_type: 'image', target_id: image, details: { report_id: id } });
    expect((await auditEntries(t, 'report.resolved')).filter((e) => e.target_id === sibling)).toHaveLength(1);
    expectProblem(await resolve(t, moderator2.access, sibling, { action: 'dismiss' }), { status: 409, slug: 'conflict' });
  });

  it('remove hides the image from strangers everywhere; its owner still sees it flagged; restore brings it back', async () => {
    const image = await makeImage(t, owner.id, { title: 'Wombat parade' });
    const visible = async () => {
      const recent = expectJson(await getJson(t, '/api/v1/explore/recent?per_page=100', other.access)) as PageJson<ImageJson>;
      const search = expectJson(await getJson(t, '/api/v1/explore/search?q=wombat')) as PageJson<ImageJson>;
      const byId = await getJson(t, `/api/v1/images/${image}`, other.access);
      return { recent: recent.items.some((i) => i.id === image), search: search.items.some((i) => i.id === image), byId: byId.statusCode };
    };
    expect(await visible()).toEqual({ recent: true, search: true, byId: 200 });
    await resolve(t, moderator.access, await reportOk(t, reporter.access, image), { action: 'remove' });
    expect(await visible()).toEqual({ recent: false, search: false, byId: 404 });
    expect(((await getJson(t, `/api/v1/images/${image}`, owner.access)).json<ImageJson>()).status).toBe('flagged');
    expect(((await getJson(t, `/api/v1/images/${image}`, moderator.access)).json<ImageJson>()).status).toBe('flagged');

    const restored = expectJson(await restore(t, admin.access, image)) as ImageJson;
    expect(restored).toMatchObject({ id: image, status: 'active', owner: { id: owner.id } });
    expect(await visible()).toEqual({ recent: true, search: true, byId: 200 });
    expect(await outboxEvents(t, 'image.restored', image)).toEqual([{ payload: { image_id: image, owner_id: owner.id, report_id: null, by: admin.id }, actor_id: admin.id }]);
    expect(await auditEntries(t, 'image.restored')).toContainEqual({ actor_id: admin.id, target_type: 'image', target_id: image, details: { report_id: null } });
  });

  it('remove leaves an already flagged or deleted image as it is, without a second image.flagged', async () => {
    const flagged = await makeImage(t, owner.id);
    const first = await reportOk(t, reporter.access, flagged);
    const late = await reportOk(t, other.access, flagged);
    await resolve(t, moderator.access, first, { action: 'remove' });
    // A report filed later by staff, who can still read the flagged image.
    const third = await reportOk(t, moderator2.access, flagged);
    await resolve(t, moderator.access, third, { action: 'remove' });
    expect(await outboxEvents(t, 'image.flagged', flagged)).toHaveLength(1);
    expect((await reportOf(await getJson(t, `/api/v1/moderation/reports/${late}`, admin.access))).status).toBe('resolved');

    const deleted = await makeImage(t, owner.id);
    const id = await reportOk(t, reporter.access, deleted);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/images/${deleted}`, headers: { authorization: `Bearer ${owner.access}` } })).statusCode).toBe(204);
    const done = await reportOf(await resolve(t, moderator.access, id, { action: 'remove' }));
    expect(done).toMatchObject({ status: 'resolved', image: { id: deleted, status: 'deleted', thumbnail_url: null } });
    expect(await imageStatus(deleted)).toBe('deleted');
  });

  it('validates the body: action, notes, ban fields only with ban', async () => {
    const id = await reportOk(t, reporter.access, await makeImage(t, owner.id));
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['body.action']],
      [{ action: 'delete' }, ['body.action']],
      [{ action: 'warn', notes: 'n'.repeat(2001) }, ['body.notes']],
      [{ action: 'remove', ban_reason: 'spam', ban_duration_hours: 2 }, ['body.ban_reason', 'body.ban_duration_hours']],
      [{ action: 'ban' }, ['body.ban_reason']],
      [{ action: 'ban', ban_reason: 'x', ban_duration_hours: 87_601 }, ['body.ban_duration_hours']],
      [{ action: 'dismiss', extra: true }, ['body.extra']],
    ];
    for (const [body, fields] of cases) {
      expect(fieldsOf(expectProblem(await resolve(t, moderator.access, id, body), { status: 400, slug: 'validation-error' })), JSON.stringify(body)).toEqual(fields);
    }
    expect((await reportOf(await getJson(t, `/api/v1/moderation/reports/${id}`, moderator.access))).status).toBe('pending');
  });

  it('ban: flags the image, bans the owner (their token is 401), and names the ban in the resolution', async () => {
    const victim = await register(t.app);
    const image = await makeImage(t, victim.id);
    const id = await reportOk(t, reporter.access, image);
    const done = await reportOf(await resolve(t, moderator.access, id, { action: 'ban', ban_reason: 'repeated spam', ban_duration_hours: 24 }));
    expect(done).toMatchObject({ status: 'resolved', image: { status: 'flagged' }, resolution: { action: 'ban', ban_id: expect.any(String) } });
    expectProblem(await me(t.app, victim.access), { status: 401, slug: 'unauthorized' });
    expect((await outboxEvents(t, 'user.banned', victim.id)).map((e) => e.payload)).toEqual([expect.objectContaining({ ban_id: done.resolution?.ban_id, report_id: id })]);
    // A second ban resolution keeps the active ban: no second one is made. Only staff still see a banned owner's images.
    expectProblem(await getJson(t, `/api/v1/images/${image}`, other.access), { status: 404, slug: 'not-found' });
    const again = await reportOk(t, moderator2.access, await makeImage(t, victim.id));
    const kept = await reportOf(await resolve(t, admin.access, again, { action: 'ban', ban_reason: 'still spam' }));
    expect(kept.resolution?.ban_id).toBe(done.resolution?.ban_id);
    expect(await outboxEvents(t, 'user.banned', victim.id)).toHaveLength(1);
  });

  it('ban: a moderator may not ban staff (403) and nothing changes', async () => {
    const image = await makeImage(t, moderator2.id);
    const id = await reportOk(t, reporter.access, image);
    expectProblem(await resolve(t, moderator.access, id, { action: 'ban', ban_reason: 'no' }), { status: 403, slug: 'forbidden' });
    expect((await reportOf(await getJson(t, `/api/v1/moderation/reports/${id}`, admin.access))).status).toBe('pending');
    expect(await imageStatus(image)).toBe('active');
  });
});

describe('POST /moderation/images/{id}/restore', () => {
  it('answers 409 for an image that is not flagged, 404 for unknown or deleted, 403 to users, 401 to anonymous', async () => {
    const image = await makeImage(t, owner.id);
    expectProblem(await restore(t, moderator.access, image), { status: 409, slug: 'conflict' });
    expectProblem(await restore(t, moderator.access, UNKNOWN_ID), { status: 404, slug: 'not-found' });
    expectProblem(await restore(t, moderator.access, await makeImage(t, owner.id, { status: 'deleted' })), { status: 404, slug: 'not-found' });
    const flagged = await makeImage(t, owner.id, { status: 'flagged' });
    expectProblem(await restore(t, owner.access, flagged), { status: 403, slug: 'forbidden' });
    expectProblem(await restore(t, null, flagged), { status: 401, slug: 'unauthorized' });
    expect((expectJson(await restore(t, moderator.access, flagged)) as ImageJson).status).toBe('active');
    expectProblem(await restore(t, moderator.access, flagged), { status: 409, slug: 'conflict' });
  });
});
