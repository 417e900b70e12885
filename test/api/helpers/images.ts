/**
 * Image helpers for the API tests: a hand-built multipart body (so part order, names, filenames and content
 * types are the test's choice, malformed shapes included), `upload` through the real route, fixtures, a
 * worker started in-process, and probes of what an upload left behind (rows, temporary objects, files).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { startWorker } from '../../../src/interfaces/worker/worker.js';
import type { TestApp } from '../../support/build-app.js';
import { bearer } from './identity.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/images/', import.meta.url));

export type FixtureName =
  | 'landscape.jpg'
  | 'rotated.jpg'
  | 'alpha.png'
  | 'animated.gif'
  | 'small.webp'
  | 'photo.avif'
  | 'bomb.png'
  | 'truncated.jpg'
  | 'text.jpg'
  | 'image.svg'
  | 'polyglot.jpg';

const cache = new Map<string, Buffer>();
export function fixture(name: FixtureName): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(FIXTURES, name));
    cache.set(name, bytes);
  }
  return bytes;
}

export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** One multipart part. A `filename` (even empty) makes it a file part for @fastify/multipart. */
export interface Part {
  readonly name: string;
  readonly value: string | Buffer;
  readonly filename?: string;
  readonly contentType?: string;
  /** Extra raw header lines, e.g. a broken Content-Disposition. */
  readonly rawHeaders?: readonly string[];
}

export const field = (name: string, value: string): Part => ({ name, value });
export const file = (bytes: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg', name = 'file'): Part => ({ name, value: bytes, filename, contentType });
export const fixtureFile = (fixtureName: FixtureName, name = 'file'): Part => file(fixture(fixtureName), fixtureName, 'application/octet-stream', name);

export const BOUNDARY = '----tessera-test-boundary-7MA4YWxkTrZu0gW';

export interface MultipartOptions {
  readonly boundary?: string;
  /** Leave out the closing `--boundary--` line. */
  readonly noClosing?: boolean;
}

/** The multipart/form-data body of `parts`, byte for byte as written. */
export function multipart(parts: readonly Part[], options: MultipartOptions = {}): Buffer {
  const boundary = options.boundary ?? BOUNDARY;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.filename === undefined ? `form-data; name="${part.name}"` : `form-data; name="${part.name}"; filename="${part.filename}"`;
    const headers = [`Content-Disposition: ${disposition}`];
    if (part.contentType) headers.push(`Content-Type: ${part.contentType}`);
    headers.push(...(part.rawHeaders ?? []));
    chunks.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`, 'utf8'));
    chunks.push(typeof part.value === 'string' ? Buffer.from(part.value, 'utf8') : part.value);
    chunks.push(Buffer.from('\r\n'));
  }
  if (!options.noClosing) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

export const multipartType = (boundary = BOUNDARY) => `multipart/form-data; boundary=${boundary}`;

export interface UploadOptions {
  readonly wait?: boolean;
  readonly query?: string;
  readonly headers?: Record<string, string>;
}

/** POST /api/v1/images with `parts` (or a raw body) as `token`'s upload; no token → anonymous. */
export function upload(t: TestApp, token: string | null, parts: readonly Part[] | Buffer, options: UploadOptions = {}): Promise<LightMyRequestResponse> {
  const payload = Buffer.isBuffer(parts) ? parts : multipart(parts);
  const query = options.query ?? (options.wait ? 'wait=true' : '');
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/images${query ? `?${query}` : ''}`,
    payload,
    headers: { 'content-type': multipartType(), ...(token ? bearer(token) : {}), ...options.headers },
  });
}

export interface ImageJson {
  id: string;
  owner: { id: string; username: string; display_name: string };
  title: string;
  description: string;
  visibility: string;
  content_rating: string;
  status: string;
  mime_type: string;
  file_size: number;
  width: number;
  height: number;
  sha256: string;
  variants: Record<string, { url: string; width: number; height: number; format: string; file_size: number }>;
  tags: string[];
  exif: null | (Record<string, unknown> & { gps?: { latitude: number; longitude: number; altitude_m: number | null } | null });
  view_count: number;
  like_count: number;
  comment_count: number;
  liked_by_me?: boolean;
  album_ids?: string[];
  original_filename?: string;
  original_url?: string;
  created_at: string;
  updated_at: string;
}

/** Uploads and expects 201; returns the owner view. */
export async function uploadOk(t: TestApp, token: string, parts: readonly Part[], options: UploadOptions = {}): Promise<ImageJson> {
  const res = await upload(t, token, parts, options);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ImageJson>();
}

export function getImage(t: TestApp, id: string, token?: string | null): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url: `/api/v1/images/${id}`, headers: token ? bearer(token) : {} });
}

/** Polls GET /images/{id} as the owner until the status leaves `processing` (or the deadline). */
export async function waitForStatus(t: TestApp, id: string, token: string, timeoutMs = 20_000): Promise<ImageJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await getImage(t, id, token);
    expect(res.statusCode, res.body).toBe(200);
    const image = res.json<ImageJson>();
    if (image.status !== 'processing' || Date.now() > deadline) return image;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The worker side (jobs, outbox relay, heartbeat) on the app's own ports; `stop()` before `t.close()`. */
export function startTestWorker(t: TestApp): { stop(): Promise<void> } {
  const c = t.container;
  return startWorker({ ports: c.ports, queue: c.queue, bus: c.bus, relayStore: c.relayStore, heartbeat: c.heartbeat });
}

export async function imageRows(t: TestApp): Promise<{ id: string; status: string }[]> {
  return t.container.sql.db.selectFrom('images').select(['id', 'status']).execute();
}

/** Every temporary object, whatever its age. */
export async function tempObjects(t: TestApp): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of t.container.ports.storage.listTemp(new Date(Date.now() + 60_000))) keys.push(key);
  return keys;
}

/** After a refused upload: the row count did not move and nothing is left under tmp/. */
export async function expectNothingKept(t: TestApp, rowsBefore: number): Promise<void> {
  expect(await imageRows(t)).toHaveLength(rowsBefore);
  expect(await tempObjects(t)).toEqual([]);
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The path and query of an absolute or root-relative URL, for `inject`. */
export function pathOf(url: string): string {
  const parsed = new URL(url, 'http://localhost');
  return `${parsed.pathname}${parsed.search}`;
}
