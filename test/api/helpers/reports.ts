/** Report and review helpers for the API tests: staff accounts made through the role route, and the §12 routes. */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../../support/build-app.js';
import { bearer, makeAdmin, register, type Account } from './identity.js';

/** A registered user made moderator by `admin` through PUT /users/{id}/role; its live session takes the role. */
export async function makeModerator(t: TestApp, admin: Account): Promise<Account> {
  const account = await register(t.app);
  const res = await t.app.inject({ method: 'PUT', url: `/api/v1/users/${account.id}/role`, headers: bearer(admin.access), payload: { role: 'moderator' } });
  expect(res.statusCode, res.body).toBe(200);
  return account;
}

/** The people of a moderation test: an image owner, two other users, an admin and a moderator. */
export interface Cast {
  readonly owner: Account;
  readonly reporter: Account;
  readonly other: Account;
  readonly admin: Account;
  readonly moderator: Account;
}

export async function makeCast(t: TestApp): Promise<Cast> {
  const [owner, reporter, other] = [await register(t.app), await register(t.app), await register(t.app)];
  const admin = await makeAdmin(t);
  return { owner, reporter, other, admin, moderator: await makeModerator(t, admin) };
}

const auth = (token: string | null) => (token ? bearer(token) : {});

export function postReport(t: TestApp, token: string | null, payload: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: auth(token), payload });
}

/** Files a report and expects 201; returns its id. */
export async function reportOk(t: TestApp, token: string, imageId: string, reason = 'spam'): Promise<string> {
  const res = await postReport(t, token, { image_id: imageId, reason });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

export function review(t: TestApp, token: string | null, reportId: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/v1/moderation/reports/${reportId}/review`, headers: auth(token) });
}

export function resolve(t: TestApp, token: string | null, reportId: string, payload: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/v1/moderation/reports/${reportId}/resolve`, headers: auth(token), payload });
}

export function restore(t: TestApp, token: string | null, imageId: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/v1/moderation/images/${imageId}/restore`, headers: auth(token) });
}

export interface ReportJson {
  id: string;
  reporter: { id: string; username: string; display_name: string };
  image: { id: string; title: string; owner: { id: string }; status: string; visibility: string; thumbnail_url: string | null };
  reason: string;
  description: string;
  status: string;
  reviewer: { id: string } | null;
  resolution: { action: string; notes: string; resolved_by: { id: string }; resolved_at: string; ban_id: string | null } | null;
  created_at: string;
  updated_at: string;
}
