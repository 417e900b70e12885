import type { Ports, TxPorts } from '../ports.js';
import type { Session, SessionState } from '../../domain/identity/session.js';
import type { Role } from '../../domain/identity/role.js';
import type { User } from '../../domain/identity/user.js';
import type { RequestContext } from '../../domain/shared/request-context.js';
import { truncateUserAgent } from '../../domain/identity/session.js';

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
}

type TokenDeps = Pick<Ports, 'clock' | 'ids' | 'tokenSigner' | 'secretTokens' | 'identity'>;

/** Signs an access token for the session; its role claim only informs clients (the session's role rules). */
export async function signAccessToken(deps: TokenDeps, userId: string, sessionId: string, role: Role): Promise<string> {
  const iat = Math.floor(deps.clock.now().getTime() / 1000);
  return deps.tokenSigner.sign({ sub: userId, sid: sessionId, role, jti: deps.ids.next(), iat, exp: iat + deps.identity.accessTokenTtlS });
}

/**
 * Creates a session with its refresh-token family inside the caller's transaction and signs its tokens.
 * The caller puts the returned state into the session store after commit.
 */
export async function startSession(
  tx: TxPorts,
  deps: TokenDeps,
  user: User,
  ctx: RequestContext,
): Promise<{ tokens: IssuedTokens; state: SessionState }> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.identity.refreshTokenTtlS * 1000);
  const session: Session = {
    id: deps.ids.next(),
    userId: user.id,
    ipAddress: ctx.ip,
    userAgent: truncateUserAgent(ctx.userAgent),
    createdAt: now,
    lastUsedAt: now,
    expiresAt,
    revokedAt: null,
  };
  await tx.sessions.create(session);
  const refreshToken = deps.secretTokens.generate();
  await tx.sessions.addRefreshToken({
    hash: deps.secretTokens.hash(refreshToken),
    sessionId: session.id,
    familyId: session.id,
    parentHash: null,
    issuedAt: now,
    expiresAt,
  });
  const accessToken = await signAccessToken(deps, user.id, session.id, user.role);
  return {
    tokens: { accessToken, refreshToken, expiresIn: deps.identity.accessTokenTtlS },
    state: { sessionId: session.id, userId: user.id, role: user.role, lastUsedAt: now, expiresAt, revoked: false },
  };
}
