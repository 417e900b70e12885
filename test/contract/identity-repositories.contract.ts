/** The user and session repositories on every SQL engine: mapping, uniqueness rules, revocation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewUser } from '../../src/domain/identity/user-repository.js';
import { ConflictError, NotFoundError } from '../../src/domain/shared/errors.js';
import { postgresSessionRepository } from '../../src/infrastructure/persistence/postgres/session-repository.js';
import { postgresUserRepository } from '../../src/infrastructure/persistence/postgres/user-repository.js';
import { uuidV7Generator } from '../../src/infrastructure/system/uuid-v7-generator.js';
import { openTestDatabase, type Engine, type TestDatabase } from '../support/databases.js';

const ids = uuidV7Generator();
let n = 0;
function newUser(overrides: Partial<NewUser> = {}): NewUser {
  n++;
  return {
    id: ids.next(),
    email: `user${n}-${Date.now()}@example.com`,
    username: `user_${n}_${Date.now() % 100000}`,
    displayName: 'User',
    bio: '',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y',
    role: 'user',
    status: 'active',
    createdAt: new Date('2025-03-01T12:00:00.123Z'),
    ...overrides,
  };
}

export function describeIdentityRepositoriesContract(engine: Engine): void {
  describe(`identity repositories (${engine})`, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(engine);
    });
    afterAll(() => db.destroy());
    const users = () => postgresUserRepository(db.sql.db);
    const sessions = () => postgresSessionRepository(db.sql.db);

    it('creates and finds a user with every field mapped', async () => {
      const input = newUser({ bio: 'line1\nline2', displayName: 'Ada 🙂' });
      const created = await users().create(input);
      expect(created).toEqual({ ...input, updatedAt: input.createdAt });
      expect(await users().findById(input.id)).toEqual(created);
      expect(await users().findActiveByEmail(input.email)).toEqual(created);
      expect(await users().findActiveByUsername(input.username.toUpperCase())).toEqual(created);
    });

    it('returns null for unknown users', async () => {
      expect(await users().findById(ids.next())).toBeNull();
      expect(await users().findActiveByEmail('nobody@example.com')).toBeNull();
    });

    it('turns a duplicate email or a username differing only in case into ConflictError with the field', async () => {
      const first = await users().create(newUser());
      await expect(users().create(newUser({ email: first.email }))).rejects.toMatchObject({ code: 'user.email_taken', fields: [{ field: 'email' }] });
      const clash = users().create(newUser({ username: first.username.toUpperCase() }));
      await expect(clash).rejects.toBeInstanceOf(ConflictError);
      await expect(clash).rejects.toMatchObject({ code: 'user.username_taken', fields: [{ field: 'username' }] });
    });

    it('frees the email and username of a deleted account', async () => {
      const gone = await users().create(newUser());
      await users().markDeleted(gone.id, new Date());
      expect(await users().findActiveByEmail(gone.email)).toBeNull();
      const again = await users().create(newUser({ email: gone.email, username: gone.username }));
      expect(again.id).not.toBe(gone.id);
      expect((await users().findById(gone.id))?.status).toBe('deleted');
      await expect(users().markDeleted(gone.id, new Date())).rejects.toBeInstanceOf(NotFoundError);
    });

    it('updates profile, role and password hash, and 404s a missing user', async () => {
      const u = await users().create(newUser());
      const at = new Date('2025-04-01T00:00:00.000Z');
      expect(await users().updateProfile(u.id, { bio: 'hi' }, at)).toMatchObject({ bio: 'hi', displayName: u.displayName, updatedAt: at });
      expect((await users().updateRole(u.id, 'moderator', at)).role).toBe('moderator');
      await users().updatePasswordHash(u.id, 'new-hash', at);
      expect((await users().findById(u.id))?.passwordHash).toBe('new-hash');
      await expect(users().updateProfile(ids.next(), { bio: 'x' }, at)).rejects.toBeInstanceOf(NotFoundError);
      await expect(users().updatePasswordHash(ids.next(), 'x', at)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('stores sessions, lists the active ones by last use, and revokes them with their refresh families', async () => {
      const u = await users().create(newUser());
      const now = new Date();
      const mk = (minutesAgo: number, expiresInMin = 60) => ({
        id: ids.next(),
        userId: u.id,
        ipAddress: '203.0.113.7',
        userAgent: 'test',
        createdAt: now,
        lastUsedAt: new Date(now.getTime() - minutesAgo * 60_000),
        expiresAt: new Date(now.getTime() + expiresInMin * 60_000),
        revokedAt: null,
      });
      const [older, newer, expired] = [mk(10), mk(1), mk(0, -1)];
      for (const s of [older, newer, expired]) await sessions().create(s);
      expect((await sessions().listActive(u.id, now)).map((s) => s.id)).toEqual([newer.id, older.id]);
      expect(await sessions().findById(newer.id)).toEqual(newer);

      await sessions().addRefreshToken({ hash: `h-${newer.id}`, sessionId: newer.id, familyId: newer.id, parentHash: null, issuedAt: now, expiresAt: newer.expiresAt });
      expect(await sessions().revokeAllOfUser(u.id, now, older.id)).toEqual(expect.arrayContaining([newer.id, expired.id]));
      expect((await sessions().findRefreshToken(`h-${newer.id}`))?.revokedAt).toEqual(now);
      expect((await sessions().listActive(u.id, now)).map((s) => s.id)).toEqual([older.id]);
      expect(await sessions().revoke([older.id, newer.id], now)).toEqual([older.id]);
    });

    it('rotates a refresh token exactly once, even when two rotations race', async () => {
      const u = await users().create(newUser());
      const now = new Date();
      const sid = ids.next();
      await sessions().create({ id: sid, userId: u.id, ipAddress: '', userAgent: '', createdAt: now, lastUsedAt: now, expiresAt: new Date(now.getTime() + 60_000), revokedAt: null });
      await sessions().addRefreshToken({ hash: `r-${sid}`, sessionId: sid, familyId: sid, parentHash: null, issuedAt: now, expiresAt: new Date(now.getTime() + 60_000) });
      const results = await Promise.all([sessions().markRotated(`r-${sid}`, now), sessions().markRotated(`r-${sid}`, now)]);
      expect(results.sort()).toEqual([false, true]);
      expect((await sessions().findRefreshToken(`r-${sid}`))?.rotatedAt).toEqual(now);
      expect(await sessions().findRefreshToken('unknown')).toBeNull();
    });
  });
}
