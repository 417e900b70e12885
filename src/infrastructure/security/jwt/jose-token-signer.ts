/** Access tokens as JWS compact with `jose` (contract §5.1–5.2): one configured algorithm, 30 s leeway. */
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { isRole } from '../../../domain/identity/role.js';
import type { AccessClaims, TokenSigner } from '../../../domain/identity/token-signer.js';
import { UnauthorizedError } from '../../../domain/shared/errors.js';
import type { SigningAlgorithm, SigningKey } from './key-files.js';

export interface JoseTokenSignerOptions {
  readonly algorithm: SigningAlgorithm;
  readonly issuer: string;
  readonly accessTokenTtlS: number;
}

const TOKEN_TYPE = 'at+jwt';
const LEEWAY_S = 30;
// Our tokens are a few hundred characters; anything far longer is not ours and need not be parsed.
const MAX_TOKEN_LENGTH = 4096;
const REQUIRED_CLAIMS = ['iss', 'sub', 'sid', 'role', 'jti', 'iat', 'exp'];

export function joseTokenSigner(key: SigningKey, options: JoseTokenSignerOptions): TokenSigner {
  const { algorithm, issuer, accessTokenTtlS } = options;
  return {
    async sign(claims) {
      // Copy field by field: the caller's object may carry more properties, and the claim set is exact.
      const payload = { iss: issuer, sub: claims.sub, sid: claims.sid, role: claims.role, jti: claims.jti, iat: claims.iat, exp: claims.exp };
      return new SignJWT(payload).setProtectedHeader({ alg: algorithm, typ: TOKEN_TYPE, kid: key.kid }).sign(key.privateKey);
    },

    async verify(token) {
      if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
        throw invalidToken('the access token is malformed');
      }
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, key.publicKey, {
          algorithms: [algorithm],
          issuer,
          typ: TOKEN_TYPE,
          clockTolerance: LEEWAY_S,
          // Bounds a token's life by the configured TTL even if its `exp` lies further out; also rejects a future `iat`.
          maxTokenAge: accessTokenTtlS,
          requiredClaims: REQUIRED_CLAIMS,
        }));
      } catch (err) {
        throw invalidToken(reasonOf(err));
      }
      return toClaims(payload);
    },
  };
}

function toClaims(payload: JWTPayload): AccessClaims {
  const { iss, sub, sid, role, jti, iat, exp } = payload;
  if (typeof iss !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
    throw invalidToken('the access token claims are not valid');
  }
  if (!isNonEmptyString(sub) || !isNonEmptyString(sid) || !isNonEmptyString(jti) || !isRole(role)) {
    throw invalidToken('the access token claims are not valid');
  }
  // jose checks this through maxTokenAge already; kept explicit because the contract names it.
  if (iat > Date.now() / 1000 + LEEWAY_S) throw invalidToken('the access token is not valid yet');
  return { iss, sub, sid, role, jti, iat, exp };
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Says what failed in a few words, never jose's own message (it may quote claims or header values). */
function reasonOf(err: unknown): string {
  switch ((err as { code?: unknown } | null)?.code) {
    case 'ERR_JWT_EXPIRED':
      return 'the access token has expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the access token signature is not valid';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'the access token algorithm is not accepted';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return 'the access token claims are not valid';
    default:
      return 'the access token is malformed';
  }
}

function invalidToken(detail: string): UnauthorizedError {
  return new UnauthorizedError('auth.invalid_token', detail, { invalidToken: true });
}
