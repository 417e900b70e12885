/**
 * The account page and the public user page in Chromium against the built server: sessions listed and revoked
 * (the revoked refresh token stops working), profile edits reaching the header and the public page (bio as
 * text), password change (wrong current password shown at its field; the current session survives, the new
 * password works), log out everywhere (tokens from elsewhere stop working), and deleting the account. The
 * user, their images and their other sessions are made through the public API. The tests run in order.
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
const EMAIL = 'grace@example.com';
const NEW_PASSWORD = 'a much longer passphrase 2026';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';
const BIO = 'Harbour photographer <b>not bold</b>\nSecond line';
const ADMIN = { email: 'root-admin@example.com', password: 'admin passphrase for the web suite' };

describe.runIf(chromiumAvailable())('account and public user pages in Chromium', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  let userId = '';
  let adminId = '';
  const albums: Record<string, string> = {};
  /** The tokens of the session opened from "Firefox on Windows" through the API. */
  let other = { status: 0, access: '', refresh: '' };

  /** Logs in through the API with a chosen User-Agent, as another device would. */
  async function apiLogin(password: string, userAgent = FIREFOX) {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ email: EMAIL, password }),
    });
    const body = (await res.json()) as { access_token?: string; refresh_token?: string };
    return { status: res.status, access: body.access_token ?? '', refresh: body.refresh_token ?? '' };
  }

  async function expectNoOverflowAt360() {
    const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(page)).toBe(0);
    await page.setViewportSize(viewport);
  }

  beforeAll(async () => {
    await ensureBuilt();
    server = await spawnServer({ env: { DATA_DIR: dataDir, RATE_LIMIT_ENABLED: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
    await server.waitForReady();
    const admin = await call(server, 'POST', '/auth/login', ADMIN);
    expect(admin.status, JSON.stringify(admin.body) + tail(server)).toBe(200);
    adminId = admin.body.user.id as string;
    const token = await register(server, 'grace');
    userId = (await call(server, 'GET', '/users/me', undefined, token)).body.id as string;
    const images: Record<string, string> = {};
    for (const [title, visibility] of [['Public harbour', 'public'], ['Private garden', 'private']] as const) {
      const res = await upload(server, token, { title, visibility }, LANDSCAPE, { wait: true });
      expect(res.status, JSON.stringify(res.body) + tail(server)).toBe(201);
      images[title] = res.body.id as string;
    }
    for (const [title, visibility] of [['Harbours', 'public'], ['Secret plans', 'private']] as const) {
      const res = await call(server, 'POST', '/albums', { title, visibility, cover_image_id: images['Public harbour'] }, token);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      albums[title] = res.body.id as string;
    }
    // The registration's own session is not one of the two devices this suite is about.
    expect((await call(server, 'POST', '/auth/logout', {}, token)).status).toBe(204);
    const login = await apiLogin(PASSWORD);
    expect(login.status).toBe(200);
    other = login;
    browser = await launchBrowser();
    watched = await openPage(browser);
    page = watched.page;
  });

  afterAll(async () => {
    await tearDown({ browser, server, dataDir });
  });

  it('asks an anonymous visitor to log in', async () => {
    await page.goto(`${server.url}/account`);
    const prompt = page.locator('main p', { hasText: 'to manage your account' });
    await prompt.waitFor();
    expect(await prompt.textContent()).toBe('Log in to manage your account.');
    // The login link brings the visitor back here afterwards.
    expect(await prompt.locator('a').getAttribute('href')).toBe('/login?next=%2Faccount');
  });

  it('lists both sessions, this device marked, with readable browsers and relative times', async () => {
    await logInThroughForm(page, EMAIL, PASSWORD);
    await page.locator('.site-header a.who').click();
    await page.waitForURL('**/account');
    const items = page.locator('.session-item');
    await expect.poll(() => items.count()).toBe(2);
    const current = page.locator('.session-item.session-current');
    expect(await current.count()).toBe(1);
    expect(await current.locator('.session-badge').textContent()).toBe('This device');
    expect(await current.locator('.session-device').textContent()).toMatch(/Chrome on Linux$/);
    const firefox = page.locator('.session-item:not(.session-current)');
    expect(await firefox.locator('.session-device').textContent()).toBe('Firefox on Windows');
    expect(await firefox.locator('.session-device').getAttribute('title')).toBe(FIREFOX);
    expect(await firefox.locator('.session-raw code').textContent()).toBe(FIREFOX);
    expect(await firefox.locator('dd').first().textContent()).toBe('127.0.0.1');
    expect(await firefox.locator('time').first().textContent()).toMatch(/^(now|\d+ seconds? ago|\d+ minutes? ago)$/);
    expect(await firefox.locator('.session-badge').count()).toBe(0);
    // Profile facts are read-only text.
    expect(await page.locator('.account-facts').textContent()).toContain('@grace');
    expect(await page.locator('.account-facts').textContent()).toContain(EMAIL);
    await screenshot(page, 'account', { all: true });
    await expectNoOverflowAt360();
  });

  it('revokes the other session: it leaves the list and its refresh token is refused', async () => {
    await page.locator('.session-item:not(.session-current) button', { hasText: 'Revoke' }).click();
    await expect.poll(() => page.locator('.session-item').count()).toBe(1);
    expect(await page.locator('.session-item.session-current').count()).toBe(1);
    const refreshed = await call(server, 'POST', '/auth/refresh', { refresh_token: other.refresh });
    expect(refreshed.status).toBe(401);
    expect((await call(server, 'GET', '/users/me', undefined, other.access)).status).toBe(401);
  });

  it('saves the display name and bio: the header shows the name, the public page the bio as text', async () => {
    await page.locator('#profile-display-name').fill('Grace H.');
    await page.locator('#profile-bio').fill(BIO);
    await page.locator('button', { hasText: 'Save profile' }).click();
    await page.locator('.account-status', { hasText: 'Saved' }).waitFor();
    expect(await page.locator('.site-header a.who').textContent()).toBe('Grace H.');
    const stored = await call(server, 'GET', `/users/${userId}`);
    expect(stored.body.bio).toBe(BIO);

    await page.locator('a', { hasText: 'View your public page' }).click();
    await page.waitForURL(`**/users/${userId}`);
    await page.locator('.user-bio').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Grace H.');
    expect(await page.locator('.user-username').textContent()).toBe('@grace');
    expect(await page.locator('.user-bio').textContent()).toBe(BIO);
    expect(await page.locator('.user-bio b').count()).toBe(0);
    expect(await page.locator('.user-role').count()).toBe(0);
    // Her own page links to where she manages it.
    expect(await page.locator('.user-own-links a[href="/account"]').count()).toBe(1);
    expect(await page.locator('.user-own-links a[href="/me/images"]').count()).toBe(1);
  });

  it('shows only the public images on the public page, even to their owner', async () => {
    await page.locator('img[alt="Public harbour"]').waitFor();
    expect(await page.locator('img[alt="Private garden"]').count()).toBe(0);
    // Albums too: the public one as a card linking to it, the private one left out even for its owner.
    const card = page.locator(`.user-albums a[href="/albums/${albums.Harbours}"]`);
    await card.waitFor();
    expect(await card.locator('.card-title').textContent()).toBe('Harbours');
    expect(await card.locator('.user-album-count').textContent()).toBe('1 image');
    expect(await card.locator('img').getAttribute('src')).toMatch(/variants\/thumbnail/);
    expect(await page.locator('.user-albums li').count()).toBe(1);
    expect(await page.locator(`a[href="/albums/${albums['Secret plans']}"]`).count()).toBe(0);
    expect(await page.locator('.user-section', { has: page.locator('#user-images-heading') }).locator('.grid li').count()).toBe(1);

    // A second tab has no tokens (they live in memory): the anonymous view, without the owner's links.
    const anonymous = await openPage(browser);
    await anonymous.page.goto(`${server.url}/users/${userId}`);
    await anonymous.page.locator('img[alt="Public harbour"]').waitFor();
    expect(await anonymous.page.locator('img[alt="Private garden"]').count()).toBe(0);
    expect(await anonymous.page.locator('.user-own-links').count()).toBe(0);
    expect(await anonymous.page.locator('.user-bio').textContent()).toBe(BIO);
    await anonymous.page.locator('.user-albums li').waitFor();
    await screenshot(anonymous.page, 'user-profile', { all: true });
    await anonymous.page.setViewportSize({ width: 360, height: 740 });
    expect(await horizontalOverflow(anonymous.page)).toBe(0);

    expect(await anonymous.page.locator('.user-albums li').count()).toBe(1);
    expect(await anonymous.page.locator(`a[href="/albums/${albums['Secret plans']}"]`).count()).toBe(0);

    // Staff wear a badge on their page.
    await anonymous.page.goto(`${server.url}/users/${adminId}`);
    expect(await anonymous.page.locator('.user-role').textContent()).toBe('Administrator');
    const adminImages = anonymous.page.locator('.user-section', { has: anonymous.page.locator('#user-images-heading') });
    expect(await adminImages.locator('.empty').textContent()).toBe('No public images yet.');

    await anonymous.page.goto(`${server.url}/users/01900000-0000-7000-8000-000000000000`);
    await anonymous.page.locator('h1', { hasText: 'User not found' }).waitFor();
    expect(anonymous.cspViolations).toEqual([]);
    expect(anonymous.pageErrors).toEqual([]);
    await anonymous.page.close();
  });

  it('checks the new password in the page, and shows a wrong current password at its field', async () => {
    await page.locator('.user-own-links a[href="/account"]').click();
    await page.waitForURL('**/account');
    await page.locator('#password-current').fill(PASSWORD);
    await page.locator('#password-new').fill('too short');
    await page.locator('#password-confirm').fill('different');
    await page.locator('button', { hasText: 'Change password' }).click();
    expect(await page.locator('#password-new-error').textContent()).toBe('The new password must be at least 12 characters.');
    expect(await page.locator('#password-confirm-error').textContent()).toBe('The two new passwords do not match.');

    await page.locator('#password-current').fill('not my password at all');
    await page.locator('#password-new').fill(NEW_PASSWORD);
    await page.locator('#password-confirm').fill(NEW_PASSWORD);
    await page.locator('button', { hasText: 'Change password' }).click();
    const error = page.locator('#password-current-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).not.toBe('');
    expect(await page.locator('#password-current').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#password-current').getAttribute('aria-describedby')).toContain('password-current-error');
    expect(await page.locator('#password-new-error').count()).toBe(0);
    // The server still has the old password.
    expect((await apiLogin(NEW_PASSWORD)).status).toBe(401);
  });

  it('changes the password: other devices are signed out, this one stays, the new password works', async () => {
    other = await apiLogin(PASSWORD);
    expect(other.status).toBe(200);
    await page.locator('#password-current').fill(PASSWORD);
    await page.locator('button', { hasText: 'Change password' }).click();
    await page.locator('.account-status', { hasText: 'Password changed. Other devices were signed out.' }).waitFor();
    expect(await page.locator('#password-current-error').count()).toBe(0);
    expect(await page.locator('#password-current').inputValue()).toBe('');
    expect((await call(server, 'GET', '/users/me', undefined, other.access)).status).toBe(401);
    // The list was fetched again: only this device is left.
    await expect.poll(() => page.locator('.session-item').count()).toBe(1);

    await page.locator('.site-header a[href="/me/images"]').click();
    await page.waitForURL('**/me/images');
    expect(await page.locator('.site-header a.who').textContent()).toBe('Grace H.');
    // Still signed in as far as the server is concerned: an authenticated list loads.
    await page.locator('.site-header a.who').click();
    await page.waitForURL('**/account');
    await expect.poll(() => page.locator('.session-item.session-current').count()).toBe(1);

    other = await apiLogin(NEW_PASSWORD);
    expect(other.status).toBe(200);
    expect((await apiLogin(PASSWORD)).status).toBe(401);
  });

  it('logs out everywhere after a confirmation: the app is on /login and other tokens stop working', async () => {
    // The API login with the new password is a second device again: the list, fetched anew, shows it.
    await page.locator('.site-header a[href="/me/images"]').click();
    await page.locator('.site-header a.who').click();
    await expect.poll(() => page.locator('.session-item').count()).toBe(2);

    // Dismissed first: nothing happens.
    watched.acceptConfirms(false);
    await page.locator('button', { hasText: 'Log out everywhere' }).click();
    await expect.poll(() => watched.dialogs.length).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/account');
    expect((await call(server, 'GET', '/users/me', undefined, other.access)).status).toBe(200);

    watched.acceptConfirms(true);
    await page.locator('button', { hasText: 'Log out everywhere' }).click();
    await page.waitForURL('**/login');
    await page.locator('.site-header a[href="/login"]').waitFor();
    expect((await call(server, 'GET', '/users/me', undefined, other.access)).status).toBe(401);
    expect((await call(server, 'POST', '/auth/refresh', { refresh_token: other.refresh })).status).toBe(401);
  });

  it('revoking this device from the list is a log-out', async () => {
    await logInThroughForm(page, EMAIL, NEW_PASSWORD);
    await page.locator('.site-header a.who').click();
    await page.locator('.session-item.session-current button', { hasText: 'Log out' }).click();
    await page.waitForURL('**/login');
    await page.locator('.site-header a[href="/login"]').waitFor();
  });

  it('deletes the account with the password: a wrong one is shown at its field, the right one signs out', async () => {
    await logInThroughForm(page, EMAIL, NEW_PASSWORD);
    await page.locator('.site-header a.who').click();
    await page.locator('#delete-password').fill('not my password at all');
    await page.locator('button', { hasText: 'Delete my account' }).click();
    const error = page.locator('#delete-password-error');
    await error.waitFor();
    expect(await error.textContent()).not.toBe('');
    expect((await call(server, 'GET', `/users/${userId}`)).status).toBe(200);

    await page.locator('#delete-password').fill(NEW_PASSWORD);
    await page.locator('button', { hasText: 'Delete my account' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('.site-header a[href="/login"]').waitFor();
    expect((await call(server, 'GET', `/users/${userId}`)).status).toBe(404);
    expect((await apiLogin(NEW_PASSWORD)).status).toBe(401);
  });

  it('raised no CSP violation, page error or unexpected dialog', () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    // The one dismissed "log out everywhere" confirm; the accepted ones are not recorded.
    expect(watched.dialogs).toEqual(['Log out of every device, including this one?']);
  });
});
