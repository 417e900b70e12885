import type { Ports } from '../ports.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { isSessionActive, truncateUserAgent } from '../../domain/identity/session.js';
import { DomainError, UnauthorizedError } from '../../domain/shared/errors.js';
import { signAccessToken, type IssuedTokens } from './issue-tokens.js';
import { recordAudit } from './record-audit.js';
import { rememberSession } from './remember-session.js';

type Deps = Pick<
  Ports,
  'uow' | 'sessions' | 'users' | 'auditLog' | 'clock' | 'ids' | 'logger' | 'tokenSigner' | 'secretTokens' | 'identity' | 'sessionStore'
>;

const REFRESH_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const invalid = () => new UnauthorizedError('auth.invalid_refresh_token', 'the refresh token is invalid or expired');

/**
 * Rotates a refresh token (contract §5.4). Presenting one that was already rotated is a replay: the whole
 * family and its session are revoked at once and the answer is 401 `token-reused`. No grace window.
 */
export async function refreshTokens(deps: Deps, refreshToken: string, ctx: RequestContext): Promise<IssuedTokens> {
  if (!REFRESH_SHAPE.test(refreshToken)) throw invalid();
  const hash = deps.secretTokens.hash(refreshToken);
  const now = deps.clock.now();
  const token = await deps.sessions.findRefreshToken(hash);
  if (!token || token.expiresAt <= now) throw invalid();
  if (token.rotatedAt) return replay(deps, token.sessionId, ctx);
  if (token.revokedAt) throw invalid();

  const session = await deps.sessions.findById(token.sessionId);
  const user = session ? await deps.users.findById(session.userId) : null;
  if (!session || !user || user.status !== 'active' || !isSessionActive({ revoked: session.revokedAt !== null, expiresAt: session.expiresAt }, now)) {
    throw invalid();
  }

  const next = deps.secretTokens.generate();
  const expiresAt = new Date(now.getTime() + deps.identity.refreshTokenTtlS * 1000);
  const rotated = await deps.uow.run(async (tx) => {
    // Guarded: of two concurrent refreshes with one token exactly one rotates; the other is a replay.
    if (!(await tx.sessions.markRotated(hash, now))) return false;
    await tx.sessions.addRefreshToken({ hash: deps.secretTokens.hash(next), sessionId: session.id, familyId: token.familyId, parentHash: hash, issuedAt: now, expiresAt });
    await tx.sessions.touch(session.id, { ipAddress: ctx.ip, userAgent: truncateUserAgent(ctx.userAgent), lastUsedAt: now, expiresAt });
    return true;
  });
  if (!rotated) return replay(deps, token.sessionId, ctx);

  await rememberSession(deps, { sessionId: session.id, userId: user.id, role: user.role, lastUsedAt: now, expiresAt, revoked: false });
  const accessToken = await signAccessToken(deps, user.id, session.id, user.role);
  return { accessToken, refreshToken: next, expiresIn: deps.identity.accessTokenTtlS };
}

async function replay(deps: Deps, sessionId: string, ctx: RequestContext): Promise<never> {
  // The store first: if it is down nothing changes and the client gets 503, never a live stolen session.
  await deps.sessionStore.revoke([sessionId]);
  const session = await deps.sessions.findById(sessionId);
  await deps.uow.run(async (tx) => {
    await tx.sessions.revoke([sessionId], deps.clock.now());
    await recordAudit(deps, tx.auditLog, ctx, {
      action: 'auth.token_reused',
      actorId: null,
      targetType: 'session',
      targetId: sessionId,
      details: { session_id: sessionId, ...(session ? { user_id: session.userId } : {}) },
    });
  });
  deps.logger.warn({ session_id: sessionId }, 'refresh token reused: session revoked');
  throw new DomainError('token-reused', 'auth.token_reused', 'this refresh token was already used; the session has been revoked');
}
