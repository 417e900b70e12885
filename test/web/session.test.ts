/**
 * The signed-in session in the browser: tokens live only in the page's memory (no storage, cookies or URLs),
 * and when the refresh token stops working (here: replayed by a thief, which revokes the session, contract
 * §5.4) the next API call sends the user to log in again, with a reason, and back where they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PASSWORD, register } from '../support/e2e-client.js';
import { chromiumAvailable, launchBrowser, type Browser } from '../support/browser.js';
import { ensureBuilt, spawnServer, tempDataDir, type ServerProcess } from '../support/spawn-server.js';
import { logInThroughForm, openPage, screenshot, tearDown, type WatchedPage } from '../support/web-page.js';

describe.runIf(chromiumAvailable())('web session in Chromium', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let w: WatchedPage;

  beforeAll(async () => {
    await ensureBuilt();
    server = await spawnServer({ env: { DATA_DIR: dataDir } });
    await server.waitForReady();
    await register(server, 'dana');
    browser = await launchBrowser();
    w = await openPage(browser);
  });

  afterAll(async () => {
    await tearDown({ browser, server, dataDir });
  });

  it('keeps the tokens in memory only: no storage, no cookie, no token in any URL', async () => {
    const { page } = w;
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(`${server.url}/`);
    const login = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await logInThroughForm(page, 'dana@example.com', PASSWORD);
    const { access_token: access, refresh_token: refresh } = (await (await login).json()) as { access_token: string; refresh_token: string };
    await page.locator('.site-header a[href="/account"]').click();
    await page.locator('h1', { hasText: 'Account' }).waitFor();
    const stored = await page.evaluate(() => {
      const g = globalThis as unknown as { localStorage: { length: number }; sessionStorage: { length: number }; document: { cookie: string } };
      return { local: g.localStorage.length, session: g.sessionStorage.length, cookie: g.document.cookie };
    });
    expect(stored).toEqual({ local: 0, session: 0, cookie: '' });
    expect(await browser.context.cookies()).toEqual([]);
    expect(urls.filter((url) => url.includes(access) || url.includes(refresh))).toEqual([]);
  });

  it('sends the user to log in again when the session was revoked by a replayed refresh token, then back', async () => {
    const { page } = w;
    await page.goto(`${server.url}/`);
    const login = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await logInThroughForm(page, 'dana@example.com', PASSWORD);
    const stolen = ((await (await login).json()) as { refresh_token: string }).refresh_token;
    // The thief uses the copy twice: the second use is a replay, which revokes the whole session.
    expect((await call(server, 'POST', '/auth/refresh', { refresh_token: stolen })).status).toBe(200);
    const replay = await call(server, 'POST', '/auth/refresh', { refresh_token: stolen });
    expect(replay.status).toBe(401);
    expect(replay.body.type).toMatch(/token-reused$/);

    await page.locator('.site-header a[href="/account"]').click();
    await page.waitForURL(`${server.url}/login?next=%2Faccount`);
    expect(await page.locator('.notice').textContent()).toMatch(/session has ended/);
    expect(await page.locator('.site-header button', { hasText: 'Log out' }).count()).toBe(0);
    await screenshot(page, 'login-session-ended', { all: true });

    await page.locator('#login-email').fill('dana@example.com');
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('.form-page button[type="submit"]').click();
    await page.waitForURL(`${server.url}/account`);
    await page.locator('h1', { hasText: 'Account' }).waitFor();
    expect(w.pageErrors).toEqual([]);
    expect(w.cspViolations).toEqual([]);
  });

  it('loads a rarely used page on first visit, and offers a reload when its code cannot be fetched', async () => {
    const { page } = w;
    await page.goto(`${server.url}/`);
    // The upload page's code is its own chunk: absent from the first load, fetched when the page is opened.
    const firstLoad = await page.evaluate(() =>
      (globalThis as unknown as { performance: { getEntriesByType(t: string): { name: string }[] } }).performance.getEntriesByType('resource').map((e) => e.name),
    );
    expect(firstLoad.some((url) => /\/assets\/upload-[^/]+\.js$/.test(url))).toBe(false);
    await page.route(/\/assets\/account-[^/]+\.js$/, (route) => route.abort());
    await page.locator('.site-header a[href="/register"]').waitFor();
    await page.evaluate(`history.pushState(null, '', '/account'); dispatchEvent(new PopStateEvent('popstate'))`);
    const failure = page.locator('main [role="alert"]');
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/could not be loaded/);
    await page.unroute(/\/assets\/account-[^/]+\.js$/);
    await failure.locator('button', { hasText: 'Reload' }).click();
    await page.locator('main p', { hasText: 'to manage your account' }).waitFor();
  });

  it('signs out on a reload (the price of keeping tokens out of storage) and says so nowhere as an error', async () => {
    const { page } = w;
    await page.reload();
    await page.locator('.site-header a[href="/login"]').waitFor();
    expect(await page.locator('[role="alert"]').count()).toBe(0);
  });
});
