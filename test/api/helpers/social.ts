/**
 * Social helpers for the API tests: active images inserted through the repository (no upload, no worker),
 * and the like and comment routes.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { ImageStatus } from '../../../src/domain/gallery/image.js';
import type { TestApp } from '../../support/build-app.js';
import { seedImage, type SeedImage } from '../../support/seed-images.js';
import { bearer } from './identity.js';

export interface ImageOptions extends Omit<SeedImage, 'status'> {
  /** Any state: the image is activated, then moved to this status directly. */
  readonly status?: ImageStatus;
}

/** An image of `ownerId`, active (or in `status`), created straight through the ports. */
export async function makeImage(t: TestApp, ownerId: string, options: ImageOptions = {}): Promise<string> {
  const { status = 'active', ...seed } = options;
  const { id } = await seedImage(t.container.ports.images, t.container.sql.db, ownerId, seed);
  if (status !== 'active') await setImageStatus(t, id, status);
  return id;
}

export const setImageStatus = (t: TestApp, id: string, status: string) => t.container.sql.db.updateTable('images').set({ status }).where('id', '=', id).execute();
export const setImageVisibility = (t: TestApp, id: string, visibility: string) => t.container.sql.db.updateTable('images').set({ visibility }).where('id', '=', id).execute();
export const setUserStatus = (t: TestApp, id: string, status: string) => t.container.sql.db.updateTable('users').set({ status }).where('id', '=', id).execute();

export async function counters(t: TestApp, imageId: string): Promise<{ like_count: number; comment_count: number }> {
  return t.container.sql.db.selectFrom('images').select(['like_count', 'comment_count']).where('id', '=', imageId).executeTakeFirstOrThrow();
}

const auth = (token: string | null | undefined) => (token ? bearer(token) : {});

export function like(t: TestApp, token: string | null, imageId: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/v1/images/${imageId}/like`, headers: auth(token) });
}

export function unlike(t: TestApp, token: string | null, imageId: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'DELETE', url: `/api/v1/images/${imageId}/like`, headers: auth(token) });
}

export function comment(t: TestApp, token: string | null, imageId: string, payload: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/v1/images/${imageId}/comments`, headers: auth(token), payload: payload as Record<string, unknown> });
}

export function getJson(t: TestApp, url: string, token?: string | null): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers: auth(token) });
}

export interface PageJson<T> {
  items: T[];
  pagination: { page?: number; per_page: number; total?: number; total_pages?: number; next_cursor?: string | null };
}

/** Follows `next_cursor` from `?cursor=` to the end; returns every item in order. */
export async function walkCursor<T>(t: TestApp, url: string, token?: string | null, perPage = 2): Promise<T[]> {
  const items: T[] = [];
  let cursor = '';
  for (let i = 0; i < 100; i++) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await getJson(t, `${url}${sep}per_page=${perPage}&cursor=${encodeURIComponent(cursor)}`, token);
    if (res.statusCode !== 200) throw new Error(res.body);
    const body = res.json<PageJson<T>>();
    items.push(...body.items);
    if (!body.pagination.next_cursor) return items;
    cursor = body.pagination.next_cursor;
  }
  throw new Error('cursor did not end');
}
