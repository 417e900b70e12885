/**
 * Issue 8's journey, as a person does it in Chromium against `node dist/main.js` on the embedded default,
 * with nothing seeded through the API: register → upload three images (two public, one private) with
 * progress → see them in the grid → open one → like → comment → make an album of all three → reorder it →
 * log out → an anonymous visitor sees only the public ones, in the grid, the album and by link.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/e2e-client.js';
import { chromiumAvailable, launchBrowser, type Browser } from '../support/browser.js';
import { horizontalOverflow, openPage, screenshot, tearDown, type WatchedPage } from '../support/web-page.js';
import { ensureBuilt, spawnServer, tempDataDir, type ServerProcess } from '../support/spawn-server.js';

const PHOTO = fs.readFileSync(fileURLToPath(new URL('../fixtures/images/landscape.jpg', import.meta.url)));
const PASSWORD = 'tidepool-lantern-88';

describe.runIf(chromiumAvailable())('the web gallery journey in Chromium', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let w: WatchedPage;
  let albumId = '';
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await ensureBuilt();
    server = await spawnServer({ env: { DATA_DIR: dataDir } });
    await server.waitForReady();
    browser = await launchBrowser();
    w = await openPage(browser);
  }, 240_000);

  afterAll(async () => {
    await tearDown({ browser, server, dataDir });
  });

  const page = () => w.page;
  const gridTitles = () => page().locator('.grid img').evaluateAll((imgs) => imgs.map((img) => (img as unknown as { alt: string }).alt));

  it('registers through the form and is signed in', async () => {
    await page().goto(`${server.url}/`);
    await page().locator('.site-header a[href="/register"]').click();
    await page().locator('#reg-email').fill('mira@example.com');
    await page().locator('#reg-username').fill('mira');
    await page().locator('#reg-password').fill(PASSWORD);
    await screenshot(page(), 'register', { all: true });
    await page().locator('.form-page button[type="submit"]').click();
    await page().locator('.site-header button', { hasText: 'Log out' }).waitFor();
    expect(await page().locator('.site-header .who').textContent()).toBe('mira');
  });

  it('uploads two public images and a private one, with progress to the end and thumbnails', async () => {
    await page().locator('.site-header a[href="/upload"]').click();
    // A slow uplink (Chromium's own throttling), so the bars are seen part-way, as on a real connection.
    const cdp = await browser.context.newCDPSession(page());
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 64 * 1024 });
    const seen = new Set<string>();
    const watching = (async () => {
      for (let i = 0; i < 400 && !seen.has('1'); i++) {
        for (const value of await page().locator('.upload-item progress').evaluateAll((bars) => bars.map((bar) => (bar as unknown as { value: number }).value))) seen.add(String(value));
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    await page().locator('#upload-visibility').selectOption('public');
    await page().locator('#upload-tags').fill('harbour, morning');
    await page().locator('#upload-files').setInputFiles([
      { name: 'Harbour morning.jpg', mimeType: 'image/jpeg', buffer: PHOTO },
      { name: 'Lighthouse.jpg', mimeType: 'image/jpeg', buffer: PHOTO },
    ]);
    await page().locator('#upload-visibility').selectOption('private');
    await page().locator('#upload-files').setInputFiles([{ name: 'Passport scan.jpg', mimeType: 'image/jpeg', buffer: PHOTO }]);
    for (const name of ['Harbour morning.jpg', 'Lighthouse.jpg', 'Passport scan.jpg']) {
      const row = page().locator('.upload-item.done', { hasText: name });
      await row.waitFor({ timeout: 60_000 });
      expect(await row.locator('progress').getAttribute('value')).toBe('1');
      await expect.poll(() => row.locator('.upload-thumb img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
      const href = await row.locator('a').getAttribute('href');
      ids[name.replace('.jpg', '')] = href!.split('/').pop()!;
    }
    await watching;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const partWay = [...seen].map(Number).filter((value) => value > 0 && value < 1);
    expect(partWay.length, `progress values seen: ${[...seen].join(', ')}`).toBeGreaterThan(0);
    expect(await page().locator('.upload-summary [role="status"]').textContent()).toBe('3 of 3 done');
    await screenshot(page(), 'upload', { all: true });
    const mine = await call(server, 'GET', `/images/${ids['Passport scan']}`);
    expect(mine.status).toBe(404);
  });

  it('sees the public ones in the explore grid, and all three in My images', async () => {
    await page().locator('.site-header .brand').click();
    await expect.poll(gridTitles).toEqual(['Lighthouse', 'Harbour morning']);
    await page().locator('.site-header a[href="/me/images"]').click();
    await expect.poll(() => page().locator('li.my-item').count()).toBe(3);
  });

  it('opens an image, likes it and comments on it', async () => {
    await page().locator('.site-header .brand').click();
    await page().locator('.grid a', { has: page().locator('img[alt="Harbour morning"]') }).click();
    await page().locator('h1', { hasText: 'Harbour morning' }).waitFor();
    await page().locator('.like button').click();
    await expect.poll(() => page().locator('.like-count').textContent()).toBe('1 like');
    expect(await page().locator('.like button').getAttribute('aria-pressed')).toBe('true');
    await page().locator('#comment-content').fill('The light on the water!');
    await page().locator('.comment-form button[type="submit"]').click();
    await page().locator('.comment .content', { hasText: 'The light on the water!' }).waitFor();
    const stored = await call(server, 'GET', `/images/${ids['Harbour morning']}`);
    expect(stored.body).toMatchObject({ like_count: 1, comment_count: 1, tags: ['harbour', 'morning'] });
  });

  it('makes a public album of all three and reorders it by dragging', async () => {
    await page().locator('.site-header a[href="/me/images"]').click();
    await page().locator('.bulk-bar button', { hasText: 'Select all loaded' }).click();
    await page().locator('#bulk-album').selectOption('new');
    await page().locator('#bulk-album-title').fill('Coast walk');
    await page().locator('.bulk-bar button', { hasText: 'Add to album' }).click();
    await page().locator('.bulk-progress', { hasText: 'Added 3 to Coast walk.' }).waitFor();
    await page().locator('.bulk-progress a').click();
    await page().locator('h1', { hasText: 'Coast walk' }).waitFor();
    albumId = new URL(page().url()).pathname.split('/').pop()!;

    await page().locator('details.album-edit summary').click();
    await page().locator('#album-visibility').selectOption('public');
    await page().locator('details.album-edit button[type="submit"]').click();
    await page().locator('details.album-edit [role="status"]', { hasText: 'Album saved.' }).waitFor();

    const item = (title: string) => page().locator('li.album-item', { has: page().locator('.card-title', { hasText: title }) });
    const before = await page().locator('li.album-item .card-title').allTextContents();
    expect(before).toEqual(['Passport scan', 'Lighthouse', 'Harbour morning']);
    await item('Harbour morning').dragTo(item('Passport scan'));
    await page().locator('.album-status', { hasText: 'Order saved.' }).waitFor();
    expect(await page().locator('li.album-item .card-title').allTextContents()).toEqual(['Harbour morning', 'Passport scan', 'Lighthouse']);
    await screenshot(page(), 'journey-album', { all: true });
  });

  it('logs out; a visitor sees only the public images in the grid, the album and by link', async () => {
    await page().locator('.site-header button', { hasText: 'Log out' }).click();
    await page().locator('.site-header a[href="/login"]').waitFor();
    await expect.poll(gridTitles).toEqual(['Lighthouse', 'Harbour morning']);

    await page().goto(`${server.url}/albums/${albumId}`);
    await page().locator('h1', { hasText: 'Coast walk' }).waitFor();
    await expect.poll(gridTitles).toEqual(['Harbour morning', 'Lighthouse']);
    expect(await page().locator('details.album-edit').count()).toBe(0);

    await page().goto(`${server.url}/images/${ids['Passport scan']}`);
    await page().locator('[role="alert"]').waitFor();
    expect(await page().locator('img.large').count()).toBe(0);
    await page().goto(`${server.url}/images/${ids['Harbour morning']}`);
    await page().locator('h1', { hasText: 'Harbour morning' }).waitFor();
    expect(await page().locator('.like-count').textContent()).toBe('1 like');
    await page().setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page())).toBe(0);
    await page().setViewportSize({ width: 1280, height: 800 });
    expect(w.pageErrors).toEqual([]);
    expect(w.cspViolations).toEqual([]);
    expect(w.dialogs).toEqual([]);
  });
});
