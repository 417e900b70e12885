/**
 * The image page in Chromium against the built server: camera facts for everyone and the position for the
 * owner only, share codes copied to the clipboard exactly (HTML escaping of a hostile title), the owner's
 * edit form (field errors, persisted changes), a report and a refused second report, comment deletion,
 * processing and moderation states, previous/next from the explore grid with the arrow keys, and deletion
 * through a confirm. Data is seeded through the public API; every page is watched for dialogs, CSP
 * violations and errors.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PASSWORD, register, tail, upload, type Body } from '../support/e2e-client.js';
import { chromiumAvailable, launchBrowser, type Browser } from '../support/browser.js';
import { horizontalOverflow, logInThroughForm, openPage, screenshot, tearDown, type WatchedPage } from '../support/web-page.js';
import { ensureBuilt, spawnServer, tempDataDir, type ServerProcess } from '../support/spawn-server.js';

const LANDSCAPE = fs.readFileSync(fileURLToPath(new URL('../fixtures/images/landscape.jpg', import.meta.url)));
/** Quotes, angle brackets, an ampersand and square brackets: every share format has something to escape. */
const TITLE = `Say "hi" <b>& [it]'s`;
/** One unbroken word far wider than a phone screen. */
const LONG_TITLE = `Grid one ${'Panorama'.repeat(30)}`;

