import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Ban, BanStatus } from '../../../domain/moderation/ban.js';
import type { BanDetails, BanRepository } from '../../../domain/moderation/ban-repository.js';
import { afterTimeAndId, rowsWithTotal } from './keyset-page.js';
import { guardDb, translateDbError, type UniqueConstraintMap } from './pg-errors.js';
import type { BansTable, DB } from './schema.js';

const UNIQUES: UniqueConstraintMap = {
  bans_one_permanent_key: { code: 'ban.already_active', detail: 'this user is already banned' },
};

export function postgresBanRepository(db: Kysely<DB>): BanRepository {
  // Bans with the three people they name; `revoker` is a left join because most bans are never revoked.
  const detailed = () =>
    db
      .selectFrom('bans')
      .innerJoin('users as target', 'target.id', 'bans.user_id')
      .innerJoin('users as creator', 'creator.id', 'bans.created_by')
      .leftJoin('users as revoker', 'revoker.id', 'bans.revoked_by')
      .selectAll('bans')
      .select([
        'target.username as target_username',
        'target.display_name as target_display_name',
        'creator.username as creator_username',
        'creator.display_name as creator_display_name',
        'revoker.username as revoker_username',
        'revoker.display_name as revoker_display_name',
      ]);
  return {
    create: async (ban) => {
      try {
        await db.insertInto('bans').values(toRow(ban)).execute();
      } catch (err) {
        throw translateDbError('insert ban', err, UNIQUES);
      }
    },
    findActive: (userId, now) =>
      guardDb('find active ban', async () => {
        const row = await db.selectFrom('bans').selectAll().where('user_id', '=', userId).where(statusIs('active', now)).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
        return row ? toBan(row) : null;
      }),
    findLatest: (userId) =>
      guardDb('find latest ban', async () => {
        const row = await db.selectFrom('bans').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
        return row ? toBan(row) : null;
      }),
    revoke: (banId, at, by) =>
      guardDb('revoke ban', async () => {
        await db.updateTable('bans').set({ revoked_at: at, revoked_by: by }).where('id', '=', banId).where('revoked_at', 'is', null).execute();
        const row = await db.selectFrom('bans').selectAll().where('id', '=', banId).executeTakeFirst();
        return row ? toBan(row) : null;
      }),
    findDetails: (banId) =>
      guardDb('find ban', async () => {
        const row = await detailed().where('bans.id', '=', banId).executeTakeFirst();
        return row ? toDetails(row) : null;
      }),
    list: (filter, now, page) =>
      guardDb('list bans', async () => {
        const matches = filterSql(filter.userId, filter.statuses ?? [], now);
        let rows = detailed().where(matches).orderBy('bans.created_at', 'desc').orderBy('bans.id', 'desc');
        if (page.mode === 'cursor' && page.after) rows = rows.where(afterTimeAndId('bans.created_at', 'bans.id', 'desc', page.after));
        const { found, total } = await rowsWithTotal(rows, page, async () => (await db.selectFrom('bans').where(matches).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
        return { rows: found.map(toDetails), total };
      }),
    listLapsed: (now, limit) =>
      guardDb('list lapsed bans', async () => {
        // The latest ended ban per user (DISTINCT ON), then the longest-lapsed users first.
        const { rows } = await sql<Selectable<BansTable>>`
          SELECT * FROM (SELECT DISTINCT ON (b.user_id) b.*
          FROM bans b JOIN users u ON u.id = b.user_id
          WHERE u.status = 'banned' AND b.revoked_at IS NULL AND b.expires_at <= ${now.toISOString()}::timestamptz
            AND NOT EXISTS (
              SELECT 1 FROM bans a WHERE a.user_id = b.user_id AND a.revoked_at IS NULL
                AND (a.expires_at IS NULL OR a.expires_at > ${now.toISOString()}::timestamptz))
          ORDER BY b.user_id, b.expires_at DESC, b.id DESC) lapsed
          ORDER BY expires_at, id LIMIT ${limit}`.execute(db);
        return rows.map(toBan);
      }),
  };
}

/** Contract §12.3 statuses as SQL over `bans`, the same rules as `banStatus`. */
function statusIs(status: BanStatus, now: Date): RawBuilder<SqlBool> {
  const at = sql`${now.toISOString()}::timestamptz`;
  if (status === 'revoked') return sql<SqlBool>`bans.revoked_at IS NOT NULL`;
  if (status === 'expired') return sql<SqlBool>`(bans.revoked_at IS NULL AND bans.expires_at <= ${at})`;
  return sql<SqlBool>`(bans.revoked_at IS NULL AND (bans.expires_at IS NULL OR bans.expires_at > ${at}))`;
}

function filterSql(userId: string | undefined, statuses: readonly BanStatus[], now: Date): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (userId !== undefined) parts.push(sql<SqlBool>`bans.user_id = ${userId}::uuid`);
  if (statuses.length > 0) parts.push(sql<SqlBool>`(${sql.join(statuses.map((s) => statusIs(s, now)), sql` OR `)})`);
  return parts.length === 0 ? sql<SqlBool>`TRUE` : sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

function toRow(ban: Ban) {
  return {
    id: ban.id,
    user_id: ban.userId,
    reason: ban.reason,
    created_by: ban.createdBy,
    report_id: ban.reportId,
    created_at: ban.createdAt,
    expires_at: ban.expiresAt,
    revoked_at: ban.revokedAt,
    revoked_by: ban.revokedBy,
  };
}

function toBan(row: Selectable<BansTable>): Ban {
  return {
    id: row.id,
    userId: row.user_id,
    reason: row.reason,
    createdBy: row.created_by,
    reportId: row.report_id,
    createdAt: new Date(row.created_at),
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
    revokedBy: row.revoked_by,
  };
}

interface DetailedRow extends Selectable<BansTable> {
  target_username: string;
  target_display_name: string;
  creator_username: string;
  creator_display_name: string;
  revoker_username: string | null;
  revoker_display_name: string | null;
}

function toDetails(row: DetailedRow): BanDetails {
  const ban = toBan(row);
  return {
    ban,
    user: { id: ban.userId, username: row.target_username, displayName: row.target_display_name },
    createdBy: { id: ban.createdBy, username: row.creator_username, displayName: row.creator_display_name },
    revokedBy:
      ban.revokedBy !== null && row.revoker_username !== null && row.revoker_display_name !== null
        ? { id: ban.revokedBy, username: row.revoker_username, displayName: row.revoker_display_name }
        : null,
  };
}
