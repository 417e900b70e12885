import type { Role } from './role.js';

/** The claims of an access token (contract §5.1) — exactly these, nothing else. */
export interface AccessClaims {
  readonly iss: string;
  readonly sub: string;
  readonly sid: string;
  readonly role: Role;
  readonly jti: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
}

/**
 * Signs and verifies access tokens (JWS compact, header `typ: at+jwt`, `kid` = key thumbprint). Verification
 * accepts only the configured algorithm and checks signature, `iss`, `exp` and `iat` with 30 s leeway.
 */
export interface TokenSigner {
  sign(claims: Omit<AccessClaims, 'iss'>): Promise<string>;
  /** Throws UnauthorizedError (`invalidToken: true`) for any token that is malformed, forged, expired or of another algorithm. */
  verify(token: string): Promise<AccessClaims>;
}
