import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSigningKey, loadUrlSigningSecret } from '../../../../src/infrastructure/security/jwt/key-files.js';

const run = promisify(execFile);
const KEY_FILES = path.resolve('src/infrastructure/security/jwt/key-files.ts');

const pkcs8 = (key: ReturnType<typeof generateKeyPairSync>['privateKey']): string =>
  key.export({ type: 'pkcs8', format: 'pem' }).toString();
const ed25519Pem = (): string => pkcs8(generateKeyPairSync('ed25519').privateKey);
const rsaPem = (bits: number): string => pkcs8(generateKeyPairSync('rsa', { modulusLength: bits }).privateKey);
const modeOf = async (file: string): Promise<number> => (await fs.stat(file)).mode & 0o777;

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-keys-'));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('loadSigningKey', () => {
  it('generates an Ed25519 key once into DATA_DIR/keys (0600, folder 0700) and reuses it', async () => {
    const first = await loadSigningKey({ algorithm: 'EdDSA', dataDir });
    const file = path.join(dataDir, 'keys', 'jwt-ed25519.pem');
    expect(await modeOf(file)).toBe(0o600);
    expect(await modeOf(path.dirname(file))).toBe(0o700);
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(first.publicKey.type).toBe('public');
    expect(first.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const pem = await fs.readFile(file, 'utf8');
    const again = await loadSigningKey({ algorithm: 'EdDSA', dataDir });
    expect(again.kid).toBe(first.kid);
    expect(await fs.readFile(file, 'utf8')).toBe(pem);
    expect(await fs.readdir(path.dirname(file))).toEqual(['jwt-ed25519.pem']);
  });

  it('lets concurrent first loads in one process agree on one key', async () => {
    const keys = await Promise.all(Array.from({ length: 12 }, () => loadSigningKey({ algorithm: 'EdDSA', dataDir })));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    expect(await fs.readdir(path.join(dataDir, 'keys'))).toEqual(['jwt-ed25519.pem']);
  });

  it('lets processes racing at first boot agree on one key', async () => {
    // Every child loads its modules first, then all start at the same instant so their first reads race.
    const startAt = Date.now() + 1500;
    const script = `const m = await import(${JSON.stringify(KEY_FILES)});
      await new Promise((r) => setTimeout(r, ${startAt} - Date.now()));
      const k = await m.loadSigningKey({ algorithm: 'EdDSA', dataDir: ${JSON.stringify(dataDir)} });
      process.stdout.write(k.kid);`;
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script])),
    );
    const kids = outputs.map((o) => o.stdout);
    expect(new Set(kids).size).toBe(1);
    expect((await loadSigningKey({ algorithm: 'EdDSA', dataDir })).kid).toBe(kids[0]);
  });

  it('uses a PEM from the environment and generates nothing', async () => {
    const pem = ed25519Pem();
    const key = await loadSigningKey({ algorithm: 'EdDSA', privateKeyPem: pem, dataDir });
    expect(key.privateKey.export({ type: 'pkcs8', format: 'pem' })).toBe(pem);
    await expect(fs.stat(path.join(dataDir, 'keys'))).rejects.toThrow(/ENOENT/);
  });

  it('accepts a one-line PEM with literal \\n escapes, as env files often hold it', async () => {
    const pem = ed25519Pem();
    const oneLine = await loadSigningKey({ algorithm: 'EdDSA', privateKeyPem: pem.replaceAll('\n', '\\n'), dataDir });
    expect(oneLine.kid).toBe((await loadSigningKey({ algorithm: 'EdDSA', privateKeyPem: pem, dataDir })).kid);
  });

  it('uses a PEM from a file, RSA for RS256', async () => {
    const file = path.join(dataDir, 'rsa.pem');
    await fs.writeFile(file, rsaPem(2048));
    const key = await loadSigningKey({ algorithm: 'RS256', privateKeyFile: file, dataDir });
    expect(key.privateKey.asymmetricKeyType).toBe('rsa');
    expect(key.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('derives kid as the RFC 7638 thumbprint (the RFC 8037 A.3 Ed25519 example)', async () => {
    // RFC 8037 Appendix A.1 private key, in PKCS#8; A.3 gives its thumbprint.
    const seed = Buffer.from('nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', 'base64url');
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const pem = `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`;
    const key = await loadSigningKey({ algorithm: 'EdDSA', privateKeyPem: pem, dataDir });
    expect(key.kid).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('rejects a key whose type does not match the algorithm', async () => {
    await expect(loadSigningKey({ algorithm: 'EdDSA', privateKeyPem: rsaPem(2048), dataDir })).rejects.toThrow(/needs an Ed25519 key, got rsa/);
    await expect(loadSigningKey({ algorithm: 'RS256', privateKeyPem: ed25519Pem(), dataDir })).rejects.toThrow(/needs an RSA key, got ed25519/);
    const ec = pkcs8(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    await expect(loadSigningKey({ algorithm: 'EdDSA', privateKeyPem: ec, dataDir })).rejects.toThrow(/got ec/);
  });

  it('rejects an RSA key shorter than 2048 bits', async () => {
    await expect(loadSigningKey({ algorithm: 'RS256', privateKeyPem: rsaPem(1024), dataDir })).rejects.toThrow(/1024 bits, at least 2048/);
  });

  it('refuses RS256 without a configured key instead of generating one', async () => {
    await expect(loadSigningKey({ algorithm: 'RS256', dataDir })).rejects.toThrow(/RS256 needs JWT_PRIVATE_KEY or JWT_PRIVATE_KEY_FILE/);
    await expect(fs.stat(path.join(dataDir, 'keys'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects garbage, a public key and a missing file with a message naming the variable', async () => {
    await expect(loadSigningKey({ algorithm: 'EdDSA', privateKeyPem: 'not a key', dataDir })).rejects.toThrow(/^JWT_PRIVATE_KEY is not a PEM/);
    const spki = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await expect(loadSigningKey({ algorithm: 'EdDSA', privateKeyPem: spki, dataDir })).rejects.toThrow(/^JWT_PRIVATE_KEY is not/);
    const missing = path.join(dataDir, 'missing.pem');
    await expect(loadSigningKey({ algorithm: 'EdDSA', privateKeyFile: missing, dataDir })).rejects.toThrow(/^JWT_PRIVATE_KEY_FILE: cannot read/);
  });
});

describe('loadUrlSigningSecret', () => {
  it('generates 32 random bytes once into DATA_DIR/keys (0600) and reuses them', async () => {
    const first = await loadUrlSigningSecret(dataDir);
    const file = path.join(dataDir, 'keys', 'url-signing.key');
    expect(first).toHaveLength(32);
    expect(await modeOf(file)).toBe(0o600);
    expect(await fs.readFile(file)).toEqual(first);
    expect(await loadUrlSigningSecret(dataDir)).toEqual(first);
  });

  it('lets concurrent first loads agree on one secret', async () => {
    const secrets = await Promise.all(Array.from({ length: 12 }, () => loadUrlSigningSecret(dataDir)));
    expect(new Set(secrets.map((s) => s.toString('hex'))).size).toBe(1);
  });

  it('uses a configured secret as is and writes nothing', async () => {
    const configured = 'a-configured-secret-of-at-least-32-bytes-ünïcode';
    expect(await loadUrlSigningSecret(dataDir, configured)).toEqual(Buffer.from(configured, 'utf8'));
    await expect(fs.stat(path.join(dataDir, 'keys'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a truncated secret file rather than sign with a weak key', async () => {
    await fs.mkdir(path.join(dataDir, 'keys'));
    await fs.writeFile(path.join(dataDir, 'keys', 'url-signing.key'), 'short');
    await expect(loadUrlSigningSecret(dataDir)).rejects.toThrow(/fewer than 32 bytes/);
  });
});
