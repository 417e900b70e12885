/**
 * The staff-only moderation pages in Chromium against the built server (embedded mode, an admin from the
 * environment): the report queue, one report's review and resolutions (remove, restore, a timed ban), the bans
 * list with a revocation, the audit log and its action filter; then a moderator (no audit log; may not ban an
 * admin) and a plain user (no access, no data). Users, images and reports are seeded through the public API.
 * The tests run in order on one page; navigation inside a session is client-side (a reload signs out).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PASSWORD, register, tail, upload } from '../support/e2e-client.js';
import { chromiumAvailable, launchBrowser, type Browser } from '../support/browser.js';
import { horizontalOverflow, logInThroughForm, openPage, screenshot, tearDown, type WatchedPage } from '../support/web-page.js';
import { ensureBuilt, spawnServer, tempDataDir, type ServerProcess } from '../support/spawn-server.js';

const LANDSCAPE = fs.readFileSync(fileURLToPath(new URL('../fixtures/images/landscape.jpg', import.meta.url)));
const ADMIN_EMAIL = 'root@example.com';
const ADMIN_NAME = 'tessera_admin';
const HOSTILE_DESCRIPTION = 'Copied from my site.\n<b>Line two</b>';

// Each test walks several pages of a two-core machine shared with other suites: more than the 30 s default.
describe.runIf(chromiumAvailable())('moderation pages in Chromium', { timeout: 90_000 }, () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  let adminToken: string;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const images: Record<string, string> = {};
  const reports: Record<string, string> = {};
  /** Moderation API requests the browser made, to show a non-staff visitor's page asks for nothing. */
  const moderationRequests: string[] = [];

  async function fileReport(reporter: string, image: string, reason: string, description?: string) {
    const res = await call(server, 'POST', '/reports', { image_id: images[image], reason, ...(description === undefined ? {} : { description }) }, tokens[reporter]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  async function uploadAs(token: string, title: string) {
    const res = await upload(server, token, { title, visibility: 'public' }, LANDSCAPE, { wait: true });
    expect(res.status, JSON.stringify(res.body) + tail(server)).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    await ensureBuilt();
    server = await spawnServer({ env: { DATA_DIR: dataDir, ADMIN_EMAIL, ADMIN_PASSWORD: PASSWORD, RATE_LIMIT_ENABLED: 'false' } });
    await server.waitForReady();
    const login = await call(server, 'POST', '/auth/login', { email: ADMIN_EMAIL, password: PASSWORD });
    expect(login.status, JSON.stringify(login.body) + tail(server)).toBe(200);
    adminToken = login.body.access_token as string;
    userIds.admin = login.body.user.id as string;
    for (const name of ['olga', 'rita', 'remy', 'mona', 'paul']) {
      tokens[name] = await register(server, name);
      userIds[name] = (await call(server, 'GET', '/users/me', undefined, tokens[name])).body.id as string;
    }
    const role = await call(server, 'PUT', `/users/${userIds.mona}/role`, { role: 'moderator' }, adminToken);
    expect(role.status, JSON.stringify(role.body)).toBe(200);
    images.harbour = await uploadAs(tokens.olga!, 'Harbour at dusk');
    images.pier = await uploadAs(tokens.olga!, 'Pier at noon');
    images.sunset = await uploadAs(adminToken, 'Admin sunset');
    // Filed one after the other: the queue must show them in this order (oldest first).
    reports.harbour = await fileReport('rita', 'harbour', 'spam');
    reports.pier = await fileReport('remy', 'pier', 'other', HOSTILE_DESCRIPTION);

    browser = await launchBrowser();
    watched = await openPage(browser);
    page = watched.page;
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/moderation')) moderationRequests.push(request.url());
    });
  });

  afterAll(async () => {
    await tearDown({ browser, server, dataDir });
  });

  /** Client-side navigation, as a link would do it: a full load would forget the in-memory session. */
  async function go(path: string) {
    await page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`);
  }

  /** Nothing sticks out at 360 px, the header with a staff member's extra link included. */
  async function expectNoOverflowAt360() {
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  async function logOut() {
    await page.locator('.site-header button', { hasText: 'Log out' }).click();
    await page.locator('.site-header a[href="/login"]').waitFor();
  }

  it('tells anonymous and plain users the pages are for moderators, and asks the API for nothing', async () => {
    await page.goto(`${server.url}/moderation`);
    await page.locator('h1', { hasText: 'Report queue' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('This page is for moderators.');

    await logInThroughForm(page, 'paul@example.com', PASSWORD);
    expect(await page.locator('.site-header a[href="/moderation"]').count()).toBe(0);
    for (const path of ['/moderation', `/moderation/reports/${reports.harbour}`, '/moderation/bans', '/moderation/audit']) {
      await go(path);
      await page.locator('.mod-denied').waitFor();
      expect(await page.locator('main').textContent(), path).toContain('This page is for moderators.');
      expect(await page.locator('.mod-list li, .mod-report').count()).toBe(0);
    }
    expect(await page.locator('main').textContent()).not.toContain('Harbour at dusk');
    expect(moderationRequests).toEqual([]);
    await logOut();
  });

  it('shows an admin the Moderation link and the queue, oldest first, with text-only descriptions', async () => {
    await logInThroughForm(page, ADMIN_EMAIL, PASSWORD);
    await page.locator('.site-header a[href="/moderation"]').click();
    await page.locator('h1', { hasText: 'Report queue' }).waitFor();
    const rows = page.locator('.mod-reports > li');
    await expect.poll(() => rows.count()).toBe(2);
    const first = rows.nth(0);
    const second = rows.nth(1);
    expect(await first.locator(`a[href="/images/${images.harbour}"]`).textContent()).toBe('Harbour at dusk');
    expect(await first.locator(`a[href="/moderation/reports/${reports.harbour}"]`).count()).toBe(1);
    expect(await first.textContent()).toContain('spam');
    expect(await first.textContent()).toContain('rita');
    expect(await first.textContent()).toContain('olga');
    expect(await first.locator('.mod-badge').first().textContent()).toBe('pending');
    expect(await first.locator('img.mod-thumb').getAttribute('alt')).toBe('Harbour at dusk');
    expect(await second.locator(`a[href="/images/${images.pier}"]`).textContent()).toBe('Pier at noon');
    expect(await second.locator('.mod-description').textContent()).toBe(HOSTILE_DESCRIPTION);
    expect(await second.locator('.mod-description b').count()).toBe(0);
    // The thumbnail's bytes arrived and decoded under the CSP. Typed by hand: the tests have no DOM lib.
    const loaded = (img: unknown) => {
      const element = img as { complete: boolean; naturalWidth: number };
      return element.complete && element.naturalWidth > 0;
    };
    await expect.poll(() => first.locator('img.mod-thumb').evaluate(loaded)).toBe(true);
    // The report queue's nav has the admin-only tab.
    expect(await page.locator('.mod-nav a[href="/moderation/audit"]').count()).toBe(1);
    await screenshot(page, 'moderation-queue', { all: true });
    await expectNoOverflowAt360();

    // A status filter that matches nothing yet.
    await page.locator('#queue-status').selectOption('resolved');
    await page.locator('.mod-list-footer .empty').waitFor();
    expect(await rows.count()).toBe(0);
    expect(new URL(page.url()).search).toBe('?status=resolved');
    await page.locator('#queue-status').selectOption('open');
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('takes a report for review and resolves it with remove, which hides the image; then restores it', async () => {
    await page.locator(`a[href="/moderation/reports/${reports.harbour}"]`).click();
    await page.locator('.mod-reviewer').waitFor();
    expect(await page.locator('.mod-reviewer').textContent()).toBe('nobody yet');
    await page.locator('button', { hasText: 'Start review' }).click();
    await page.locator('.mod-review', { hasText: 'You are reviewing this report.' }).waitFor();
    expect(await page.locator('.mod-reviewer').textContent()).toContain(ADMIN_NAME);
    expect(await page.locator('.mod-facts .mod-badge').first().textContent()).toBe('in review');

    // No action chosen: the form says so and sends nothing.
    await page.locator('.mod-resolve button[type="submit"]').click();
    await page.locator('#resolve-action-problem').waitFor();
    await page.locator('input[name="resolve-action"][value="remove"]').check();
    expect(await page.locator('#resolve-ban-reason').count()).toBe(0);
    await page.locator('#resolve-notes').fill('Spam, hidden.');
    await page.locator('.mod-resolve button[type="submit"]').click();
    await page.locator('.mod-resolution').waitFor();
    expect(await page.locator('.mod-resolution .mod-action').textContent()).toBe('remove');
    expect(await page.locator('.mod-resolution').textContent()).toContain('Spam, hidden.');
    expect(await page.locator('.mod-resolution').textContent()).toContain(ADMIN_NAME);
    expect(await page.locator('.mod-facts .mod-badge').first().textContent()).toBe('resolved');
    expect(await page.locator('.mod-image-state .mod-badge').textContent()).toBe('flagged');
    expect((await call(server, 'GET', `/images/${images.harbour}`)).status).toBe(404);
    await screenshot(page, 'moderation-report', { all: true });
    await expectNoOverflowAt360();

    await page.locator('button', { hasText: 'Restore image' }).click();
    await page.locator('.mod-done', { hasText: 'Image restored.' }).waitFor();
    await expect.poll(() => page.locator('.mod-image-state .mod-badge').textContent()).toBe('active');
    const restored = await call(server, 'GET', `/images/${images.harbour}`);
    expect(restored.status).toBe(200);
    expect(restored.body.status).toBe('active');
  });

  it('resolves another report with a 24-hour ban, which the Bans page lists as active; an admin revokes it', async () => {
    await page.locator('.mod-nav a[href="/moderation"]').click();
    const rows = page.locator('.mod-reports > li');
    // The open queue no longer holds the resolved report.
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().locator(`a[href="/moderation/reports/${reports.pier}"]`).click();
    await page.locator('.mod-facts').waitFor();
    expect(await page.locator('.mod-facts .mod-description').textContent()).toBe(HOSTILE_DESCRIPTION);

    await page.locator('input[name="resolve-action"][value="ban"]').check();
    await page.locator('.mod-resolve button[type="submit"]').click();
    expect(await page.locator('#resolve-ban-reason-problem').textContent()).toBe('A ban needs a reason.');
    await page.locator('#resolve-ban-reason').fill('Spam ring');
    expect(await page.locator('#resolve-ban-reason-problem').count()).toBe(0);
    await page.locator('#resolve-ban-unit').selectOption('hours');
    await page.locator('#resolve-ban-amount').fill('24');
    await screenshot(page, 'moderation-resolve', { all: true });
    // Also resizes the viewport: a full-page shot not followed by one leaves Chromium's metrics such that the next
    // click lands off target.
    await expectNoOverflowAt360();
    await page.locator('.mod-resolve button[type="submit"]').click();
    await page.locator('.mod-resolution, .mod-resolve-error').first().waitFor();
    expect(await page.locator('.mod-resolve-error').count(), (await page.locator('main').textContent()) ?? '').toBe(0);
    expect(await page.locator('.mod-resolution .mod-action').textContent()).toBe('ban');

    const bans = await call(server, 'GET', '/moderation/bans', undefined, adminToken);
    expect(bans.body.items).toHaveLength(1);
    const hours = (Date.parse(bans.body.items[0].expires_at) - Date.parse(bans.body.items[0].created_at)) / 3_600_000;
    expect(hours).toBe(24);

    await page.locator('.mod-nav a[href="/moderation/bans"]').click();
    const row = page.locator('.mod-bans > li').first();
    await row.waitFor();
    expect(await page.locator('.mod-bans > li').count()).toBe(1);
    expect(await row.locator('.mod-row-title').textContent()).toContain('olga');
    expect(await row.locator('.mod-badge').textContent()).toBe('active');
    expect(await row.locator('.mod-description').textContent()).toBe('Spam ring');
    expect(await row.locator('.mod-expiry').textContent()).not.toContain('permanent');
    expect(await row.locator('.mod-expiry time').first().getAttribute('datetime')).toBe(bans.body.items[0].expires_at);
    expect(await row.textContent()).toContain(ADMIN_NAME);
    await screenshot(page, 'moderation-bans');
    await expectNoOverflowAt360();

    watched.acceptConfirms(true);
    await row.locator('button', { hasText: 'Revoke ban' }).click();
    await expect.poll(() => row.locator('.mod-badge').textContent()).toBe('revoked');
    watched.acceptConfirms(false);
    expect(await row.locator('button', { hasText: 'Revoke ban' }).count()).toBe(0);
    expect(await row.locator('.mod-revoked').textContent()).toContain(ADMIN_NAME);
    expect((await call(server, 'POST', '/auth/login', { email: 'olga@example.com', password: PASSWORD })).status).toBe(200);

    await page.locator('#bans-status').selectOption('revoked');
    await expect.poll(() => page.locator('.mod-bans > li .mod-badge').allTextContents()).toEqual(['revoked']);
  });

  it('bans a user by a pasted profile link from the Bans page', async () => {
    await page.locator('.mod-ban-form summary').click();
    await page.locator('#ban-user').fill('paul');
    await page.locator('#ban-reason').fill('Throwaway account');
    await page.locator('.mod-ban-form button[type="submit"]').click();
    expect(await page.locator('#ban-user-problem').textContent()).toContain('not a user id');
    await page.locator('#ban-user').fill(`${server.url}/users/${userIds.paul}`);
    await page.locator('#ban-unit').selectOption('days');
    await page.locator('#ban-amount').fill('2');
    await page.locator('.mod-ban-form button[type="submit"]').click();
    await page.locator('.mod-ban-form .mod-done').waitFor();
    expect(await page.locator('.mod-ban-form .mod-done').textContent()).toContain('Banned paul');
    const bans = await call(server, 'GET', `/moderation/bans?user_id=${userIds.paul}`, undefined, adminToken);
    expect(bans.body.items).toHaveLength(1);
    expect(bans.body.items[0].status).toBe('active');
    expect((Date.parse(bans.body.items[0].expires_at) - Date.parse(bans.body.items[0].created_at)) / 3_600_000).toBe(48);
    // Lifted again so the later tests' plain user is as before.
    expect((await call(server, 'DELETE', `/users/${userIds.paul}/ban`, undefined, adminToken)).status).toBe(204);
  });

  it('shows the audit log, newest first, a page at a time, and narrows it by action', async () => {
    // Twenty-one failed logins (each audited) push the moderation entries past the first page of 20.
    const failures = await Promise.all(Array.from({ length: 21 }, (_, i) => call(server, 'POST', '/auth/login', { email: `nobody${i}@example.com`, password: 'wrong password 123' })));
    expect(failures.map((f) => f.status)).toEqual(Array(21).fill(401));
    await page.locator('.mod-nav a[href="/moderation/audit"]').click();
    const actions = page.locator('.mod-audit > li .mod-action');
    await actions.first().waitFor();
    expect(await actions.count()).toBe(20);
    expect(new Set(await actions.allTextContents())).toEqual(new Set(['auth.login_failed']));
    await page.locator('.mod-list-footer button', { hasText: 'Load more' }).click();
    await expect.poll(() => actions.count()).toBeGreaterThan(30);
    const all = await actions.allTextContents();
    expect(all.filter((a) => a === 'auth.login_failed')).toHaveLength(21);
    for (const action of ['report.resolved', 'user.banned', 'user.unbanned', 'image.flagged', 'image.restored', 'user.role_changed']) expect(all, action).toContain(action);
    const times = await page.locator('.mod-audit > li .mod-audit-head time').evaluateAll((els) => els.map((el) => (el as unknown as { dateTime: string }).dateTime));
    expect(times.length).toBe(all.length);
    expect(times).toEqual([...times].sort().reverse());
    const banned = page.locator('.mod-audit > li', { hasText: 'Spam ring' }).first();
    expect(await banned.locator('.mod-details').textContent()).toContain('reason');
    expect(await banned.locator(`a[href="/users/${userIds.olga}"]`).count()).toBe(1);
    await screenshot(page, 'moderation-audit');
    await expectNoOverflowAt360();

    await page.locator('#audit-action').selectOption('report.resolved');
    await expect.poll(async () => [...new Set(await actions.allTextContents())]).toEqual(['report.resolved']);
    expect(await actions.count()).toBe(2);
    expect(new URL(page.url()).search).toBe('?action=report.resolved');

    // A range that starts tomorrow holds nothing.
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await page.locator('#audit-since').fill(day);
    await page.locator('.mod-list-footer .empty').waitFor();
    expect(await actions.count()).toBe(0);
    await page.locator('#audit-since').fill('');
    await expect.poll(() => actions.count()).toBe(2);
    await logOut();
  });

  it('shows a moderator no audit log, and says in words that they may not ban an admin', async () => {
    reports.sunset = await fileReport('rita', 'sunset', 'harassment', 'Rude caption');
    await logInThroughForm(page, 'mona@example.com', PASSWORD);
    await page.locator('.site-header a[href="/moderation"]').click();
    await page.locator('.mod-reports > li').first().waitFor();
    expect(await page.locator('.mod-nav a[href="/moderation/audit"]').count()).toBe(0);
    await go('/moderation/audit');
    await page.locator('.mod-denied').waitFor();
    expect(await page.locator('main').textContent()).toContain('This page is for admins only.');

    await page.locator('.mod-nav a[href="/moderation"]').click();
    await page.locator(`a[href="/moderation/reports/${reports.sunset}"]`).click();
    await page.locator('.mod-facts').waitFor();
    await page.locator('input[name="resolve-action"][value="ban"]').check();
    await page.locator('#resolve-ban-reason').fill('Trying my luck');
    await page.locator('.mod-resolve button[type="submit"]').click();
    const refusal = page.locator('.mod-resolve-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('You may not do this: moderators cannot ban moderators or administrators.');
    expect(await refusal.getAttribute('role')).toBe('alert');
    // Nothing changed: the report is still open and the admin not banned.
    const report = await call(server, 'GET', `/moderation/reports/${reports.sunset}`, undefined, adminToken);
    expect(report.body.status).toBe('pending');
    expect((await call(server, 'GET', '/moderation/bans?status=active', undefined, adminToken)).body.items).toEqual([]);

    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  });
});
