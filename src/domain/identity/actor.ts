import { UnauthorizedError } from '../shared/errors.js';
import type { Role } from './role.js';

/** Who is calling: nobody, or a user with the session their token belongs to. */
export type Actor = AnonymousActor | UserActor;

export interface AnonymousActor {
  readonly kind: 'anonymous';
}

export interface UserActor {
  readonly kind: 'user';
  readonly userId: string;
  /** From the session record, not the token claim. */
  readonly role: Role;
  readonly sessionId: string;
  /** The presented token's id and expiry, so logout can deny-list it until it would expire anyway. */
  readonly tokenId: string;
  readonly tokenExpiresAt: Date;
}

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };

/** Narrows to a signed-in user; anonymous callers get 401. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new UnauthorizedError('auth.required', 'an access token is required');
  return actor;
}
