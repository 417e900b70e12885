import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenSigner } from '../../../../src/domain/identity/token-signer.js';
import { UnauthorizedError } from '../../../../src/domain/shared/errors.js';
import { joseTokenSigner } from '../../../../src/infrastructure/security/jwt/jose-token-signer.js';
import { loadSigningKey, type SigningAlgorithm, type SigningKey } from '../../../../src/infrastructure/security/jwt/key-files.js';

const ISSUER = 'tessera';
const TTL_S = 900;
const nowS = (): number => Math.floor(Date.now() / 1000);
const claims = (over: Partial<Record<string, unknown>> = {}) => {
  const iat = nowS();
  return { sub: '0190a000-0000-7000-8000-000000000001', sid: '0190a000-0000-7000-8000-000000000002', role: 'user' as const, jti: '0190a000-0000-7000-8000-000000000003', iat, exp: iat + TTL_S, ...over } as Parameters<TokenSigner['sign']>[0];
};
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

async function keyFor(algorithm: SigningAlgorithm): Promise<SigningKey> {
  const { privateKey } = algorithm === 'EdDSA' ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return loadSigningKey({ algorithm, privateKeyPem, dataDir: '/nonexistent' });
}

async function expectInvalid(promise: Promise<unknown>): Promise<UnauthorizedError> {
  const err: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UnauthorizedError);
  const error = err as UnauthorizedError;
  expect(error.code).toBe('auth.invalid_token');
  expect(error.meta.invalidToken).toBe(true);
  expect(error.detail).toMatch(/^the access token [a-z ]+$/); // a short reason, no jose internals
  return error;
}

const keys = {} as Record<SigningAlgorithm, SigningKey>;
const signers = {} as Record<SigningAlgorithm, TokenSigner>;
beforeAll(async () => {
  for (const algorithm of ['EdDSA', 'RS256'] as const) {
    keys[algorithm] = await keyFor(algorithm);
    signers[algorithm] = joseTokenSigner(keys[algorithm], { algorithm, issuer: ISSUER, accessTokenTtlS: TTL_S });
  }
});

