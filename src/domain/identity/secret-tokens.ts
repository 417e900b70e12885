/** Opaque refresh tokens: 32 random bytes, base64url without padding; only their SHA-256 is ever stored. */
export interface SecretTokens {
  generate(): string;
  /** SHA-256, lowercase hex. */
  hash(token: string): string;
}
