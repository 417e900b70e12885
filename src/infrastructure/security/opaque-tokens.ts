import { createHash, randomBytes } from 'node:crypto';
import type { SecretTokens } from '../../domain/identity/secret-tokens.js';

/** 32 bytes from the OS CSPRNG, base64url without padding (43 characters). */
export function opaqueTokens(): SecretTokens {
  return {
    generate: () => randomBytes(32).toString('base64url'),
    hash: (token) => createHash('sha256').update(token, 'utf8').digest('hex'),
  };
}
