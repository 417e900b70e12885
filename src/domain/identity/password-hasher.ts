/** Argon2id password hashing (contract §5.3). Implementations hash off the event loop. */
export interface PasswordHasher {
  /** A PHC string: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`. */
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed hash; never throws for either. */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when `hash` was made with other parameters than the current ones (re-hash after login). */
  needsRehash(hash: string): boolean;
  /** Verifies against a fixed dummy hash, so that an unknown email costs the same time as a wrong password. */
  verifyDummy(password: string): Promise<false>;
}
