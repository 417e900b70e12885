import { hash as rawHash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { argon2PasswordHasher } from '../../../../src/infrastructure/security/password/argon2-password-hasher.js';

const hasher = argon2PasswordHasher();
const PASSWORD = 'correct horse battery staple';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

describe('argon2PasswordHasher', () => {
  it('writes a PHC argon2id string with the OWASP parameters, a 16-byte salt and a 32-byte hash', async () => {
    const phc = await hasher.hash(PASSWORD);
    const match = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc);
    expect(match).not.toBeNull();
    expect(Buffer.from(match![1]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(match![2]!, 'base64')).toHaveLength(32);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash(PASSWORD)).not.toBe(await hasher.hash(PASSWORD));
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const phc = await hasher.hash(PASSWORD);
    expect(await hasher.verify(phc, PASSWORD)).toBe(true);
    expect(await hasher.verify(phc, `${PASSWORD} `)).toBe(false);
    expect(await hasher.verify(phc, PASSWORD.toUpperCase())).toBe(false);
    expect(await hasher.verify(phc, '')).toBe(false);
  });

  it('round-trips unicode bytes as given (normalisation is the caller’s job)', async () => {
    const composed = 'pässwörd-日本語-🔑-\u00e9';
    const decomposed = composed.normalize('NFD');
    const phc = await hasher.hash(composed);
    expect(await hasher.verify(phc, composed)).toBe(true);
    expect(await hasher.verify(phc, decomposed)).toBe(false);
  });

  it('returns false, never throws, for a malformed hash', async () => {
    const malformed = ['', 'plain', '$argon2id$', '$argon2id$v=19$m=19456,t=2,p=1$!!$!!', '$2b$10$abcdefghijklmnopqrstuv', '$argon2id$v=19$m=abc,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA'];
    for (const stored of malformed) await expect(hasher.verify(stored, PASSWORD)).resolves.toBe(false);
  });

  it('needs no rehash for its own parameters, and does for others or garbage', async () => {
    expect(hasher.needsRehash(await hasher.hash(PASSWORD))).toBe(false);
    const goimg = await rawHash(PASSWORD, { memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    expect(goimg).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    expect(hasher.needsRehash(goimg)).toBe(true);
    expect(await hasher.verify(goimg, PASSWORD)).toBe(true); // old hashes still log in, then get re-hashed
    expect(hasher.needsRehash('garbage')).toBe(true);
    const stronger = argon2PasswordHasher({ memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    expect(stronger.needsRehash(goimg)).toBe(false);
    expect(stronger.needsRehash(await hasher.hash(PASSWORD))).toBe(true);
  });

  it('verifyDummy always answers false, even for the empty password', async () => {
    await expect(hasher.verifyDummy(PASSWORD)).resolves.toBe(false);
    await expect(hasher.verifyDummy('')).resolves.toBe(false);
  });

  // Timing on a shared CPU is noisy: a real regression (a free or a doubled dummy) fails every attempt.
  it('verifyDummy costs about as much as a real verify', { retry: 2 }, async () => {
    const phc = await hasher.hash(PASSWORD);
    await hasher.verifyDummy(PASSWORD); // the dummy hash is ready from here on
    const real: number[] = [];
    const dummy: number[] = [];
    for (let i = 0; i < 15; i++) {
      real.push(await timeMs(() => hasher.verify(phc, 'a wrong password!')));
      dummy.push(await timeMs(() => hasher.verifyDummy('a wrong password!')));
    }
    const ratio = median(dummy) / median(real);
    expect(ratio).toBeGreaterThan(0.65);
    expect(ratio).toBeLessThan(1.35);
  });
});
