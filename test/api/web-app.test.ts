/**
 * The web app's routes (routes/web-app.ts) on a stand-in build: the shell for page paths with the app CSP,
 * immutable hashed assets, and the server's own paths still answering problem documents. Without a build the
 * server boots and `/` is a plain 404 problem.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-app.js';
import { expectProblem } from './helpers/problem.js';

const SCRIPT = `console.log(${JSON.stringify('tessera '.repeat(200))})`;
const SHELL = '<!doctype html><title>Tessera</title><script type="module" src="/assets/index-abc123.js"></script>';

describe('with a web build', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-web-'));
  let t: TestApp;
  beforeAll(async () => {
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), SHELL);
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), SCRIPT);
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js.br'), zlib.brotliCompressSync(SCRIPT));
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js.gz'), zlib.gzipSync(SCRIPT));
    t = await buildTestApp({ webRoot: root });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it.each(['/', '/images/0190f5c2-7a3b-7c4d-8e5f-0123456789ab', '/tags/sea', '/search?q=sea', '/nope'])('GET %s → the shell, strict CSP', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.body).toBe(SHELL);
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    ['br, gzip', 'br', (b: Buffer) => zlib.brotliDecompressSync(b)],
    ['gzip', 'gzip', (b: Buffer) => zlib.gunzipSync(b)],
    ['identity', undefined, (b: Buffer) => b],
  ] as const)('Accept-Encoding: %s gets the build-time %s copy of an asset', async (accept, encoding, decode) => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': accept } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toMatch(/javascript/);
    if (encoding) expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
    expect(decode(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it.each(['/api/v1/nope', '/api/nope', '/api', '/health/live/', '/metrics/', '/assets/missing.js'])('GET %s stays a 404 problem', async (url) => {
    expectProblem(await t.app.inject({ method: 'GET', url }), { status: 404, slug: 'not-found', instance: url });
  });

  it.each(['POST', 'PUT', 'DELETE'])('%s on a page path → 404, never the shell or 405', async (method) => {
    expectProblem(await t.app.inject({ method, url: '/images/x' }), { status: 404, slug: 'not-found' });
  });
});

describe('without a web build', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ webRoot: path.join(os.tmpdir(), 'tessera-no-such-web-build') });
  });
  afterAll(() => t.close());

  it('boots, and / is a plain 404 problem', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/' }), { status: 404, slug: 'not-found', instance: '/' });
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });
});
