import type { Kysely, Selectable } from 'kysely';
import type { Session } from '../../../domain/identity/session.js';
import type { RefreshToken, SessionRepository } from '../../../domain/identity/session-repository.js';
import { translateDbError } from './pg-errors.js';
import type { DB, RefreshTokensTable, SessionsTable } from './schema.js';

export function postgresSessionRepository(db: Kysely<DB>): SessionRepository {
  const guard = async <T>(context: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw translateDbError(context, err);
    }
  };
  const revokeFamilies = async (sessionIds: readonly string[], at: Date) => {
    if (sessionIds.length === 0) return;
    await db.updateTable('refresh_tokens').set({ revoked_at: at }).where('session_id', 'in', sessionIds).where('revoked_at', 'is', null).execute();
  };
  return {
    create: (s: Session) =>
      guard('insert session', async () => {
        await db
          .insertInto('sessions')
          .values({
            id: s.id,
            user_id: s.userId,
            ip_address: s.ipAddress,
            user_agent: s.userAgent,
            created_at: s.createdAt,
            last_used_at: s.lastUsedAt,
            expires_at: s.expiresAt,
            revoked_at: s.revokedAt,
          })
          .execute();
      }),
    findById: (id) =>
      guard('find session', async () => {
        const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
        return row ? toSession(row) : null;
      }),
    listActive: (userId, now) =>
      guard('list sessions', async () => {
        const rows = await db
          .selectFrom('sessions')
          .selectAll()
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', now)
          .orderBy('last_used_at', 'desc')
          .orderBy('id', 'desc')
          .execute();
        return rows.map(toSession);
      }),
    listUnexpiredIds: (userId, now) =>
      guard('list unexpired sessions', async () => {
        const rows = await db.selectFrom('sessions').select('id').where('user_id', '=', userId).where('expires_at', '>', now).execute();
        return rows.map((r) => r.id);
      }),
    touch: (id, changes) =>
      guard('touch session', async () => {
        await db
          .updateTable('sessions')
          .set({
            last_used_at: changes.lastUsedAt,
            ...(changes.ipAddress === undefined ? {} : { ip_address: changes.ipAddress }),
            ...(changes.userAgent === undefined ? {} : { user_agent: changes.userAgent }),
            ...(changes.expiresAt === undefined ? {} : { expires_at: changes.expiresAt }),
          })
          .where('id', '=', id)
          .execute();
      }),
    revoke: (ids, at) =>
      guard('revoke sessions', async () => {
        if (ids.length === 0) return [];
        const rows = await db
          .updateTable('sessions')
          .set({ revoked_at: at })
          .where('id', 'in', ids)
          .where('revoked_at', 'is', null)
          .returning('id')
          .execute();
        await revokeFamilies(ids, at);
        return rows.map((r) => r.id);
      }),
    revokeAllOfUser: (userId, at, keep) =>
      guard('revoke user sessions', async () => {
        let query = db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
        if (keep !== undefined) query = query.where('id', '<>', keep);
        const ids = (await query.returning('id').execute()).map((r) => r.id);
        await revokeFamilies(ids, at);
        return ids;
      }),
    addRefreshToken: (t) =>
      guard('insert refresh token', async () => {
        await db
          .insertInto('refresh_tokens')
          .values({
            token_hash: t.hash,
            session_id: t.sessionId,
            family_id: t.familyId,
            parent_hash: t.parentHash,
            issued_at: t.issuedAt,
            expires_at: t.expiresAt,
          })
          .execute();
      }),
    findRefreshToken: (hash) =>
      guard('find refresh token', async () => {
        const row = await db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
        return row ? toRefreshToken(row) : null;
      }),
    markRotated: (hash, at) =>
      guard('rotate refresh token', async () => {
        // Guarded on rotated_at so two concurrent refreshes with one token cannot both win.
        const result = await db
          .updateTable('refresh_tokens')
          .set({ rotated_at: at })
          .where('token_hash', '=', hash)
          .where('rotated_at', 'is', null)
          .executeTakeFirst();
        return result.numUpdatedRows === 1n;
      }),
  };
}

function toSession(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    userId: row.user_id,
    ipAddress: row.ip_address,
    userAgent: row.user_agent,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

function toRefreshToken(row: Selectable<RefreshTokensTable>): RefreshToken {
  return {
    hash: row.token_hash,
    sessionId: row.session_id,
    familyId: row.family_id,
    parentHash: row.parent_hash,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    rotatedAt: row.rotated_at,
    revokedAt: row.revoked_at,
  };
}