describe.each(['EdDSA', 'RS256'] as const)('joseTokenSigner %s', (algorithm) => {
  const signer = (): TokenSigner => signers[algorithm];

  it('round-trips the claims, adding iss', async () => {
    const input = claims({ role: 'moderator' });
    expect(await signer().verify(await signer().sign(input))).toEqual({ iss: ISSUER, ...input });
  });

  it('writes exactly the header {alg, typ: at+jwt, kid} and exactly the seven claims', async () => {
    const input = claims();
    const token = await signer().sign({ ...input, email: 'leak@example.com' } as typeof input);
    expect(decodeProtectedHeader(token)).toStrictEqual({ alg: algorithm, typ: 'at+jwt', kid: keys[algorithm].kid });
    const payload = decodeJwt(token);
    expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'iss', 'jti', 'role', 'sid', 'sub']);
    expect(payload).toStrictEqual({ iss: ISSUER, ...input });
  });

  it('accepts a token expired within the 30 s leeway and rejects one beyond it', async () => {
    const now = nowS();
    await expect(signer().verify(await signer().sign(claims({ iat: now - TTL_S - 20, exp: now - 20 })))).resolves.toMatchObject({ exp: now - 20 });
    const error = await expectInvalid(signer().verify(await signer().sign(claims({ iat: now - TTL_S - 31, exp: now - 31 }))));
    expect(error.detail).toBe('the access token has expired');
  });

  it('accepts an iat up to 30 s in the future and rejects one beyond', async () => {
    const now = nowS();
    await expect(signer().verify(await signer().sign(claims({ iat: now + 20, exp: now + 20 + TTL_S })))).resolves.toBeDefined();
    await expectInvalid(signer().verify(await signer().sign(claims({ iat: now + 60, exp: now + 60 + TTL_S }))));
  });

  it('rejects a token issued longer ago than the TTL even when its exp lies further out', async () => {
    const now = nowS();
    await expectInvalid(signer().verify(await signer().sign(claims({ iat: now - TTL_S - 60, exp: now + 3600 }))));
  });

  it('rejects another issuer', async () => {
    const other = joseTokenSigner(keys[algorithm], { algorithm, issuer: 'someone-else', accessTokenTtlS: TTL_S });
    await expectInvalid(signer().verify(await other.sign(claims())));
  });

  it('rejects a tampered payload and a tampered signature', async () => {
    const [header, , signature] = (await signer().sign(claims())).split('.');
    const forged = `${header}.${b64({ iss: ISSUER, ...claims({ role: 'admin' }) })}.${signature}`;
    expect((await expectInvalid(signer().verify(forged))).detail).toBe('the access token signature is not valid');
    const flipped = signature!.startsWith('A') ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
    await expectInvalid(signer().verify(`${header}.${forged.split('.')[1]}.${flipped}`));
  });

  it('rejects a token signed by another key of the same type', async () => {
    const stranger = joseTokenSigner(await keyFor(algorithm), { algorithm, issuer: ISSUER, accessTokenTtlS: TTL_S });
    await expectInvalid(signer().verify(await stranger.sign(claims())));
  });

  it('rejects the other algorithm', async () => {
    const other = algorithm === 'EdDSA' ? 'RS256' : 'EdDSA';
    const error = await expectInvalid(signer().verify(await signers[other].sign(claims())));
    expect(error.detail).toBe('the access token algorithm is not accepted');
  });

  it('rejects alg none', async () => {
    const body = b64({ iss: ISSUER, ...claims() });
    for (const alg of ['none', 'None', 'NONE']) {
      await expectInvalid(signer().verify(`${b64({ alg, typ: 'at+jwt' })}.${body}.`));
      await expectInvalid(signer().verify(`${b64({ alg, typ: 'at+jwt', kid: keys[algorithm].kid })}.${body}.AAAA`));
    }
  });

  it('rejects HS256 signed with the public key bytes as secret (algorithm confusion)', async () => {
    const publicKey: KeyObject = keys[algorithm].publicKey;
    const secrets = [
      publicKey.export({ type: 'spki', format: 'pem' }),
      publicKey.export({ type: 'spki', format: 'der' }),
      JSON.stringify(publicKey.export({ format: 'jwk' })),
    ];
    for (const secret of secrets) {
      const input = `${b64({ alg: 'HS256', typ: 'at+jwt', kid: keys[algorithm].kid })}.${b64({ iss: ISSUER, ...claims() })}`;
      const mac = createHmac('sha256', secret).update(input).digest('base64url');
      await expectInvalid(signer().verify(`${input}.${mac}`));
    }
  });

  it('rejects a missing typ or another typ, missing claims and an unknown role', async () => {
    const sign = (header: Record<string, unknown>, payload: Record<string, unknown>) =>
      new SignJWT(payload).setProtectedHeader({ alg: algorithm, ...header }).sign(keys[algorithm].privateKey);
    const full = { iss: ISSUER, ...claims() };
    await expectInvalid(signer().verify(await sign({}, full)));
    await expectInvalid(signer().verify(await sign({ typ: 'JWT' }, full)));
    for (const claim of ['iss', 'sub', 'sid', 'role', 'jti', 'iat', 'exp']) {
      const { [claim as keyof typeof full]: _dropped, ...rest } = full;
      await expectInvalid(signer().verify(await sign({ typ: 'at+jwt' }, rest)));
    }
    await expectInvalid(signer().verify(await sign({ typ: 'at+jwt' }, { ...full, role: 'superuser' })));
    await expectInvalid(signer().verify(await sign({ typ: 'at+jwt' }, { ...full, sid: 42 })));
    await expectInvalid(signer().verify(await sign({ typ: 'at+jwt' }, { ...full, sub: '' })));
  });

  it('rejects garbage, the empty string and a 10 KB string', async () => {
    const garbage = ['', 'x', 'a.b.c', '...', 'Bearer x.y.z', `${b64({ alg: algorithm })}.%%%.###`, 'eyJ.eyJ.eyJ', '\u0000', 'x'.repeat(10 * 1024)];
    for (const token of garbage) await expectInvalid(signer().verify(token));
    const real = await signer().sign(claims());
    await expectInvalid(signer().verify(`${real}.${'A'.repeat(10 * 1024)}`));
    await expectInvalid(signer().verify(undefined as unknown as string));
  });
});
