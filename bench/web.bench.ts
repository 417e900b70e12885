/**
 * The web app's first load in Chromium on loopback, cold cache each time: first contentful paint and the time
 * until the first grid image is on screen, served by Tessera against the same build served by nginx
 * (precompressed files, /api/ proxied to the same Tessera), so the ratio is what serving the app from Node
 * costs. Also the bytes of the first load (the shell plus the entry's scripts and styles), Brotli and gzip,
 * against the same files uncompressed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { photoJpeg } from './lib/images.js';
import { postMultipart } from './lib/upload.js';
import { type Running } from './lib/processes.js';
import { fmt, median, section, type Table } from './lib/table.js';
import { signUp, startTessera } from './lib/tessera.js';
import { startNginxSpa } from './reference/nginx.js';

const WEB_ROOT = path.resolve('dist/web');
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const LOADS = Number(process.env.BENCH_WEB_LOADS ?? 15);
const IMAGES = 12;

export async function webBench(table: Table): Promise<void> {
  section('Web app first load (Chromium, loopback, cold cache)');
  firstLoadBytes(table);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  const running: Running[] = [];
  let browser: Browser | undefined;
  try {
    const tessera = await startTessera({});
    running.push(tessera);
    await seed(tessera);
    const nginx = await startNginxSpa(WEB_ROOT, tessera.url);
    if (!nginx) throw new Error('nginx is not installed (apt-get install -y nginx-light): no reference for the first load');
    running.push(nginx);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const samples = { tessera: [] as Timing[], nginx: [] as Timing[] };
    // Alternating, so background load on the two cores hits both alike.
    for (let i = 0; i < LOADS; i++) {
      samples.tessera.push(await firstLoad(browser, tessera.url));
      samples.nginx.push(await firstLoad(browser, nginx.url));
    }
    const pick = (list: Timing[], key: keyof Timing) => median(list.map((t) => t[key]));
    table.record(`Explore page first contentful paint (median of ${LOADS})`, pick(samples.tessera, 'fcp'), 'ms', 'same build from nginx', pick(samples.nginx, 'fcp'), { max: 1.5 });
    table.record(`Explore page first grid image shown (${IMAGES} public images)`, pick(samples.tessera, 'firstImage'), 'ms', 'same build from nginx', pick(samples.nginx, 'firstImage'), { max: 1.5 });
  } finally {
    await browser?.close();
    for (const r of running.reverse()) await r.stop();
  }
}

/** The shell, plus the scripts and stylesheets it names: what a first visit downloads before any API call. */
function firstLoadBytes(table: Table): void {
  const shell = fs.readFileSync(path.join(WEB_ROOT, 'index.html'), 'utf8');
  const assets = [...shell.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => path.join(WEB_ROOT, m[1]!));
  if (assets.length === 0) throw new Error('the shell names no assets: is dist/web a Vite build?');
  const size = (suffix: string) => assets.reduce((sum, file) => sum + fs.statSync(file + suffix).size, Buffer.byteLength(shell));
  const raw = size('');
  table.record('Web app first load, Brotli (shell + entry JS + CSS)', size('.br') / 1024, 'KiB', 'uncompressed', raw / 1024);
  table.record('Web app first load, gzip', size('.gz') / 1024, 'KiB', 'uncompressed', raw / 1024);
}

interface Timing {
  readonly fcp: number;
  readonly firstImage: number;
}

async function firstLoad(browser: Browser, url: string): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/`);
    // Polled from here: the app's CSP forbids the string evaluation waitForFunction would do in the page.
    const firstImage = await pollInPage(page, imageShownAt);
    const fcp = await page.evaluate(paintTime);
    if (!Number.isFinite(fcp)) throw new Error(`${url}: no first-contentful-paint entry`);
    return { fcp, firstImage };
  } finally {
    await context.close();
  }
}

// These run in the page; typed loosely because the bench has no DOM typings.
type PageGlobals = { document: { querySelectorAll(s: string): ArrayLike<{ complete: boolean; naturalWidth: number }> }; performance: { now(): number; getEntriesByName(name: string): { startTime: number }[] } };

function imageShownAt(): number | null {
  const { document, performance } = globalThis as unknown as PageGlobals;
  return Array.from(document.querySelectorAll('.grid img')).some((img) => img.complete && img.naturalWidth > 0) ? performance.now() : null;
}

function paintTime(): number {
  return (globalThis as unknown as PageGlobals).performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
}

async function pollInPage(page: Page, probe: () => number | null): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await page.evaluate(probe);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('the grid showed no image within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function seed(tessera: Running): Promise<void> {
  const auth = await signUp(tessera, 'webbench');
  const photo = await photoJpeg({ width: 1600, height: 1067 });
  for (let i = 0; i < IMAGES; i++) {
    const fields = { title: `Photo ${i + 1}`, visibility: 'public' };
    const res = await postMultipart(`${tessera.url}/api/v1/images?wait=true`, photo, { headers: auth, fields, filename: `photo-${i}.jpg` });
    if (res.status !== 201) throw new Error(`seeding upload ${i} answered ${res.status}`);
  }
  process.stderr.write(`  seeded ${IMAGES} public images (${fmt(photo.length / 1024)} KiB each)\n`);
}
