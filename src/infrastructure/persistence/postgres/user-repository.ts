import { sql, type Kysely, type Selectable } from 'kysely';
import { NotFoundError } from '../../../domain/shared/errors.js';
import { isRole, type Role } from '../../../domain/identity/role.js';
import type { User, UserStatus } from '../../../domain/identity/user.js';
import { USER_STATUSES } from '../../../domain/identity/user.js';
import type { NewUser, UserRepository } from '../../../domain/identity/user-repository.js';
import { translateDbError, type UniqueConstraintMap } from './pg-errors.js';
import type { DB, UsersTable } from './schema.js';

const UNIQUES: UniqueConstraintMap = {
  users_email_active_key: { code: 'user.email_taken', detail: 'this email is already registered', field: 'email' },
  users_username_active_key: { code: 'user.username_taken', detail: 'this username is already taken', field: 'username' },
};

export function postgresUserRepository(db: Kysely<DB>): UserRepository {
  const guard = async <T>(context: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw translateDbError(context, err, UNIQUES);
    }
  };
  const mustExist = (row: Selectable<UsersTable> | undefined, id: string): User => {
    if (!row) throw new NotFoundError('user.not_found', `user ${id}`);
    return toUser(row);
  };
  return {
    create: (user: NewUser) =>
      guard('insert user', async () => {
        const row = await db
          .insertInto('users')
          .values({
            id: user.id,
            email: user.email,
            username: user.username,
            display_name: user.displayName,
            bio: user.bio,
            password_hash: user.passwordHash,
            role: user.role,
            status: user.status,
            created_at: user.createdAt,
            updated_at: user.createdAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toUser(row);
      }),
    findById: (id) =>
      guard('find user', async () => {
        const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
        return row ? toUser(row) : null;
      }),
    findActiveByEmail: (email) =>
      guard('find user by email', async () => {
        const row = await db.selectFrom('users').selectAll().where('email', '=', email).where('status', '<>', 'deleted').executeTakeFirst();
        return row ? toUser(row) : null;
      }),
    findActiveByUsername: (username) =>
      guard('find user by username', async () => {
        const row = await db
          .selectFrom('users')
          .selectAll()
          .where(sql<string>`lower(username)`, '=', username.toLowerCase())
          .where('status', '<>', 'deleted')
          .executeTakeFirst();
        return row ? toUser(row) : null;
      }),
    updateProfile: (id, changes, at) =>
      guard('update profile', async () => {
        const row = await db
          .updateTable('users')
          .set({
            ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
            ...(changes.bio === undefined ? {} : { bio: changes.bio }),
            updated_at: at,
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        return mustExist(row, id);
      }),
    updatePasswordHash: (id, passwordHash, at) =>
      guard('update password hash', async () => {
        const result = await db.updateTable('users').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', id).executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw new NotFoundError('user.not_found', `user ${id}`);
      }),
    updateRole: (id, role: Role, at) =>
      guard('update role', async () => {
        const row = await db.updateTable('users').set({ role, updated_at: at }).where('id', '=', id).returningAll().executeTakeFirst();
        return mustExist(row, id);
      }),
    markDeleted: (id, at) =>
      guard('delete user', async () => {
        const result = await db
          .updateTable('users')
          .set({ status: 'deleted', deleted_at: at, updated_at: at })
          .where('id', '=', id)
          .where('status', '<>', 'deleted')
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw new NotFoundError('user.not_found', `user ${id}`);
      }),
    findByIdForUpdate: (id) =>
      guard('lock user', async () => {
        const row = await db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        return row ? toUser(row) : null;
      }),
    setBanStatus: (id, status, at) =>
      guard('set ban status', async () => {
        const result = await db.updateTable('users').set({ status, updated_at: at }).where('id', '=', id).where('status', '<>', 'deleted').executeTakeFirst();
        if (result.numUpdatedRows === 0n) throw new NotFoundError('user.not_found', `user ${id}`);
      }),
  };
}

function toUser(row: Selectable<UsersTable>): User {
  if (!isRole(row.role)) throw new Error(`user ${row.id} has an unknown role`);
  if (!(USER_STATUSES as readonly string[]).includes(row.status)) throw new Error(`user ${row.id} has an unknown status`);
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    displayName: row.display_name,
    bio: row.bio,
    passwordHash: row.password_hash,
    role: row.role,
    status: row.status as UserStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
