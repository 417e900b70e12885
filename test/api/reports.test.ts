/**
 * Contract §12.1: filing reports (referenced-id rules, one open report per reporter and image, field rules, the
 * reports rate limit) and the staff queue and report view (roles, filters, both pagination modes, signed URLs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { NO_LIMITS, outboxEvents, register, TIMESTAMP, type Account } from './helpers/identity.js';
import { expectJson, expectProblem, UUID_V7 } from './helpers/problem.js';
import { makeCast, postReport, reportOk, resolve, review, type ReportJson } from './helpers/reports.js';
import { getJson, makeImage, walkCursor, type PageJson } from './helpers/social.js';

const UNKNOWN_ID = '0190f5c2-7a3b-7c4d-8e5f-0123456789ab';
const REPORT_KEYS = ['created_at', 'description', 'id', 'image', 'reason', 'reporter', 'resolution', 'reviewer', 'status', 'updated_at'];

let t: TestApp;
let owner: Account, reporter: Account, other: Account, admin: Account, moderator: Account;

beforeAll(async () => {
  t = await buildTestApp({ env: NO_LIMITS });
  ({ owner, reporter, other, admin, moderator } = await makeCast(t));
});
afterAll(() => t.close());

const fieldsOf = (body: Record<string, unknown>) => (body.errors as { field: string }[]).map((e) => e.field);

describe('POST /reports', () => {
  it('files a report: 201 receipt without Location, and a report.created event', async () => {
    const image = await makeImage(t, owner.id);
    const res = await postReport(t, reporter.access, { image_id: image.toUpperCase(), reason: 'other', description: ' stolen\r\nfrom me ' });
    const body = expectJson(res, 201) as Record<string, unknown>;
    expect(res.headers.location).toBeUndefined();
    expect(Object.keys(body).sort()).toEqual(['created_at', 'description', 'id', 'image_id', 'reason', 'status']);
    expect(body).toMatchObject({ image_id: image, reason: 'other', description: 'stolen\nfrom me', status: 'pending' });
    expect(body.id).toMatch(UUID_V7);
    expect(body.created_at).toMatch(TIMESTAMP);
    expect(await outboxEvents(t, 'report.created', body.id as string)).toEqual([{ payload: { report_id: body.id, image_id: image, reporter_id: reporter.id, reason: 'other' }, actor_id: reporter.id }]);
  });

  it('needs a token (401)', async () => {
    expectProblem(await postReport(t, null, { image_id: await makeImage(t, owner.id), reason: 'spam' }), { status: 401, slug: 'unauthorized' });
  });

  it.each([
    ['missing', async () => UNKNOWN_ID],
    ['private', async () => makeImage(t, owner.id, { visibility: 'private' })],
    ['flagged', async () => makeImage(t, owner.id, { status: 'flagged' })],
    ['processing', async () => makeImage(t, owner.id, { status: 'processing' })],
    ['deleted', async () => makeImage(t, owner.id, { status: 'deleted' })],
  ])('a %s image is 400 on body.image_id, not 404', async (_name, make) => {
    const res = await postReport(t, reporter.access, { image_id: await make(), reason: 'spam' });
    const body = expectProblem(res, { status: 400, slug: 'validation-error' });
    expect(fieldsOf(body)).toEqual(['body.image_id']);
  });

  it('hides missing and unreadable images alike', async () => {
    const hidden = await makeImage(t, owner.id, { visibility: 'private' });
    const a = expectProblem(await postReport(t, reporter.access, { image_id: hidden, reason: 'spam' }), { status: 400, slug: 'validation-error' });
    const b = expectProblem(await postReport(t, reporter.access, { image_id: UNKNOWN_ID, reason: 'spam' }), { status: 400, slug: 'validation-error' });
    expect(a.errors).toEqual(b.errors);
  });

  it('refuses one’s own image (400 body.image_id), also an unlisted one', async () => {
    const image = await makeImage(t, owner.id, { visibility: 'unlisted' });
    const body = expectProblem(await postReport(t, owner.access, { image_id: image, reason: 'spam' }), { status: 400, slug: 'validation-error' });
    expect(body.errors).toEqual([{ field: 'body.image_id', message: 'must not be your own image' }]);
  });

  it('lets anyone who can read an unlisted image report it, staff too', async () => {
    const image = await makeImage(t, owner.id, { visibility: 'unlisted' });
    await reportOk(t, reporter.access, image);
    await reportOk(t, moderator.access, image);
  });

  it('answers 409 to a second open report by the same user; others and a later report after closing are fine', async () => {
    const image = await makeImage(t, owner.id);
    const first = await reportOk(t, reporter.access, image);
    expectProblem(await postReport(t, reporter.access, { image_id: image, reason: 'harassment' }), { status: 409, slug: 'conflict' });
    expect((await review(t, moderator.access, first)).statusCode).toBe(200);
    expectProblem(await postReport(t, reporter.access, { image_id: image, reason: 'spam' }), { status: 409, slug: 'conflict' });
    await reportOk(t, other.access, image);
    expect((await resolve(t, moderator.access, first, { action: 'dismiss' })).statusCode).toBe(200);
    await reportOk(t, reporter.access, image);
  });

  it('reports every bad field: unknown reason, missing description for other, unknown keys, bad id', async () => {
    const image = await makeImage(t, owner.id);
    const reason = expectProblem(await postReport(t, reporter.access, { image_id: image, reason: 'rude' }), { status: 400, slug: 'validation-error' });
    expect(fieldsOf(reason)).toEqual(['body.reason']);
    const other = expectProblem(await postReport(t, reporter.access, { image_id: image, reason: 'other' }), { status: 400, slug: 'validation-error' });
    expect(other.errors).toEqual([{ field: 'body.description', message: 'is required when reason is other' }]);
    const both = expectProblem(await postReport(t, reporter.access, { image_id: UNKNOWN_ID, reason: 'x', description: 'd'.repeat(1001) }), { status: 400, slug: 'validation-error' });
    expect(fieldsOf(both).sort()).toEqual(['body.description', 'body.image_id', 'body.reason']);
    const unknown = expectProblem(await postReport(t, reporter.access, { image_id: image, reason: 'spam', extra: 1 }), { status: 400, slug: 'validation-error' });
    expect(unknown.errors).toEqual([{ field: 'body.extra', message: 'unknown field' }]);
    const badId = expectProblem(await postReport(t, reporter.access, { image_id: 'nope', reason: 'spam' }), { status: 400, slug: 'validation-error' });
    expect(fieldsOf(badId)).toEqual(['body.image_id']);
  });
});

describe('the reports rate limit', () => {
  it('allows RATE_LIMIT_REPORT per user, then 429 with Retry-After', async () => {
    const limited = await buildTestApp({ env: { RATE_LIMIT_REPORT: '2/1h' } });
    try {
      const [a, b] = [await register(limited.app), await register(limited.app)];
      const images = [await makeImage(limited, a.id), await makeImage(limited, a.id), await makeImage(limited, a.id)];
      for (const image of images.slice(0, 2)) expect((await postReport(limited, b.access, { image_id: image, reason: 'spam' })).statusCode).toBe(201);
      const res = await postReport(limited, b.access, { image_id: images[2]!, reason: 'spam' });
      expectProblem(res, { status: 429, slug: 'rate-limited' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.headers['ratelimit-limit']).toBe('2');
      // Per user: another account still has its own allowance.
      expect((await postReport(limited, a.access, { image_id: await makeImage(limited, b.id), reason: 'spam' })).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('GET /moderation/reports and /moderation/reports/{id}', () => {
  it('needs staff: anonymous 401, a user 403, moderators and admins 200', async () => {
    const id = await reportOk(t, reporter.access, await makeImage(t, owner.id));
    for (const url of ['/api/v1/moderation/reports', `/api/v1/moderation/reports/${id}`]) {
      expectProblem(await getJson(t, url), { status: 401, slug: 'unauthorized' });
      expectProblem(await getJson(t, url, reporter.access), { status: 403, slug: 'forbidden' });
      expect((await getJson(t, url, moderator.access)).statusCode).toBe(200);
      expect((await getJson(t, url, admin.access)).statusCode).toBe(200);
    }
    expectProblem(await review(t, reporter.access, id), { status: 403, slug: 'forbidden' });
    expectProblem(await resolve(t, null, id, { action: 'dismiss' }), { status: 401, slug: 'unauthorized' });
  });

  it('shows the Report exactly: people as summaries, the image with a plain or signed thumbnail', async () => {
    const open = await makeImage(t, owner.id, { title: 'Open' });
    const hidden = await makeImage(t, owner.id, { title: 'Hidden', visibility: 'unlisted' });
    await reportOk(t, moderator.access, hidden);
    const id = await reportOk(t, reporter.access, open, 'copyright');
    const report = expectJson(await getJson(t, `/api/v1/moderation/reports/${id}`, moderator.access)) as ReportJson;
    expect(Object.keys(report).sort()).toEqual(REPORT_KEYS);
    expect(report).toMatchObject({
      id,
      reporter: { id: reporter.id, username: reporter.username, display_name: expect.any(String) },
      image: { id: open, title: 'Open', owner: { id: owner.id }, status: 'active', visibility: 'public', thumbnail_url: `/api/v1/images/${open}/variants/thumbnail` },
      reason: 'copyright',
      description: '',
      status: 'pending',
      reviewer: null,
      resolution: null,
    });
    expect(Object.keys(report.image.owner).sort()).toEqual(['display_name', 'id', 'username']);
    const unlisted = (await walkCursor<ReportJson>(t, `/api/v1/moderation/reports?image_id=${hidden}`, admin.access))[0]!;
    // Unlisted images are anonymously readable by id, so their thumbnail needs no signature either.
    expect(unlisted.image.thumbnail_url).toBe(`/api/v1/images/${hidden}/variants/thumbnail`);
  });

  it('signs the thumbnail of an image strangers cannot read, and has none for a deleted image', async () => {
    const image = await makeImage(t, owner.id);
    const id = await reportOk(t, reporter.access, image);
    await t.container.sql.db.updateTable('images').set({ visibility: 'private' }).where('id', '=', image).execute();
    const signed = expectJson(await getJson(t, `/api/v1/moderation/reports/${id}`, moderator.access)) as ReportJson;
    expect(signed.image.thumbnail_url).toMatch(new RegExp(`^/api/v1/images/${image}/variants/thumbnail\\?exp=\\d+&sig=`));
    await t.container.sql.db.updateTable('images').set({ status: 'deleted' }).where('id', '=', image).execute();
    const gone = expectJson(await getJson(t, `/api/v1/moderation/reports/${id}`, moderator.access)) as ReportJson;
    expect(gone.image).toMatchObject({ status: 'deleted', thumbnail_url: null });
  });

  it('answers 404 for an unknown report and 400 for a malformed id', async () => {
    expectProblem(await getJson(t, `/api/v1/moderation/reports/${UNKNOWN_ID}`, moderator.access), { status: 404, slug: 'not-found' });
    const bad = expectProblem(await getJson(t, '/api/v1/moderation/reports/nope', moderator.access), { status: 400, slug: 'validation-error' });
    expect(fieldsOf(bad)).toEqual(['path.id']);
  });

  it('lists open reports oldest first by default; filters by status, reason and image; both modes agree', async () => {
    const image = await makeImage(t, owner.id);
    const a = await reportOk(t, reporter.access, image, 'spam');
    const b = await reportOk(t, other.access, image, 'harassment');
    const c = await reportOk(t, moderator.access, image, 'spam');
    await review(t, moderator.access, b);
    await resolve(t, moderator.access, c, { action: 'dismiss' });
    const base = `/api/v1/moderation/reports?image_id=${image}`;
    const ids = async (url: string) => (expectJson(await getJson(t, url, moderator.access)) as PageJson<ReportJson>).items.map((r) => r.id);
    expect(await ids(base)).toEqual([a, b]);
    expect(await ids(`${base}&order=desc`)).toEqual([b, a]);
    expect(await ids(`${base}&status=dismissed`)).toEqual([c]);
    expect(await ids(`${base}&status=pending&status=dismissed`)).toEqual([a, c]);
    expect(await ids(`${base}&status=pending&status=reviewing&status=dismissed&reason=spam`)).toEqual([a, c]);
    const page = expectJson(await getJson(t, `${base}&status=pending&status=reviewing&status=dismissed&per_page=2&page=2`, moderator.access)) as PageJson<ReportJson>;
    expect(page.pagination).toEqual({ page: 2, per_page: 2, total: 3, total_pages: 2 });
    expect(page.items.map((r) => r.id)).toEqual([c]);
    expect((await walkCursor<ReportJson>(t, `${base}&status=dismissed&status=reviewing&status=pending&order=desc`, moderator.access, 1)).map((r) => r.id)).toEqual([c, b, a]);
  });

  it('refuses bad parameters and cursors replayed with other filters', async () => {
    const bad = expectProblem(await getJson(t, '/api/v1/moderation/reports?status=open&reason=rude&order=up', moderator.access), { status: 400, slug: 'validation-error' });
    expect(fieldsOf(bad).sort()).toEqual(['query.order', 'query.reason', 'query.status.0']);
    const both = expectProblem(await getJson(t, '/api/v1/moderation/reports?page=1&cursor=', moderator.access), { status: 400, slug: 'validation-error' });
    expect(fieldsOf(both)).toEqual(['query.page']);
    const image = await makeImage(t, owner.id);
    await reportOk(t, reporter.access, image);
    await reportOk(t, other.access, image);
    const first = expectJson(await getJson(t, `/api/v1/moderation/reports?image_id=${image}&per_page=1&cursor=`, moderator.access)) as PageJson<ReportJson>;
    const cursor = encodeURIComponent(first.pagination.next_cursor!);
    expectProblem(await getJson(t, `/api/v1/moderation/reports?image_id=${image}&order=desc&per_page=1&cursor=${cursor}`, moderator.access), { status: 400, slug: 'bad-request' });
  });
});

describe('OpenAPI', () => {
  it('documents the report routes', async () => {
    const doc = expectJson(await getJson(t, '/api/v1/openapi.json')) as { paths: Record<string, unknown> };
    for (const path of ['/api/v1/reports', '/api/v1/moderation/reports', '/api/v1/moderation/reports/{id}', '/api/v1/moderation/reports/{id}/review', '/api/v1/moderation/reports/{id}/resolve', '/api/v1/moderation/images/{id}/restore']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
