/**
 * What every browser suite does with a page: watch for dialogs, CSP violations and uncaught errors (each one
 * a bug the suite asserts is absent), log in through the form, and save screenshots under test-results/ for a
 * person to look at (light and dark, desktop and 360 px).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { killAll, ROOT, type ServerProcess } from './spawn-server.js';
import type { Browser } from './browser.js';

export const SCREENSHOTS = path.join(ROOT, 'test-results');

export interface WatchedPage {
  readonly page: Page;
  /** Messages of alert/confirm/prompt dialogs that opened (each was dismissed; confirms accepted when asked). */
  readonly dialogs: string[];
  readonly cspViolations: string[];
  readonly pageErrors: string[];
  /** Accept the next confirm() dialogs instead of dismissing them. */
  acceptConfirms(accept: boolean): void;
}

export async function openPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  const watched = { page, dialogs: [] as string[], cspViolations: [] as string[], pageErrors: [] as string[], accept: false };
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'confirm' && watched.accept) return void dialog.accept();
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) watched.cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => watched.pageErrors.push(error.message));
  return {
    page,
    dialogs: watched.dialogs,
    cspViolations: watched.cspViolations,
    pageErrors: watched.pageErrors,
    acceptConfirms(accept: boolean) {
      watched.accept = accept;
    },
  };
}

/** Logs in through the app's own form (the page must show the header's "Log in" link). */
export async function logInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.locator('.site-header a[href="/login"]').click();
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('.form-page button[type="submit"]').click();
  await page.locator('.site-header button', { hasText: 'Log out' }).waitFor();
}

/**
 * Saves `<name>.png` (the current viewport and theme, full page); with `all`, also `<name>-360.png` and
 * `<name>-dark.png`, restoring the viewport and theme afterwards.
 */
export async function screenshot(page: Page, name: string, options: { all?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  if (!options.all) {
    // A full-page capture stretches the viewport for a moment; a real resize afterwards puts hit-testing back
    // (without one, a following click was seen landing on the element under the old layout).
    await page.setViewportSize({ ...viewport, height: viewport.height + 1 });
    await page.setViewportSize(viewport);
    return;
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-360.png`), fullPage: true });
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The page's horizontal overflow in CSS pixels (0 when nothing sticks out at the current width). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** The end of every browser suite: the browser, then the server and any process it left, then its data. */
export async function tearDown(parts: { browser?: Browser | undefined; server?: ServerProcess | undefined; dataDir: string }): Promise<void> {
  await parts.browser?.close();
  await parts.server?.stop().catch(() => undefined);
  await killAll();
  fs.rmSync(parts.dataDir, { recursive: true, force: true });
}
