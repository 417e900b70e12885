import type { Session } from './session.js';

export interface NewRefreshToken {
  /** SHA-256 of the token, hex; the token itself is never stored. */
  readonly hash: string;
  readonly sessionId: string;
  readonly familyId: string;
  readonly parentHash: string | null;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

export interface RefreshToken extends NewRefreshToken {
  readonly rotatedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** Durable sessions and their refresh-token families. Transactional when obtained from `uow.run`. */
export interface SessionRepository {
  create(session: Session): Promise<void>;
  findById(id: string): Promise<Session | null>;
  /** Not revoked and not expired at `now`, most recently used first. */
  listActive(userId: string, now: Date): Promise<Session[]>;
  /** Ids of the user's sessions not expired at `now`, revoked ones included (their hot copies may still be live). */
  listUnexpiredIds(userId: string, now: Date): Promise<string[]>;
  /** Sets IP, user agent, last use and expiry (a refresh). */
  touch(id: string, changes: { ipAddress?: string; userAgent?: string; lastUsedAt: Date; expiresAt?: Date }): Promise<void>;
  /** Revokes the sessions and every refresh token of their families; returns the ids that were active. */
  revoke(ids: readonly string[], at: Date): Promise<string[]>;
  /** Revokes every active session of the user except `keep`; returns the ids revoked. */
  revokeAllOfUser(userId: string, at: Date, keep?: string): Promise<string[]>;
  addRefreshToken(token: NewRefreshToken): Promise<void>;
  findRefreshToken(hash: string): Promise<RefreshToken | null>;
  /** Marks the token rotated unless it already was; false when another rotation won the race. */
  markRotated(hash: string, at: Date): Promise<boolean>;
}
