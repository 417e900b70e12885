/**
 * Key material for access tokens and signed URLs (contract §5.1, §17): a configured PEM, or a key generated
 * once into `DATA_DIR/keys` and reused, so restarts and sibling processes keep verifying each other's tokens.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint } from 'jose';

export type SigningAlgorithm = 'EdDSA' | 'RS256';

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key. */
  readonly kid: string;
}

export interface SigningKeyOptions {
  readonly algorithm: SigningAlgorithm;
  readonly privateKeyPem?: string | undefined;
  readonly privateKeyFile?: string | undefined;
  readonly dataDir: string;
}

const GENERATED_KEY_FILE = 'jwt-ed25519.pem';
const URL_SECRET_FILE = 'url-signing.key';
const URL_SECRET_BYTES = 32;
const MIN_RSA_BITS = 2048;

/** Throws a plain Error naming the variable to fix when the key is missing, unreadable or of the wrong kind. */
export async function loadSigningKey(options: SigningKeyOptions): Promise<SigningKey> {
  const { pem, source } = await readPem(options);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (err) {
    throw new Error(`${source} is not a PEM (PKCS#8) private key`, { cause: err });
  }
  assertMatchesAlgorithm(privateKey, options.algorithm, source);
  const publicKey = createPublicKey(privateKey);
  const kid = await calculateJwkThumbprint(publicKey.export({ format: 'jwk' }), 'sha256');
  return { privateKey, publicKey, kid };
}

/** The configured secret (its UTF-8 bytes, as is), else 32 random bytes generated once into `DATA_DIR/keys`. */
export async function loadUrlSigningSecret(dataDir: string, configured?: string): Promise<Buffer> {
  if (configured !== undefined) return Buffer.from(configured, 'utf8');
  const file = path.join(dataDir, 'keys', URL_SECRET_FILE);
  const secret = await readOrCreate(file, () => randomBytes(URL_SECRET_BYTES));
  // A truncated file would silently weaken every signed URL; refuse it instead.
  if (secret.length < URL_SECRET_BYTES) throw new Error(`${file} holds fewer than ${URL_SECRET_BYTES} bytes; delete it to regenerate`);
  return secret;
}

async function readPem(options: SigningKeyOptions): Promise<{ pem: string; source: string }> {
  if (options.privateKeyPem !== undefined) {
    // Env values often carry the PEM on one line with literal "\n" escapes.
    const pem = options.privateKeyPem.includes('\n') ? options.privateKeyPem : options.privateKeyPem.replaceAll('\\n', '\n');
    return { pem, source: 'JWT_PRIVATE_KEY' };
  }
  if (options.privateKeyFile !== undefined) {
    try {
      return { pem: await fs.readFile(options.privateKeyFile, 'utf8'), source: `JWT_PRIVATE_KEY_FILE (${options.privateKeyFile})` };
    } catch (err) {
      throw new Error(`JWT_PRIVATE_KEY_FILE: cannot read ${options.privateKeyFile}`, { cause: err });
    }
  }
  if (options.algorithm === 'RS256') {
    // Only Ed25519 keys are generated: an RSA key must be provisioned and shared by every instance.
    throw new Error('JWT_ALGORITHM=RS256 needs JWT_PRIVATE_KEY or JWT_PRIVATE_KEY_FILE (a PKCS#8 RSA key of at least 2048 bits)');
  }
  const file = path.join(options.dataDir, 'keys', GENERATED_KEY_FILE);
  const pem = await readOrCreate(file, () =>
    Buffer.from(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' })),
  );
  return { pem: pem.toString('utf8'), source: file };
}

function assertMatchesAlgorithm(key: KeyObject, algorithm: SigningAlgorithm, source: string): void {
  const type = key.asymmetricKeyType;
  if (algorithm === 'EdDSA') {
    if (type !== 'ed25519') throw new Error(`${source}: JWT_ALGORITHM=EdDSA needs an Ed25519 key, got ${type ?? 'unknown'}`);
    return;
  }
  if (type !== 'rsa') throw new Error(`${source}: JWT_ALGORITHM=RS256 needs an RSA key, got ${type ?? 'unknown'}`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw new Error(`${source}: RSA key has ${bits} bits, at least ${MIN_RSA_BITS} are required`);
}

/**
 * Reads `file`, or creates it (mode 0600, directory 0700) with `make()`. The content is written to a temp file
 * and hard-linked into place, which fails if the name exists: racing processes all end up reading the winner's
 * bytes, and no reader ever sees a half-written file.
 */
async function readOrCreate(file: string, make: () => Buffer): Promise<Buffer> {
  const existing = await readIfExists(file);
  if (existing) return existing;
  const dir = path.dirname(file);
  // Only the keys folder is private; DATA_DIR itself keeps the default mode.
  await fs.mkdir(path.dirname(dir), { recursive: true });
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.chmod(0o600); // the umask may have narrowed the mode above, never widened it; be exact
      await handle.writeFile(make());
      await handle.sync(); // the key must survive a power cut once other processes rely on it
    } finally {
      await handle.close();
    }
    await fs.link(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`cannot create ${file}`, { cause: err });
  } finally {
    await fs.rm(temp, { force: true });
  }
  return fs.readFile(file);
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read ${file}`, { cause: err });
  }
}
