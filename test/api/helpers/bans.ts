/** Ban helpers for the API tests: the §12.3 routes, and a ban that ended in the past written straight to SQL. */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../../support/build-app.js';
import { bearer } from './identity.js';

const auth = (token: string | null) => (token ? bearer(token) : {});

export interface BanJson {
  id: string;
  user: { id: string; username: string; display_name: string };
  reason: string;
  created_by: { id: string };
  report_id: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: { id: string } | null;
  status: 'active' | 'expired' | 'revoked';
}

export function ban(t: TestApp, token: string | null, userId: string, payload: Record<string, unknown> = { reason: 'spam' }): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/v1/users/${userId}/ban`, headers: auth(token), payload });
}

export async function banOk(t: TestApp, token: string, userId: string, payload: Record<string, unknown> = { reason: 'spam' }): Promise<BanJson> {
  const res = await ban(t, token, userId, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<BanJson>();
}

export function unban(t: TestApp, token: string | null, userId: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'DELETE', url: `/api/v1/users/${userId}/ban`, headers: auth(token) });
}

/** A ban that started two hours ago and ended an hour ago, its user still marked `banned` (the sweeper has not run). */
export async function insertEndedBan(t: TestApp, userId: string, createdBy: string): Promise<string> {
  const now = Date.now();
  const id = t.container.ports.ids.next();
  await t.container.sql.db
    .insertInto('bans')
    .values({ id, user_id: userId, reason: 'cool-off', created_by: createdBy, report_id: null, created_at: new Date(now - 7_200_000), expires_at: new Date(now - 3_600_000), revoked_at: null, revoked_by: null })
    .execute();
  await t.container.sql.db.updateTable('users').set({ status: 'banned' }).where('id', '=', userId).execute();
  return id;
}
