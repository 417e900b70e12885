/**
 * Issue 7's journey against the real process on the embedded default: the admin created by ADMIN_EMAIL
 * promotes a moderator, who works through a queue of five reports with every action; a user is banned (their
 * token stops working, login says why) and unbanned by the admin; the audit log tells the story.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, PASSWORD, register, upload, type Body } from '../support/e2e-client.js';
import { ensureBuilt, killAll, spawnServer, tempDataDir, type ServerProcess } from '../support/spawn-server.js';

const LANDSCAPE = fs.readFileSync(fileURLToPath(new URL('../fixtures/images/landscape.jpg', import.meta.url)));
const ADMIN = { email: 'root@example.com', password: 'an admin passphrase for tessera' };

describe('moderation journey: node dist/main.js with an ADMIN_EMAIL bootstrap', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;
  let admin: string;
  let moderator: string;
  let moderatorId: string;
  const users: { token: string; id: string; image: string }[] = [];
  const reports: string[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    server = await spawnServer({ env: { DATA_DIR: dataDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, RATE_LIMIT_ENABLED: 'false' } });
    await server.waitForReady();
  }, 180_000);
  afterAll(async () => {
    await killAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the bootstrapped admin logs in and promotes a moderator', async () => {
    const login = await call(server, 'POST', '/auth/login', ADMIN);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    expect(login.body.user.role).toBe('admin');
    admin = login.body.access_token as string;
    moderator = await register(server, 'mod_mia');
    moderatorId = (await call(server, 'GET', '/users/me', undefined, moderator)).body.id as string;
    const promoted = await call(server, 'PUT', `/users/${moderatorId}/role`, { role: 'moderator' }, admin);
    expect(promoted.body.role).toBe('moderator');
  });

  it('five reports land in the queue, oldest first', { timeout: 60_000 }, async () => {
    for (const name of ['uma_one', 'ugo_two', 'ulla_three']) {
      const token = await register(server, name);
      const id = (await call(server, 'GET', '/users/me', undefined, token)).body.id as string;
      const res = await upload(server, token, { title: `photo of ${name}`, visibility: 'public' }, LANDSCAPE, { wait: true });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      users.push({ token, id, image: res.body.id as string });
    }
    const [a, b, c] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
    for (const [reporter, target, reason] of [
      [a, b, 'spam'],
      [c, b, 'inappropriate'],
      [b, a, 'copyright'],
      [a, c, 'harassment'],
      [b, c, 'spam'],
    ] as const) {
      const res = await call(server, 'POST', '/reports', { image_id: target.image, reason }, reporter.token);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      reports.push(res.body.id as string);
    }
    const queue = await call(server, 'GET', '/moderation/reports', undefined, moderator);
    expect(queue.body.items.map((r: Body) => String(r.id))).toEqual(reports);
    expect((await call(server, 'GET', '/moderation/reports', undefined, users[0]!.token)).status).toBe(403);
  });

  it('the moderator dismisses, warns, removes and bans; removal hides the image from everyone but its owner', async () => {
    expect((await call(server, 'POST', `/moderation/reports/${reports[2]}/resolve`, { action: 'dismiss', notes: 'fair use' }, moderator)).body.status).toBe('dismissed');
    expect((await call(server, 'POST', `/moderation/reports/${reports[3]}/review`, undefined, moderator)).body.status).toBe('reviewing');
    expect((await call(server, 'POST', `/moderation/reports/${reports[3]}/resolve`, { action: 'warn', notes: 'be kind' }, moderator)).body.status).toBe('resolved');
    const removed = await call(server, 'POST', `/moderation/reports/${reports[0]}/resolve`, { action: 'remove' }, moderator);
    expect(removed.body).toMatchObject({ status: 'resolved', resolution: { action: 'remove' } });
    // Both open reports on that image were resolved by the one removal.
    expect((await call(server, 'GET', `/moderation/reports/${reports[1]}`, undefined, moderator)).body.status).toBe('resolved');
    const flagged = users[1]!.image;
    expect((await call(server, 'GET', `/images/${flagged}`)).status).toBe(404);
    expect((await call(server, 'GET', '/explore/recent')).body.items.map((i: Body) => String(i.id))).not.toContain(flagged);
    expect((await call(server, 'GET', `/images/${flagged}`, undefined, users[1]!.token)).body.status).toBe('flagged');

    const banned = await call(server, 'POST', `/moderation/reports/${reports[4]}/resolve`, { action: 'ban', ban_reason: 'repeated harassment', ban_duration_hours: 24 }, moderator);
    expect(banned.body).toMatchObject({ status: 'resolved', resolution: { action: 'ban', ban_id: expect.any(String) } });
    expect((await call(server, 'GET', '/users/me', undefined, users[2]!.token)).status).toBe(401);
    const login = await call(server, 'POST', '/auth/login', { email: 'ulla_three@example.com', password: PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ type: '/problems/account-banned', ban_reason: 'repeated harassment', banned_until: expect.any(String) });
    expect((await call(server, 'GET', '/moderation/reports', undefined, moderator)).body.items).toEqual([]);
  });

  it('the admin unbans the user, who logs in again; a moderator may not unban', async () => {
    const target = users[2]!.id;
    expect((await call(server, 'DELETE', `/users/${target}/ban`, undefined, moderator)).status).toBe(403);
    expect((await call(server, 'DELETE', `/users/${target}/ban`, undefined, admin)).status).toBe(204);
    expect((await call(server, 'POST', '/auth/login', { email: 'ulla_three@example.com', password: PASSWORD })).status).toBe(200);
    const bans = await call(server, 'GET', `/moderation/bans?user_id=${target}`, undefined, moderator);
    expect(bans.body.items.map((b: Body) => String(b.status))).toEqual(['revoked']);
  });

  it('the admin restores the flagged image and reads the whole story in the audit log', async () => {
    const restored = await call(server, 'POST', `/moderation/images/${users[1]!.image}/restore`, undefined, admin);
    expect(restored.body.status).toBe('active');
    expect((await call(server, 'GET', `/images/${users[1]!.image}`)).status).toBe(200);
    const audit = await call(server, 'GET', '/moderation/audit?per_page=100', undefined, admin);
    const actions = (audit.body.items as Body[]).map((e) => String(e.action)).reverse();
    const order = ['user.role_changed', 'report.dismissed', 'user.warned', 'image.flagged', 'user.banned', 'user.unbanned', 'image.restored'];
    const positions = order.map((action) => actions.indexOf(action));
    expect(positions.every((p) => p >= 0), actions.join(', ')).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect((await call(server, 'GET', '/moderation/audit', undefined, moderator)).status).toBe(403);
  });
});
