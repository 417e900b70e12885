/**
 * The web gallery in a real browser against the built server (`node dist/main.js`, embedded mode): the explore
 * grid, an image page, logging in through the form, a hostile comment shown as text, a deep link reloaded,
 * and the app's headers. Images are seeded through the public API. The tests run in order on one page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PASSWORD, register, tail, upload } from '../support/e2e-client.js';
import { chromiumAvailable, launchBrowser, type Browser } from '../support/browser.js';
import { SCREENSHOTS, tearDown } from '../support/web-page.js';
import { ensureBuilt, spawnServer, tempDataDir, type ServerProcess } from '../support/spawn-server.js';

const LANDSCAPE = fs.readFileSync(fileURLToPath(new URL('../fixtures/images/landscape.jpg', import.meta.url)));
const SHOTS = SCREENSHOTS;
const LANDSCAPE_RATIO = 1.5;
const HOSTILE = '<script>alert(1)</script>';

describe.runIf(chromiumAvailable())('web gallery in Chromium', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await ensureBuilt();
    server = await spawnServer({ env: { DATA_DIR: dataDir } });
    await server.waitForReady();
    const token = await register(server, 'ada');
    for (const title of ['First light', 'Harbour at dusk']) {
      const res = await upload(server, token, { title, visibility: 'public', tags: 'sea', description: 'Line one\nLine <b>two</b>' }, LANDSCAPE, { wait: true });
      expect(res.status, JSON.stringify(res.body) + tail(server)).toBe(201);
      ids[title] = res.body.id as string;
    }
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await tearDown({ browser, server, dataDir });
  });

  it('serves the shell with a strict CSP, hashed assets with a long cache, and API 404s as problems', async () => {
    const shell = await fetch(`${server.url}/images/whatever`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = shell.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await shell.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const js = await fetch(`${server.url}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');

    const apiMiss = await fetch(`${server.url}/api/v1/nope`);
    expect(apiMiss.status).toBe(404);
    expect(apiMiss.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/nope`, { method: 'POST' })).status).toBe(404);
  });

  it('shows the public images in the explore grid, with alt text from their titles', async () => {
    await page.goto(`${server.url}/`);
    const first = page.locator('img[alt="First light"]');
    await first.waitFor();
    // True once the bytes arrived and decoded (the CSP allowed them). Typed by hand: the tests have no DOM lib.
    const loaded = (img: unknown) => {
      const element = img as { complete: boolean; naturalWidth: number };
      return element.complete && element.naturalWidth > 0;
    };
    await expect.poll(() => first.evaluate(loaded)).toBe(true);
    expect(await page.locator('img[alt="Harbour at dusk"]').count()).toBe(1);
    expect(await first.getAttribute('srcset')).toMatch(/variants\/small \d+w, .*variants\/medium \d+w/);
    // Justified rows: both cards share the row's height (240 px at this width) and keep their aspect ratio.
    const boxes = await Promise.all(['First light', 'Harbour at dusk'].map((alt) => page.locator(`img[alt="${alt}"]`).boundingBox()));
    expect(boxes[0]!.y).toBe(boxes[1]!.y);
    expect(boxes[0]!.height).toBeCloseTo(boxes[1]!.height, 0);
    expect(boxes[0]!.height).toBeGreaterThan(200);
    expect(boxes[0]!.width / boxes[0]!.height).toBeCloseTo(LANDSCAPE_RATIO, 1);
    await page.screenshot({ path: path.join(SHOTS, 'explore-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: path.join(SHOTS, 'explore-360.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('switches to the popular feed and back, and moves between cards with the arrow keys', async () => {
    await page.locator('.feed-tabs a[href="/popular"]').click();
    await page.locator('h1', { hasText: 'Popular this week' }).waitFor();
    expect(await page.locator('.feed-tabs a[aria-current="page"]').textContent()).toBe('Popular');
    await page.locator('img[alt="First light"]').waitFor();
    await page.locator('.feed-tabs a[href="/"]').click();
    await page.locator('h1', { hasText: 'Recent images' }).waitFor();
    const cards = page.locator('.grid a.card');
    await cards.first().waitFor();
    await cards.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string } } }).document.activeElement.getAttribute('href'))).toBe(
      await cards.nth(1).getAttribute('href'),
    );
    await page.keyboard.press('Home');
    expect(await cards.first().evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true);
  });

  it('opens an image page with its title, text description and large variant', async () => {
    await page.locator('a[href^="/images/"]', { has: page.locator('img[alt="First light"]') }).click();
    await page.waitForURL(`**/images/${ids['First light']}`);
    expect(await page.locator('h1').textContent()).toBe('First light');
    expect(await page.locator('.description').textContent()).toBe('Line one\nLine <b>two</b>');
    expect(await page.locator('.description b').count()).toBe(0);
    expect(await page.locator('img.large').getAttribute('src')).toMatch(/variants\/large$/);
  });

  it('logs in through the form', async () => {
    await page.locator('a[href="/login"]').first().click();
    await page.locator('#login-email').fill('ada@example.com');
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('.form-page button[type="submit"]').click();
    await page.locator('button', { hasText: 'Log out' }).waitFor();
    expect(await page.locator('.who').textContent()).toBe('ada');
  });

  it('renders a <script> comment as text: no dialog, no element', async () => {
    await page.goto(`${server.url}/images/${ids['First light']}`);
    // A full load forgets the in-memory tokens (by design): log in again on this page load.
    await logIn();
    await page.locator('a[href="/"]').first().click();
    await page.locator('a[href^="/images/"]', { has: page.locator('img[alt="First light"]') }).click();
    await page.locator('#comment-content').fill(HOSTILE);
    await page.locator('.comment-form button[type="submit"]').click();
    await page.locator('.comment .content').first().waitFor();
    expect(await page.locator('.comment .content').first().textContent()).toBe(HOSTILE);
    expect(await page.locator('.comments script').count()).toBe(0);
    const stored = await call(server, 'GET', `/images/${ids['First light']}/comments`);
    expect(stored.body.items[0].content).toBe(HOSTILE);
    expect(dialogs).toEqual([]);
  });

  it('reloads a deep link into the same page', async () => {
    await page.reload();
    await page.locator('h1', { hasText: 'First light' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/images/${ids['First light']}`);
    expect(await page.locator('.comment .content').first().textContent()).toBe(HOSTILE);
    await page.screenshot({ path: path.join(SHOTS, 'image-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: path.join(SHOTS, 'image-360.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('uploads several files with per-file progress and thumbnails, and says in words why each refused one was', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn();
    await page.locator('a[href="/upload"]').click();
    // Waits for the limits from /server-info, which the page uses to refuse an over-large file unsent.
    await page.locator('.dropzone .hint').waitFor();
    const wide = await sharp({ create: { width: 9000, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
    const uploadsSent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/images')) uploadsSent.push(request.url());
    });
    await page.locator('#upload-files').setInputFiles([
      { name: 'Pier at noon.jpg', mimeType: 'image/jpeg', buffer: LANDSCAPE },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') },
      { name: 'Panorama.png', mimeType: 'image/png', buffer: wide },
      { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(11 * 1024 * 1024, 0xff) },
    ]);
    const done = page.locator('.upload-item.done', { hasText: 'Pier at noon.jpg' });
    await done.waitFor();
    // <progress>'s value property reflects to the attribute; the thumbnail is the processed variant.
    expect(await done.locator('progress').getAttribute('value')).toBe('1');
    expect(await done.locator('.upload-thumb img').getAttribute('src')).toMatch(/variants\/thumbnail$/);
    const reason = (name: string) => page.locator('.upload-item.failed', { hasText: name }).locator('.error').textContent();
    expect(await reason('notes.txt')).toBe('Not an image we accept: use JPEG, PNG, GIF, WebP or AVIF.');
    expect(await reason('Panorama.png')).toBe('The image is too big: at most 8192 pixels a side and 100 megapixels.');
    expect(await reason('huge.jpg')).toBe('The file is too large (the limit is 10 MiB). It was not sent.');
    expect(await page.locator('.upload-summary [role="status"]').textContent()).toBe('4 of 4 done · 3 failed');
    expect(uploadsSent).toHaveLength(3);
    await page.screenshot({ path: path.join(SHOTS, 'upload-1280.png'), fullPage: true });

    // A folder: its images are queued in path order, anything else in it is left out.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-folder-'));
    fs.writeFileSync(path.join(folder, 'b-boats.jpg'), LANDSCAPE);
    fs.writeFileSync(path.join(folder, 'a-bridge.jpg'), LANDSCAPE);
    fs.writeFileSync(path.join(folder, '.DS_Store'), 'x');
    fs.writeFileSync(path.join(folder, 'readme.txt'), 'x');
    await page.locator('button', { hasText: 'Clear finished' }).click();
    expect(await page.locator('.upload-item').count()).toBe(0);
    await page.locator('#upload-folder').setInputFiles(folder);
    await expect.poll(() => page.locator('.upload-item .file-name').allTextContents()).toEqual(['a-bridge.jpg', 'b-boats.jpg']);
    await page.locator('.upload-item.done', { hasText: 'b-boats.jpg' }).waitFor();
    fs.rmSync(folder, { recursive: true, force: true });

    await page.locator('.upload-item.done', { hasText: 'a-bridge.jpg' }).locator('a').click();
    await page.locator('h1', { hasText: 'a-bridge' }).waitFor();
  });

  async function logIn() {
    await page.locator('a[href="/login"]').first().click();
    await page.locator('#login-email').fill('ada@example.com');
    await page.locator('#login-password').fill(PASSWORD);
    await page.locator('.form-page button[type="submit"]').click();
    await page.locator('button', { hasText: 'Log out' }).waitFor();
  }
});
