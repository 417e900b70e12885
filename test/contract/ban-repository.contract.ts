/**
 * The ban repository, the ban-related user and session methods, and the audit log's read side on every SQL
 * engine: statuses computed from the times, the lapsed-ban query the sweeper runs, lists in both page modes,
 * and an audit log that neither the ports nor the database let anyone change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ban } from '../../src/domain/moderation/ban.js';
import { ConflictError } from '../../src/domain/shared/errors.js';
import type { PageRequest } from '../../src/domain/shared/page.js';
import { postgresAuditLog } from '../../src/infrastructure/persistence/postgres/audit-log.js';
import { postgresAuditLogReader } from '../../src/infrastructure/persistence/postgres/audit-log-reader.js';
import { postgresBanRepository } from '../../src/infrastructure/persistence/postgres/ban-repository.js';
import { postgresSessionRepository } from '../../src/infrastructure/persistence/postgres/session-repository.js';
import { postgresUnitOfWork } from '../../src/infrastructure/persistence/postgres/unit-of-work.js';
import { postgresUserRepository } from '../../src/infrastructure/persistence/postgres/user-repository.js';
import { uuidV7Generator } from '../../src/infrastructure/system/uuid-v7-generator.js';
import { openTestDatabase, type Engine, type TestDatabase } from '../support/databases.js';

const ids = uuidV7Generator();
const HOUR = 3_600_000;
const NOW = new Date(Date.UTC(2026, 0, 10, 12));
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const firstPage = (perPage: number): PageRequest => ({ mode: 'page', page: 1, perPage });

export function describeBanRepositoryContract(engine: Engine): void {
  describe(`ban repository and audit log reader (${engine})`, () => {
    let db: TestDatabase;
    const bans = () => postgresBanRepository(db.sql.db);
    const users = () => postgresUserRepository(db.sql.db);
    const user = async (status: 'active' | 'banned' = 'active') => {
      const id = ids.next();
      await users().create({ id, email: `b${id}@example.com`, username: `b_${id.slice(-12)}`, displayName: 'B', bio: '', passwordHash: 'x', role: 'user', status: 'active', createdAt: at(-100) });
      if (status === 'banned') await users().setBanStatus(id, 'banned', at(-100));
      return id;
    };
    const newBan = (userId: string, by: string, createdHoursAgo: number, hours: number | null, extra: Partial<Ban> = {}): Ban => ({
      id: ids.next(),
      userId,
      reason: 'r',
      createdBy: by,
      reportId: null,
      createdAt: at(-createdHoursAgo),
      expiresAt: hours === null ? null : at(-createdHoursAgo + hours),
      revokedAt: null,
      revokedBy: null,
      ...extra,
    });
    let staff: string;

    beforeAll(async () => {
      db = await openTestDatabase(engine);
      staff = await user();
    });
    afterAll(() => db.destroy());

    it('stores a ban with every field mapped and finds the active one', async () => {
      const u = await user('banned');
      const ban = newBan(u, staff, 1, 24, { reportId: ids.next() });
      await bans().create(ban);
      expect(await bans().findActive(u, NOW)).toEqual(ban);
      expect(await bans().findLatest(u)).toEqual(ban);
      expect(await bans().findActive(u, at(24))).toBeNull();
      const details = await bans().findDetails(ban.id);
      expect(details).toMatchObject({ ban, user: { id: u, displayName: 'B' }, createdBy: { id: staff }, revokedBy: null });
      expect(await bans().findDetails(ids.next())).toBeNull();
    });

    it('refuses a second unrevoked permanent ban with ConflictError ban.already_active', async () => {
      const u = await user('banned');
      await bans().create(newBan(u, staff, 1, null));
      await expect(bans().create(newBan(u, staff, 0, null))).rejects.toMatchObject({ code: 'ban.already_active' });
      await expect(bans().create(newBan(u, staff, 0, null))).rejects.toBeInstanceOf(ConflictError);
    });

    it('revokes once: a second revoke keeps the first time and revoker', async () => {
      const u = await user('banned');
      const ban = newBan(u, staff, 1, null);
      await bans().create(ban);
      const revoked = await bans().revoke(ban.id, NOW, staff);
      expect(revoked).toMatchObject({ revokedAt: NOW, revokedBy: staff });
      expect(await bans().revoke(ban.id, at(1), u)).toMatchObject({ revokedAt: NOW, revokedBy: staff });
      expect(await bans().findActive(u, NOW)).toBeNull();
      expect(await bans().revoke(ids.next(), NOW, staff)).toBeNull();
    });

    it('lists newest first, by status and user, in both page modes', async () => {
      const u = await user('banned');
      const revoked = newBan(u, staff, 30, null, { revokedAt: at(-29), revokedBy: staff });
      const expired = newBan(u, staff, 20, 2);
      const active = newBan(u, staff, 10, 100);
      for (const b of [revoked, expired, active]) await bans().create(b);
      const list = async (statuses: ('active' | 'expired' | 'revoked')[], page: PageRequest = firstPage(10)) => bans().list({ userId: u, statuses }, NOW, page);
      expect((await list([])).rows.map((d) => d.ban.id)).toEqual([active.id, expired.id, revoked.id]);
      expect((await list([])).total).toBe(3);
      expect((await list(['expired'])).rows.map((d) => d.ban.id)).toEqual([expired.id]);
      expect((await list(['active', 'revoked'])).rows.map((d) => d.ban.id)).toEqual([active.id, revoked.id]);
      expect((await list(['revoked'])).rows[0]?.revokedBy).toMatchObject({ id: staff });
      const cursorPage = await list([], { mode: 'cursor', after: [active.createdAt.toISOString(), active.id], perPage: 1 });
      expect(cursorPage.rows.map((d) => d.ban.id)).toEqual([expired.id, revoked.id]);
      expect(cursorPage.total).toBeNull();
      expect((await list([], { mode: 'page', page: 2, perPage: 2 })).rows.map((d) => d.ban.id)).toEqual([revoked.id]);
    });

    it('listLapsed finds banned users whose bans all ended: their latest ended ban, longest lapsed first', async () => {
      const early = await user('banned');
      const late = await user('banned');
      const running = await user('banned');
      const lifted = await user();
      await bans().create(newBan(early, staff, 50, 1));
      const earlyLatest = newBan(early, staff, 40, 2);
      await bans().create(earlyLatest);
      const lateBan = newBan(late, staff, 5, 4);
      await bans().create(lateBan);
      await bans().create(newBan(running, staff, 30, 1));
      await bans().create(newBan(running, staff, 1, null));
      await bans().create(newBan(lifted, staff, 30, 1));
      const lapsed = (await bans().listLapsed(NOW, 100)).filter((b) => [early, late, running, lifted].includes(b.userId));
      expect(lapsed.map((b) => b.id)).toEqual([earlyLatest.id, lateBan.id]);
      expect((await bans().listLapsed(NOW, 1)).length).toBe(1);
    });

    it('locks a user row inside a transaction and sets the ban status; a deleted user is NotFoundError', async () => {
      const u = await user();
      await postgresUnitOfWork(db.sql.db).run(async (tx) => {
        expect((await tx.users.findByIdForUpdate(u))?.id).toBe(u);
        await tx.users.setBanStatus(u, 'banned', NOW);
      });
      expect((await users().findById(u))?.status).toBe('banned');
      expect(await users().findByIdForUpdate(ids.next())).toBeNull();
      await users().markDeleted(u, NOW);
      await expect(users().setBanStatus(u, 'active', NOW)).rejects.toMatchObject({ code: 'user.not_found' });
    });

    it('lists the ids of unexpired sessions, revoked ones included', async () => {
      const u = await user();
      const sessions = postgresSessionRepository(db.sql.db);
      const make = async (expiresAt: Date) => {
        const id = ids.next();
        await sessions.create({ id, userId: u, ipAddress: '', userAgent: '', createdAt: at(-2), lastUsedAt: at(-2), expiresAt, revokedAt: null });
        return id;
      };
      const live = await make(at(1));
      const revoked = await make(at(1));
      await make(at(-1));
      await sessions.revoke([revoked], NOW);
      expect((await sessions.listUnexpiredIds(u, NOW)).sort()).toEqual([live, revoked].sort());
    });

    describe('audit log', () => {
      it('the writer only appends and the reader only reads: no port method can change an entry', () => {
        expect(Object.keys(postgresAuditLog(db.sql.db)).sort()).toEqual(['record']);
        expect(Object.keys(postgresAuditLogReader(db.sql.db)).sort()).toEqual(['list']);
      });

      it('the table refuses UPDATE and DELETE', async () => {
        const id = ids.next();
        await postgresAuditLog(db.sql.db).record({ id, occurredAt: NOW, action: 'test.append_only', actorId: null, targetType: null, targetId: null, ipAddress: null, requestId: null, details: {} });
        await expect(db.sql.db.updateTable('audit_log').set({ action: 'changed' }).where('id', '=', id).execute()).rejects.toThrow(/append-only/);
        await expect(db.sql.db.deleteFrom('audit_log').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
        expect((await postgresAuditLogReader(db.sql.db).list({ actions: ['test.append_only'] }, firstPage(10))).rows.map((r) => r.entry.action)).toEqual(['test.append_only']);
      });

      it('filters by action, actor, target and time, newest first, in both page modes, with the actor summary', async () => {
        const actor = await user();
        const log = postgresAuditLog(db.sql.db);
        const entry = (hours: number, action: string, actorId: string | null, targetId: string | null) => ({
          id: ids.next(), occurredAt: at(hours), action, actorId, targetType: targetId ? 'user' : null, targetId, ipAddress: '10.0.0.1', requestId: null, details: { n: hours },
        });
        const e1 = entry(-3, 'contract.a', actor, staff);
        const e2 = entry(-2, 'contract.b', null, null);
        const e3 = entry(-1, 'contract.a', actor, actor);
        for (const e of [e1, e2, e3]) await log.record(e);
        const reader = postgresAuditLogReader(db.sql.db);
        const ids3 = async (filter: Parameters<typeof reader.list>[0], page: PageRequest = firstPage(10)) => (await reader.list({ actions: ['contract.a', 'contract.b'], ...filter }, page)).rows.map((r) => r.entry.id);
        expect(await ids3({})).toEqual([e3.id, e2.id, e1.id]);
        expect(await ids3({ actions: ['contract.a'] })).toEqual([e3.id, e1.id]);
        expect(await ids3({ actorId: actor })).toEqual([e3.id, e1.id]);
        expect(await ids3({ targetType: 'user', targetId: staff })).toEqual([e1.id]);
        expect(await ids3({ since: at(-2), until: at(-2) })).toEqual([e2.id]);
        expect(await ids3({}, { mode: 'cursor', after: [e3.occurredAt.toISOString(), e3.id], perPage: 5 })).toEqual([e2.id, e1.id]);
        const { rows, total } = await reader.list({ actions: ['contract.a', 'contract.b'] }, firstPage(1));
        expect(total).toBe(3);
        expect(rows[0]).toEqual({ entry: e3, actor: { id: actor, username: expect.any(String) as string, displayName: 'B' } });
        expect((await reader.list({ actions: ['contract.b'] }, firstPage(1))).rows[0]?.actor).toBeNull();
      });
    });
  });
}