describe.runIf(chromiumAvailable())('image page in Chromium', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  const watched: WatchedPage[] = [];
  const tokens: Record<string, string> = {};
  let ownerId = '';
  let main: Body;
  const grid: Record<string, string> = {};

  beforeAll(async () => {
    await ensureBuilt();
    server = await spawnServer({ env: { DATA_DIR: dataDir, RATE_LIMIT_ENABLED: 'false', ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: PASSWORD } });
    await server.waitForReady();
    for (const name of ['olive', 'sam']) tokens[name] = await register(server, name);
    ownerId = (await call(server, 'GET', '/users/me', undefined, tokens.olive)).body.id as string;
    // Oldest first, so the explore grid (newest first) reads: main, Grid two, Grid one.
    for (const [key, title] of [['Grid one', LONG_TITLE], ['Grid two', 'Grid two']] as const) {
      const res = await upload(server, tokens.olive!, { title, visibility: 'public' }, LANDSCAPE, { wait: true });
      expect(res.status, JSON.stringify(res.body) + tail(server)).toBe(201);
      grid[key] = res.body.id as string;
    }
    const res = await upload(server, tokens.olive!, { title: TITLE, visibility: 'public', tags: 'sea', description: 'From the pier.' }, LANDSCAPE, { wait: true });
    expect(res.status, JSON.stringify(res.body) + tail(server)).toBe(201);
    expect(res.body.status).toBe('active');
    main = res.body;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await tearDown({ browser, server, dataDir });
  });

  /** A new watched page, signed in as `name` (through the form) or anonymous, showing `path`. */
  async function open(name: string | null, path: string): Promise<WatchedPage> {
    const w = await openPage(browser);
    watched.push(w);
    if (name === null) {
      await w.page.goto(server.url + path);
      return w;
    }
    // A full load forgets the in-memory session: log in first, then move inside the app as a link would.
    await w.page.goto(`${server.url}/`);
    await logInThroughForm(w.page, `${name}@example.com`, PASSWORD);
    await w.page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`);
    return w;
  }

  async function factsOf(w: WatchedPage, section: string): Promise<Record<string, string>> {
    const terms = await w.page.locator(`${section} dt`).allTextContents();
    const values = await w.page.locator(`${section} dd`).allTextContents();
    expect(values).toHaveLength(terms.length);
    return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? '']));
  }

  it('shows a visitor the camera facts but no location, the owner link, and a login link to report', async () => {
    const w = await open(null, `/images/${main.id}`);
    const { page } = w;
    await page.locator('h1', { hasText: TITLE }).waitFor();
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    expect(await factsOf(w, '.exif')).toEqual({
      Camera: 'Tessera Optics TX-100',
      Lens: 'TX 35mm F2.8',
      Taken: main.exif.taken_at.replace('T', ' '),
      Exposure: `${main.exif.exposure_time} s`,
      Aperture: 'ƒ/2.8',
      'Focal length': '35 mm',
      ISO: '200',
    });
    expect(main.exif.taken_at).toMatch(/^2024-05-17T\d\d:03:22/);
    expect(await page.locator('.exif-gps').count()).toBe(0);
    expect(await page.getByText('latitude', { exact: false }).count()).toBe(0);
    expect(await page.locator('a.owner').getAttribute('href')).toBe(`/users/${ownerId}`);
    expect(await page.locator('a.owner').textContent()).toBe('olive');
    expect(await page.locator('a', { hasText: 'Log in to report' }).getAttribute('href')).toBe('/login');
    expect(await page.locator('button', { hasText: /^(Edit|Delete)/ }).count()).toBe(0);
    expect(await page.locator('.badges').count()).toBe(0);
    expect(await page.locator('.original').count()).toBe(0);
    // Opened directly, not from a grid: no previous/next.
    expect(await page.locator('.browse').count()).toBe(0);
    await screenshot(page, 'image-visitor', { all: true });
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page)).toBe(0);
    await page.close();
  });

  it('shows the owner the location as text with an OpenStreetMap link, and says only they see it', async () => {
    const { page } = await open('olive', `/images/${main.id}`);
    await page.locator('.exif-gps').waitFor();
    const gps = (await call(server, 'GET', `/images/${main.id}`, undefined, tokens.olive)).body.exif.gps as { latitude: number; longitude: number; altitude_m: number };
    expect(gps.latitude).toBeCloseTo(48.858233, 5);
    const lat = gps.latitude.toFixed(6);
    const lon = gps.longitude.toFixed(6);
    expect(await page.locator('.exif-gps .latitude').textContent()).toBe(lat);
    expect(await page.locator('.exif-gps .longitude').textContent()).toBe(lon);
    expect(await page.locator('.exif-gps .altitude').textContent()).toBe(`${gps.altitude_m} m`);
    expect(await page.locator('.exif-gps a.osm-link').getAttribute('href')).toBe(`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=15/${lat}/${lon}`);
    expect(await page.locator('.exif-gps').textContent()).toContain('Only you can see the location');
    // The owner may not report their own image.
    expect(await page.locator('.report').count()).toBe(0);
    // The uploaded file itself, byte for byte, under its sanitised original name.
    const original = page.locator('.original a');
    expect(await original.getAttribute('download')).toMatch(/\.jpg$/);
    const bytes = Buffer.from(await (await fetch(new URL((await original.getAttribute('href'))!, server.url))).arrayBuffer());
    expect(bytes.equals(LANDSCAPE)).toBe(true);
    await screenshot(page, 'image-owner', { all: true });
    await page.close();
  });

  it('copies each share code exactly, with the title escaped for HTML and Markdown', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const { page } = await open('sam', `/images/${main.id}`);
    await page.locator('.share-codes').waitFor();
    await page.bringToFront();
    const pageUrl = `${server.url}/images/${main.id}`;
    const imageUrl = `${server.url}/api/v1/images/${main.id}/variants/large`;
    const { width, height } = main.variants.large as { width: number; height: number };
    const expected: Record<string, string> = {
      'Direct link': pageUrl,
      'Direct image link': imageUrl,
      HTML: `<a href="${pageUrl}"><img src="${imageUrl}" alt="Say &quot;hi&quot; &lt;b&gt;&amp; [it]&#39;s" width="${width}" height="${height}"></a>`,
      Markdown: `[![Say "hi" <b>& \\[it\\]'s](${imageUrl})](${pageUrl})`,
      BBCode: `[url=${pageUrl}][img]${imageUrl}[/img][/url]`,
    };
    for (const [label, value] of Object.entries(expected)) {
      const row = page.locator('.share-row', { has: page.getByLabel(label, { exact: true }) });
      expect(await row.locator('input').inputValue()).toBe(value);
      await row.getByRole('button', { name: `Copy ${label}` }).click();
      await row.locator('.copy-status', { hasText: 'Copied' }).waitFor();
      expect(await page.evaluate<string>('navigator.clipboard.readText()'), label).toBe(value);
    }
    expect(await page.locator('.copy-status[aria-live="polite"]').count()).toBe(5);
    await page.close();
  });

  it('lets the owner edit title, tags and visibility inline, shows field errors, and the change persists', async () => {
    const { page } = await open('olive', `/images/${main.id}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('edit-title');
    await page.locator('#edit-title').fill('Harbour lights');
    await page.locator('#edit-tags').fill('Sea, x');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#edit-tags-error').waitFor();
    expect(await page.locator('#edit-tags-error').textContent()).toBe('"x": tag must be 2–50 characters');
    expect(await page.locator('#edit-tags').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    await screenshot(page, 'image-owner-edit');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.locator('#edit-tags').fill('Sea, Harbour Night,');
    await page.locator('#edit-visibility').selectOption('unlisted');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('h1', { hasText: 'Harbour lights' }).waitFor();
    expect(await page.locator('.image-edit-form').count()).toBe(0);
    expect(await page.locator('.tags a').allTextContents()).toEqual(['#harbour-night', '#sea']);
    expect(await page.locator('.badges').textContent()).toBe('Unlisted');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Edit');
    // Unlisted images are still shared; the alt text follows the new title.
    expect(await page.getByLabel('HTML', { exact: true }).inputValue()).toContain('alt="Harbour lights"');
    const stored = (await call(server, 'GET', `/images/${main.id}`, undefined, tokens.olive)).body;
    expect(stored).toMatchObject({ title: 'Harbour lights', tags: ['harbour-night', 'sea'], visibility: 'unlisted', description: 'From the pier.' });

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.locator('#edit-visibility').selectOption('private');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.badges', { hasText: 'Private' }).waitFor();
    expect(await page.locator('.share-codes').count()).toBe(0);
    expect(await page.locator('.share').textContent()).toContain('Make it public or unlisted to share it');

    // Cancel discards; then back to public for the grid test.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.locator('#edit-title').fill('Never saved');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('h1').textContent()).toBe('Harbour lights');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.locator('#edit-visibility').selectOption('public');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.share-codes').waitFor();
    expect(await page.locator('.badges').count()).toBe(0);
    expect((await call(server, 'GET', `/images/${main.id}`)).body).toMatchObject({ title: 'Harbour lights', visibility: 'public' });
    await page.close();
  });

  it('lets another user report the image, and says so in words when a second report is refused', async () => {
    const { page } = await open('sam', `/images/${main.id}`);
    // A signed-in stranger: camera facts, never the position.
    await page.locator('.exif').waitFor();
    expect(await page.locator('.exif-gps').count()).toBe(0);
    await page.getByRole('button', { name: 'Report…' }).click();
    await page.locator('#report-reason').selectOption('other');
    await page.getByRole('button', { name: 'Send report' }).click();
    expect(await page.locator('.report-form [role="alert"]').textContent()).toContain('description is required');
    await screenshot(page, 'image-report');
    await page.locator('#report-description').fill('Not their photo.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Thanks — a moderator will review it').waitFor();
    expect(await page.locator('.report-form').count()).toBe(0);
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Report…');

    await page.getByRole('button', { name: 'Report…' }).click();
    await page.locator('#report-reason').selectOption('spam');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.locator('.report-form [role="alert"]', { hasText: 'already reported' }).waitFor();
    expect(await page.locator('.report-form [role="alert"]').textContent()).toBe(
      'You have already reported this image, and that report is still open: a moderator will review it.',
    );
    await page.close();
  });

  it('lets the image owner delete another user’s comment after a confirm', async () => {
    const posted = await call(server, 'POST', `/images/${main.id}/comments`, { content: 'Nice <i>one</i>' }, tokens.sam);
    expect(posted.status).toBe(201);
    const sam = await open('sam', `/images/${main.id}`);
    await sam.page.locator('.comment .content', { hasText: 'Nice <i>one</i>' }).waitFor();
    // The author may delete their own comment too.
    expect(await sam.page.locator('.comment button', { hasText: 'Delete' }).count()).toBe(1);
    await sam.page.close();

    const w = await open('olive', `/images/${main.id}`);
    const comment = w.page.locator('.comment', { hasText: 'Nice <i>one</i>' });
    await comment.waitFor();
    w.acceptConfirms(true);
    await comment.getByRole('button', { name: 'Delete comment by sam' }).click();
    await comment.waitFor({ state: 'detached' });
    w.acceptConfirms(false);
    expect((await call(server, 'GET', `/images/${main.id}/comments`)).body.items).toEqual([]);
    await w.page.close();
  });

  it('polls a processing image until it is active, and tells the owner when moderation hid one', async () => {
    const w = await open('olive', '/');
    const { page } = w;
    const path = `/api/v1/images/${grid['Grid one']}`;
    // The first answer says "processing" (as a fresh upload would), the next ones are the real image.
    let served = 0;
    await page.route(`**${path}`, async (route) => {
      served += 1;
      const response = await route.fetch();
      const body = (await response.json()) as Body;
      await route.fulfill({ response, json: served === 1 ? { ...body, status: 'processing', variants: {}, exif: null } : body });
    });
    await page.evaluate(`history.pushState(null, '', '/images/${grid['Grid one']}'); dispatchEvent(new PopStateEvent('popstate'))`);
    await page.locator('[role="status"]', { hasText: 'Processing…' }).waitFor();
    expect(await page.locator('.badges').textContent()).toBe('Processing');
    await page.locator('img.large').waitFor();
    expect(served).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.badges').count()).toBe(0);
    await page.unroute(`**${path}`);

    await page.route(`**${path}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...((await response.json()) as Body), status: 'flagged' } });
    });
    await page.evaluate(`history.pushState(null, '', '/'); dispatchEvent(new PopStateEvent('popstate'))`);
    await page.evaluate(`history.pushState(null, '', '/images/${grid['Grid one']}'); dispatchEvent(new PopStateEvent('popstate'))`);
    await page.locator('.badges', { hasText: 'Hidden by moderation' }).waitFor();
    expect(await page.locator('.notice').textContent()).toBe('Hidden by moderation: only you and the moderators can see this image.');
    await page.close();
  });

  it('goes to the next and previous image with the arrow keys when opened from the explore grid', async () => {
    const { page } = await open(null, '/');
    await page.locator('.grid a', { hasText: 'Grid two' }).click();
    await page.locator('h1', { hasText: 'Grid two' }).waitFor();
    expect(await page.locator('.browse a[rel="prev"]').getAttribute('href')).toBe(`/images/${main.id}`);
    expect(await page.locator('.browse a[rel="next"]').textContent()).toBe('Next →');

    await page.keyboard.press('ArrowRight');
    await page.locator('h1', { hasText: 'Grid one' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/images/${grid['Grid one']}`);
    expect(await page.locator('.browse a[rel="next"]').count()).toBe(0);
    // The unbroken title wraps instead of widening the page.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.locator('h1', { hasText: 'Grid two' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.locator('h1', { hasText: 'Harbour lights' }).waitFor();
    expect(await page.locator('.browse a[rel="prev"]').count()).toBe(0);

    // The visible links do the same; in a text field the arrows move the caret, not the page.
    await page.locator('.browse a[rel="next"]').click();
    await page.locator('h1', { hasText: 'Grid two' }).waitFor();
    await page.locator('#search-q').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Escape');
    expect(new URL(page.url()).pathname).toBe(`/images/${grid['Grid two']}`);
    expect(await page.locator('h1').textContent()).toBe('Grid two');
    await page.close();
  });

  it('lets an admin edit and delete another user’s image, without ever showing them its location', async () => {
    const w = await open('root', `/images/${grid['Grid two']}`);
    const { page } = w;
    await page.locator('.exif').waitFor();
    expect(await page.locator('.exif-gps').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(1);
    // Staff may report others' images too.
    expect(await page.getByRole('button', { name: 'Report…' }).count()).toBe(1);
    w.acceptConfirms(true);
    await page.getByRole('button', { name: 'Delete (moderation)' }).click();
    await page.waitForURL(`${server.url}/`);
    expect((await call(server, 'GET', `/images/${grid['Grid two']}`, undefined, tokens.olive)).status).toBe(404);
    await page.close();
  });

  it('deletes the image after a confirm, lands on My images, and the image is gone', async () => {
    const w = await open('olive', `/images/${main.id}`);
    await w.page.getByRole('button', { name: 'Delete', exact: true }).waitFor();
    w.acceptConfirms(true);
    await w.page.getByRole('button', { name: 'Delete', exact: true }).click();
    await w.page.waitForURL('**/me/images');
    expect((await call(server, 'GET', `/images/${main.id}`, undefined, tokens.olive)).status).toBe(404);
    await w.page.close();
  });

  it('opened no dialog besides the accepted confirms, and had no CSP violation or page error', () => {
    expect(watched.length).toBeGreaterThan(5);
    expect(watched.flatMap((w) => w.dialogs)).toEqual([]);
    expect(watched.flatMap((w) => w.cspViolations)).toEqual([]);
    expect(watched.flatMap((w) => w.pageErrors)).toEqual([]);
  });
});
