/**
 * My images, My albums and the album page in Chromium against the built server: bulk visibility change, bulk
 * "add to a new album", bulk delete, reordering an album by drag and by keyboard, choosing its cover, and what
 * an anonymous visitor sees of a public album. Seeded through the public API; the tests run in order on one page
 * and check each change against the API.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PASSWORD, register, tail, upload } from '../support/e2e-client.js';
import { chromiumAvailable, launchBrowser, type Browser } from '../support/browser.js';
import { horizontalOverflow, logInThroughForm, openPage, screenshot, tearDown, type WatchedPage } from '../support/web-page.js';
import { ensureBuilt, spawnServer, tempDataDir, type ServerProcess } from '../support/spawn-server.js';

const LANDSCAPE = fs.readFileSync(fileURLToPath(new URL('../fixtures/images/landscape.jpg', import.meta.url)));
const SEED = [
  { title: 'Alpha', visibility: 'public' },
  { title: 'Bravo', visibility: 'unlisted' },
  { title: 'Charlie', visibility: 'public' },
  { title: 'Delta', visibility: 'public' },
] as const;

describe.runIf(chromiumAvailable())('My images and albums in Chromium', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let watched: WatchedPage;
  let token: string;
  let albumId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await ensureBuilt();
    server = await spawnServer({ env: { DATA_DIR: dataDir, RATE_LIMIT_ENABLED: 'false' } });
    await server.waitForReady();
    token = await register(server, 'alba');
    for (const { title, visibility } of SEED) {
      const res = await upload(server, token, { title, visibility }, LANDSCAPE, { wait: true });
      expect(res.status, JSON.stringify(res.body) + tail(server)).toBe(201);
      expect(res.body.status).toBe('active');
      ids[title] = res.body.id as string;
    }
    browser = await launchBrowser();
    watched = await openPage(browser);
    // Generous: the build and four waited-for uploads share two cores with whatever else runs.
  }, 240_000);

  afterAll(async () => {
    await tearDown({ browser, server, dataDir });
  });

  const page = () => watched.page;
  const myCard = (title: string) => page().locator('li.my-item', { has: page().locator('.card-title', { hasText: new RegExp(`^${title}$`) }) });
  const albumItem = (title: string) => page().locator('li.album-item', { has: page().locator('.card-title', { hasText: new RegExp(`^${title}$`) }) });
  const apiOrder = async () => {
    const res = await call(server, 'GET', `/albums/${albumId}/images?per_page=100`, undefined, token);
    expect(res.status).toBe(200);
    return (res.body.items as { title: string }[]).map((image) => image.title);
  };
  const domOrder = () => page().locator('li.album-item .card-title').allTextContents();
  const select = async (...titles: string[]) => {
    for (const title of titles) await page().getByLabel(`Select ${title}`, { exact: true }).check();
  };
  async function expectNoOverflowAt360() {
    await page().setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page())).toBe(0);
    await page().setViewportSize({ width: 1280, height: 800 });
  }

  it('asks an anonymous visitor to log in on My images', async () => {
    await page().goto(`${server.url}/me/images`);
    const prompt = page().locator('main p', { hasText: 'to see your images' });
    await prompt.waitFor();
    expect(await prompt.textContent()).toBe('Log in to see your images.');
    expect(await prompt.locator('a').getAttribute('href')).toBe('/login?next=%2Fme%2Fimages');
  });

  it('lists every image of the signed-in user with its visibility badge', async () => {
    await logInThroughForm(page(), 'alba@example.com', PASSWORD);
    await page().locator('.site-header a[href="/me/images"]').click();
    await myCard('Alpha').waitFor();
    expect(await page().locator('li.my-item').count()).toBe(4);
    for (const { title, visibility } of SEED) {
      expect(await myCard(title).locator('.badge').textContent()).toBe(visibility[0]!.toUpperCase() + visibility.slice(1));
      expect(await myCard(title).locator('img').getAttribute('alt')).toBe(title);
    }
    // Newest first, as the API lists them.
    expect(await page().locator('li.my-item .card-title').allTextContents()).toEqual(['Delta', 'Charlie', 'Bravo', 'Alpha']);
  });

  it('opens the image page when a card (not its checkbox) is clicked', async () => {
    await select('Bravo');
    expect(await page().locator('.bulk-count').textContent()).toBe('1 selected');
    expect(new URL(page().url()).pathname).toBe('/me/images');
    await myCard('Alpha').locator('a.card').click();
    await page().waitForURL(`**/images/${ids.Alpha}`);
    await page().locator('h1', { hasText: 'Alpha' }).waitFor();
    await page().goBack();
    await myCard('Alpha').waitFor();
    expect(await page().locator('li.my-item').count()).toBe(4);
    expect(await page().locator('.bulk-count').textContent()).toBe('0 selected');
  });

  it('makes two selected images private, in place, and the API agrees', async () => {
    await select('Charlie', 'Delta');
    expect(await page().locator('.bulk-count').textContent()).toBe('2 selected');
    await page().locator('#bulk-visibility').selectOption('private');
    await page().locator('.bulk-bar button', { hasText: 'Apply' }).click();
    await page().locator('.bulk-progress', { hasText: 'Updated 2 of 2.' }).waitFor();
    for (const title of ['Charlie', 'Delta']) {
      expect(await myCard(title).locator('.badge').textContent()).toBe('Private');
      const res = await call(server, 'GET', `/images/${ids[title]}`, undefined, token);
      expect(res.body.visibility).toBe('private');
    }
    expect(await myCard('Alpha').locator('.badge').textContent()).toBe('Public');
    expect(await myCard('Bravo').locator('.badge').textContent()).toBe('Unlisted');
    expect(await page().locator('.bulk-failures').count()).toBe(0);
  });

  it('adds three selected images to a new album', async () => {
    await page().locator('.bulk-bar button', { hasText: 'Clear selection' }).click();
    expect(await page().locator('.bulk-count').textContent()).toBe('0 selected');
    await select('Alpha', 'Bravo', 'Charlie');
    expect(await page().locator('.bulk-count').textContent()).toBe('3 selected');
    await page().locator('#bulk-album').selectOption('new');
    await page().locator('#bulk-album-title').fill('Coast');
    await page().locator('.bulk-bar button', { hasText: 'Add to album' }).click();
    await page().locator('.bulk-progress', { hasText: 'Added 3 to Coast.' }).waitFor();
    const albums = await call(server, 'GET', '/albums?owner_id=me', undefined, token);
    expect(albums.body.items.map((album: { title: string }) => album.title)).toEqual(['Coast']);
    albumId = albums.body.items[0].id as string;
    expect(await page().locator('.bulk-progress a').getAttribute('href')).toBe(`/albums/${albumId}`);
    // Appended in grid order (newest first).
    expect(await apiOrder()).toEqual(['Charlie', 'Bravo', 'Alpha']);
  });

  it('deletes a selected image after confirming: its card goes, the API says 404', async () => {
    await page().locator('.bulk-bar button', { hasText: 'Clear selection' }).click();
    await select('Delta');
    watched.acceptConfirms(true);
    await page().locator('.bulk-bar button', { hasText: 'Delete' }).click();
    await myCard('Delta').waitFor({ state: 'detached' });
    watched.acceptConfirms(false);
    await page().locator('.bulk-progress', { hasText: 'Deleted 1 of 1.' }).waitFor();
    expect(await page().locator('li.my-item').count()).toBe(3);
    expect(await page().locator('.bulk-count').textContent()).toBe('0 selected');
    expect((await call(server, 'GET', `/images/${ids.Delta}`, undefined, token)).status).toBe(404);
    // "Select all loaded" takes the three left.
    await page().locator('.bulk-bar button', { hasText: 'Select all loaded' }).click();
    expect(await page().locator('.bulk-count').textContent()).toBe('3 selected');
    await screenshot(page(), 'my-images', { all: true });
    await expectNoOverflowAt360();
  });

  it('reorders the album by dragging a card onto another, saved at once', async () => {
    await page().locator('.site-header a[href="/me/albums"]').click();
    const card = page().locator('li.album-card', { hasText: 'Coast' });
    await card.waitFor();
    expect(await card.locator('.album-count').textContent()).toBe('3 images');
    await card.locator('a').click();
    await page().locator('h1', { hasText: 'Coast' }).waitFor();
    await albumItem('Alpha').waitFor();
    expect(await domOrder()).toEqual(['Charlie', 'Bravo', 'Alpha']);

    await albumItem('Alpha').dragTo(albumItem('Charlie'));
    await expect.poll(domOrder).toEqual(['Alpha', 'Charlie', 'Bravo']);
    await expect.poll(apiOrder).toEqual(['Alpha', 'Charlie', 'Bravo']);
    await page().locator('.album-status', { hasText: 'Order saved.' }).waitFor();
  });

  it('reorders by keyboard: the Later button and Alt+ArrowLeft, keeping focus on the moved card', async () => {
    const later: Locator = page().getByRole('button', { name: 'Move Charlie later', exact: true });
    await later.focus();
    await page().keyboard.press('Enter');
    await expect.poll(domOrder).toEqual(['Alpha', 'Bravo', 'Charlie']);
    await expect.poll(apiOrder).toEqual(['Alpha', 'Bravo', 'Charlie']);
    // Charlie is last now, so "later" is disabled and focus went to its "earlier" button.
    await expect.poll(() => page().evaluate<string | null>('document.activeElement?.getAttribute("aria-label") ?? null')).toBe('Move Charlie earlier');

    await page().keyboard.press('Alt+ArrowLeft');
    await expect.poll(domOrder).toEqual(['Alpha', 'Charlie', 'Bravo']);
    await expect.poll(apiOrder).toEqual(['Alpha', 'Charlie', 'Bravo']);
    expect(await page().locator('.album-status').textContent()).toMatch(/Moved “Charlie” to position 2 of 3|Order saved\./);
  });

  it('says why an order was not saved, and shows the saved order again', async () => {
    // Behind the page's back: the album no longer holds Charlie, so the page's next full order is refused (409).
    expect((await call(server, 'DELETE', `/albums/${albumId}/images/${ids.Charlie}`, undefined, token)).status).toBe(204);
    await page().getByRole('button', { name: 'Move Alpha later', exact: true }).click();
    const alert = page().locator('.album-page [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^The order was not saved: .+\. Showing the saved order again\.$/);
    await expect.poll(domOrder).toEqual(['Alpha', 'Bravo']);
    expect(await apiOrder()).toEqual(['Alpha', 'Bravo']);
    expect((await call(server, 'POST', `/albums/${albumId}/images`, { image_ids: [ids.Charlie] }, token)).status).toBe(200);
  });

  it('removes an image from the album, and adds it back to the existing album from My images', async () => {
    await page().getByRole('button', { name: 'Remove Alpha from the album', exact: true }).click();
    await albumItem('Alpha').waitFor({ state: 'detached' });
    await expect.poll(apiOrder).toEqual(['Bravo', 'Charlie']);
    expect((await call(server, 'GET', `/images/${ids.Alpha}`, undefined, token)).status).toBe(200);

    await page().locator('.site-header a[href="/me/images"]').click();
    await select('Alpha', 'Bravo');
    await page().locator('#bulk-album').selectOption({ label: 'Coast' });
    await page().locator('.bulk-bar button', { hasText: 'Add to album' }).click();
    await page().locator('.bulk-progress', { hasText: 'Added 1 to Coast.' }).waitFor();
    expect(await page().locator('.bulk-progress').textContent()).toBe('Added 1 to Coast. 1 was already in it.');
    expect(await apiOrder()).toEqual(['Bravo', 'Charlie', 'Alpha']);
    await page().locator('.bulk-progress a').click();
    await albumItem('Alpha').waitFor();
    expect(await domOrder()).toEqual(['Bravo', 'Charlie', 'Alpha']);
    expect(await page().locator('.album-meta').textContent()).toContain('3 images');
  });

  it('chooses a cover, makes the album public, and My albums shows the cover', async () => {
    await page().getByRole('button', { name: 'Make Bravo the cover', exact: true }).click();
    await expect.poll(() => page().getByRole('button', { name: 'Make Bravo the cover', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await albumItem('Bravo').locator('.cover-mark').textContent()).toBe('Cover');
    const album = await call(server, 'GET', `/albums/${albumId}`, undefined, token);
    expect(album.body.cover_image_id).toBe(ids.Bravo);

    await page().locator('.album-edit summary').click();
    await page().locator('#album-description').fill('Walks along the shore');
    await page().locator('#album-visibility').selectOption('public');
    await page().locator('.album-edit button[type="submit"]').click();
    await page().locator('.album-edit [role="status"]', { hasText: 'Album saved.' }).waitFor();
    const saved = await call(server, 'GET', `/albums/${albumId}`);
    expect(saved.body.visibility).toBe('public');
    expect(saved.body.description).toBe('Walks along the shore');
    await screenshot(page(), 'album-owner', { all: true });
    await expectNoOverflowAt360();

    await page().locator('.site-header a[href="/me/albums"]').click();
    const cover = page().locator('li.album-card', { hasText: 'Coast' }).locator('img');
    await cover.waitFor();
    expect(await cover.getAttribute('src')).toContain(`/images/${ids.Bravo}/variants/thumbnail`);
  });

  it('creates an album with the New album form on My albums', async () => {
    await page().locator('#new-album-title').fill('Empty shelf');
    await page().locator('#new-album-description').fill('Nothing yet');
    await page().locator('#new-album-visibility').selectOption('unlisted');
    await page().locator('.album-form button[type="submit"]').click();
    const card = page().locator('li.album-card', { hasText: 'Empty shelf' });
    await card.waitFor();
    expect(await card.locator('.album-count').textContent()).toBe('0 images');
    expect(await card.locator('.badge').textContent()).toBe('Unlisted');
    expect(await page().locator('li.album-card .card-title').allTextContents()).toEqual(['Empty shelf', 'Coast']);
    const albums = await call(server, 'GET', '/albums?owner_id=me', undefined, token);
    const created = albums.body.items.find((album: { title: string }) => album.title === 'Empty shelf');
    expect(created).toMatchObject({ description: 'Nothing yet', visibility: 'unlisted', image_count: 0 });
    expect(await page().locator('#new-album-title').inputValue()).toBe('');
    await screenshot(page(), 'my-albums', { all: true });
    await expectNoOverflowAt360();
  });

  it('shows a public album to an anonymous visitor: only public and unlisted images, no owner controls', async () => {
    // A full load forgets the in-memory session: this is an anonymous visit.
    await page().goto(`${server.url}/albums/${albumId}`);
    await page().locator('h1', { hasText: 'Coast' }).waitFor();
    await page().locator('.site-header a[href="/login"]').waitFor();
    await page().locator('img[alt="Alpha"]').waitFor();
    // In album order (Bravo, Charlie, Alpha), without the private Charlie.
    const imgs = await page().locator('.grid img').all();
    expect(await Promise.all(imgs.map((img) => img.getAttribute('alt')))).toEqual(['Bravo', 'Alpha']);
    expect(await page().locator('img[alt="Charlie"]').count()).toBe(0);
    expect(await page().locator('.description').textContent()).toBe('Walks along the shore');
    const owner = await call(server, 'GET', '/users/me', undefined, token);
    expect(await page().locator('.album-meta a').getAttribute('href')).toBe(`/users/${owner.body.id}`);
    expect(await page().locator('.album-edit, .album-item-tools, button').filter({ hasText: /Make cover|Edit album|Delete|Earlier|Later|Remove/ }).count()).toBe(0);
    expect(await page().locator('#album-title').count()).toBe(0);
    await expectNoOverflowAt360();
  });

  it('says "Album not found" for an album that does not exist', async () => {
    await page().goto(`${server.url}/albums/01900000-0000-7000-8000-000000000000`);
    await page().locator('h1', { hasText: 'Album not found' }).waitFor();
  });

  it('raised no CSP violation, page error or unexpected dialog', () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  });
});
