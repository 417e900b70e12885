/** Argon2id via `@node-rs/argon2` (contract §5.3): prebuilt, and its async calls run on libuv's thread pool. */
import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';
import type { PasswordHasher } from '../../../domain/identity/password-hasher.js';

export interface Argon2Params {
  /** KiB. */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane. */
export const OWASP_ARGON2_PARAMS: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// The package declares these as ambient const enums, which `isolatedModules` cannot read; values from its d.ts.
const ARGON2ID = 2; // Algorithm.Argon2id
const VERSION_0X13 = 1; // Version.V0x13, PHC `v=19`
const OUTPUT_LEN = 32;
const SALT_LEN = 16;

export function argon2PasswordHasher(params: Argon2Params = OWASP_ARGON2_PARAMS): PasswordHasher {
  const options = (): Options => ({
    algorithm: ARGON2ID,
    version: VERSION_0X13,
    memoryCost: params.memoryCost,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
    outputLen: OUTPUT_LEN,
    salt: randomBytes(SALT_LEN),
  });
  // Started now so the first unknown-email login does not pay for it; awaited only by verifyDummy.
  const dummyHash = hash(randomBytes(32).toString('base64url'), options());
  dummyHash.catch(() => undefined); // surfaced by verifyDummy, not as an unhandled rejection

  const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
    try {
      return await verify(stored, password);
    } catch {
      return false; // malformed or unsupported hash strings are just a failed login
    }
  };

  return {
    async hash(password) {
      return hash(password, options());
    },

    verify: verifyPassword,

    needsRehash(stored) {
      try {
        const parsed = parseOptions(stored);
        return (
          (parsed.algorithm as number) !== ARGON2ID ||
          (parsed.version as number) !== VERSION_0X13 ||
          parsed.memoryCost !== params.memoryCost ||
          parsed.timeCost !== params.timeCost ||
          parsed.parallelism !== params.parallelism ||
          parsed.outputLen !== OUTPUT_LEN ||
          parsed.saltLen < SALT_LEN
        );
      } catch {
        return true;
      }
    },

    async verifyDummy(password) {
      // Same parameters, same work as a real verify; the random dummy password can never match.
      await verifyPassword(await dummyHash, password);
      return false;
    },
  };
}
