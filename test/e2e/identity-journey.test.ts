/**
 * The identity journey of a new user against the real process, in both run modes: register, /users/me,
 * refresh twice, replay the first refresh token, log out everywhere — and, embedded, across a restart
 * (generated keys in DATA_DIR/keys and the database keep every session valid).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, type TestDatabase } from '../support/databases.js';
import { REDIS_URL } from '../support/services.js';
import { call, PASSWORD } from '../support/e2e-client.js';
import { ensureBuilt, killAll, spawnServer, tempDataDir } from '../support/spawn-server.js';


describe('identity journey against node dist/main.js', () => {
  const dataDir = tempDataDir();
  let pg: TestDatabase;
  beforeAll(async () => {
    await ensureBuilt();
    pg = await createPostgresDatabase({ migrated: false });
  }, 180_000);
  afterAll(async () => {
    await killAll();
    await pg.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const modes = [
    { name: 'embedded', env: () => ({ DATA_DIR: dataDir }) },
    // The shared Redis keeps the per-IP register window (5/hour) across runs, and every run registers from
    // 127.0.0.1: a roomier limit keeps this journey independent of how many runs came before it.
    { name: 'PostgreSQL + Redis', env: () => ({ DATA_DIR: tempDataDir(), DATABASE_URL: pg.url!, REDIS_URL, RATE_LIMIT_REGISTER: '1000/1h' }) },
  ];

  for (const mode of modes) {
    it(`registers, refreshes, detects a replay and logs out everywhere (${mode.name})`, { timeout: 90_000 }, async () => {
      const server = await spawnServer({ env: mode.env() });
      await server.waitForReady();
      const email = `journey-${mode.name.length}@example.com`;
      const reg = await call(server, 'POST', '/auth/register', { email, username: `journey_${mode.name.length}`, password: PASSWORD });
      expect(reg.status).toBe(201);
      expect(reg.headers.get('location')).toBe(`/api/v1/users/${reg.body.user.id}`);
      expect((await call(server, 'GET', '/users/me', undefined, reg.body.access_token)).body.email).toBe(email);

      const first = await call(server, 'POST', '/auth/refresh', { refresh_token: reg.body.refresh_token });
      expect(first.status).toBe(200);
      const second = await call(server, 'POST', '/auth/refresh', { refresh_token: first.body.refresh_token });
      expect(second.status).toBe(200);
      expect((await call(server, 'GET', '/users/me', undefined, second.body.access_token)).status).toBe(200);

      const replay = await call(server, 'POST', '/auth/refresh', { refresh_token: reg.body.refresh_token });
      expect(replay.status).toBe(401);
      expect(replay.body.type).toBe('/problems/token-reused');
      const revoked = await call(server, 'GET', '/users/me', undefined, second.body.access_token);
      expect(revoked.status).toBe(401);
      expect(revoked.headers.get('www-authenticate')).toBe('Bearer realm="tessera", error="invalid_token"');

      const login = await call(server, 'POST', '/auth/login', { email, password: PASSWORD });
      const other = await call(server, 'POST', '/auth/login', { email, password: PASSWORD });
      expect((await call(server, 'POST', '/auth/logout', { logout_all: true }, login.body.access_token)).status).toBe(204);
      expect((await call(server, 'GET', '/users/me', undefined, other.body.access_token)).status).toBe(401);
      expect((await call(server, 'POST', '/auth/refresh', { refresh_token: other.body.refresh_token })).status).toBe(401);
      expect((await server.stop()).code).toBe(0);
    });
  }

  it('keeps sessions valid across a restart of the embedded server', { timeout: 120_000 }, async () => {
    const dir = tempDataDir();
    let server = await spawnServer({ env: { DATA_DIR: dir } });
    await server.waitForReady();
    const reg = await call(server, 'POST', '/auth/register', { email: 'restart@example.com', username: 'restart_user', password: PASSWORD });
    expect(reg.status).toBe(201);
    expect((await server.stop()).code).toBe(0);

    server = await spawnServer({ env: { DATA_DIR: dir } });
    await server.waitForReady();
    // Same signing key from DATA_DIR/keys, and the session (kept in the database) is found again.
    expect((await call(server, 'GET', '/users/me', undefined, reg.body.access_token)).status).toBe(200);
    expect((await call(server, 'POST', '/auth/refresh', { refresh_token: reg.body.refresh_token })).status).toBe(200);
    expect((await call(server, 'POST', '/auth/login', { email: 'restart@example.com', password: PASSWORD })).status).toBe(200);
    expect((await server.stop()).code).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
