/**
 * Session state and the access-token denylist in Redis. A session is a hash `sess:<id>` that expires with the
 * session; `check` reads it and the denylist entry in one pipeline (one round trip, contract §5.2).
 */
import type { Role } from '../../../domain/identity/role.js';
import type { SessionState } from '../../../domain/identity/session.js';
import type { SessionStore } from '../../../domain/identity/session-store.js';
import { isRole } from '../../../domain/identity/role.js';
import { execAll, translateRedisError, type RedisClient } from './connection.js';

const sessionKey = (id: string) => `sess:${id}`;
const denyKey = (tokenId: string) => `deny:${tokenId}`;

// Revocation is permanent: a put racing a revoke (a refresh, a last-use touch) must not bring the session back.
const PUT_SCRIPT = `
local revoked = ARGV[5]
if redis.call('HGET', KEYS[1], 'revoked') == '1' then revoked = '1' end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'userId', ARGV[1], 'role', ARGV[2], 'lastUsedAt', ARGV[3], 'expiresAt', ARGV[4], 'revoked', revoked)
redis.call('PEXPIREAT', KEYS[1], ARGV[6])
return 0`;

// Sets the role only on sessions present here; HSET alone would create a partial hash that never expires.
const SET_ROLE_SCRIPT = `
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then redis.call('HSET', key, 'role', ARGV[1]) end
end
return 0`;

export function redisSessionStore(redis: RedisClient, options: { tombstoneTtlS: number }): SessionStore {
  const guard = async <T>(context: string, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw translateRedisError(context, err);
    }
  };
  return {
    check: (sessionId, tokenId) =>
      guard('check session', async () => {
        const [fields, denied] = (await execAll(redis.pipeline().hgetall(sessionKey(sessionId)).exists(denyKey(tokenId)))) as [Record<string, string>, number];
        return { session: toState(sessionId, fields), denied: denied === 1 };
      }),
    put: (state) =>
      guard('store session', async () => {
        await redis.eval(
          PUT_SCRIPT,
          1,
          sessionKey(state.sessionId),
          state.userId,
          state.role,
          String(state.lastUsedAt.getTime()),
          String(state.expiresAt.getTime()),
          state.revoked ? '1' : '0',
          String(Math.max(state.expiresAt.getTime(), Date.now() + 1000)),
        );
      }),
    revoke: (sessionIds) =>
      guard('revoke sessions', async () => {
        if (sessionIds.length === 0) return;
        const pipeline = redis.pipeline();
        for (const id of sessionIds) {
          // A tombstone: an unknown session becomes a revoked one, expiring once no token of it could be valid.
          pipeline.hset(sessionKey(id), 'revoked', '1').expire(sessionKey(id), options.tombstoneTtlS, 'NX');
        }
        await execAll(pipeline);
      }),
    setRole: (sessionIds, role: Role) =>
      guard('update session roles', async () => {
        if (sessionIds.length === 0) return;
        await redis.eval(SET_ROLE_SCRIPT, sessionIds.length, ...sessionIds.map(sessionKey), role);
      }),
    deny: (tokenId, until) =>
      guard('deny token', async () => {
        const ttlMs = until.getTime() - Date.now();
        if (ttlMs <= 0) return;
        await redis.set(denyKey(tokenId), '1', 'PX', ttlMs);
      }),
  };
}

function toState(sessionId: string, fields: Record<string, string>): SessionState | null {
  if (fields.revoked === '1' && fields.userId === undefined) {
    // Tombstone of a session this store never held: revoked all the same.
    return { sessionId, userId: '', role: 'user', lastUsedAt: new Date(0), expiresAt: new Date(0), revoked: true };
  }
  if (!fields.userId || !isRole(fields.role)) return null;
  return {
    sessionId,
    userId: fields.userId,
    role: fields.role,
    lastUsedAt: new Date(Number(fields.lastUsedAt)),
    expiresAt: new Date(Number(fields.expiresAt)),
    revoked: fields.revoked === '1',
  };
}
