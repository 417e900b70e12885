import type { PasswordHasher } from '../../../domain/identity/password-hasher.js';
import type { Metrics } from '../../../domain/shared/metrics.js';

/** Counts every Argon2id operation, so operators (and the benchmark) can see that floods cost no hashing. */
export function countedPasswordHasher(inner: PasswordHasher, metrics: Metrics): PasswordHasher {
  return {
    hash(password) {
      metrics.increment('password_hashes_total', { op: 'hash' });
      return inner.hash(password);
    },
    verify(hash, password) {
      metrics.increment('password_hashes_total', { op: 'verify' });
      return inner.verify(hash, password);
    },
    needsRehash: (hash) => inner.needsRehash(hash),
    verifyDummy(password) {
      metrics.increment('password_hashes_total', { op: 'dummy' });
      return inner.verifyDummy(password);
    },
  };
}
