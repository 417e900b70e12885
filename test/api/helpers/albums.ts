/**
 * Album helpers for the API tests: images inserted straight through the image port (active in one step, no
 * upload or worker), and album requests through the real routes.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../../support/build-app.js';
import { seedImage, type SeedImage } from '../../support/seed-images.js';
import { bearer } from './identity.js';

/** An image row of `ownerId`'s, `active` with all five (10 × 8) variants unless `processing` is asked for. */
export async function insertImage(t: TestApp, ownerId: string, seed: SeedImage = {}): Promise<string> {
  return (await seedImage(t.container.ports.images, t.container.sql.db, ownerId, seed)).id;
}

export interface AlbumJson {
  id: string;
  owner: { id: string; username: string; display_name: string };
  title: string;
  description: string;
  visibility: string;
  cover_image_id: string | null;
  cover: { image_id: string; url: string; width: number; height: number } | null;
  image_count: number;
  created_at: string;
  updated_at: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One request to `/api/v1{path}` as `token` (null: anonymous). */
export function call(t: TestApp, method: Method, path: string, token: string | null, payload?: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({ method, url: `/api/v1${path}`, headers: token ? bearer(token) : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
}

export async function createAlbum(t: TestApp, token: string, body: Record<string, unknown>): Promise<AlbumJson> {
  const res = await call(t, 'POST', '/albums', token, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AlbumJson>();
}

export async function addImages(t: TestApp, token: string, albumId: string, imageIds: string[]): Promise<void> {
  const res = await call(t, 'POST', `/albums/${albumId}/images`, token, { image_ids: imageIds });
  expect(res.statusCode, res.body).toBe(200);
}

/** Ids of an album's images as `token` sees them (first page, up to 100). */
export async function albumImageIds(t: TestApp, albumId: string, token: string | null): Promise<string[]> {
  const res = await call(t, 'GET', `/albums/${albumId}/images?per_page=100`, token);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
}
