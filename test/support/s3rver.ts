/**
 * A private s3rver per caller: a real S3-compatible server on loopback (architecture §3) with one empty bucket
 * in its own temp folder. Used by the S3 adapter tests and by the e2e suites that run STORAGE_DRIVER=s3.
 *
 * s3rver signs ListObjectsV2 continuation tokens with DES, which Node 20's OpenSSL 3 refuses
 * (ERR_OSSL_EVP_UNSUPPORTED → 500 on every truncated listing). So it runs in a child process with the
 * legacy provider; the child exits when its stdin closes, so a crashed test run leaves no server behind.
 * s3rver accepts only its built-in key pair: access key `S3RVER`, secret `S3RVER`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const S3RVER_ACCESS_KEY_ID = 'S3RVER';
export const S3RVER_SECRET_ACCESS_KEY = 'S3RVER';
const BUCKET = 'tessera-test';

export interface S3rverHandle {
  /** `http://127.0.0.1:<port>` (path-style addressing). */
  readonly endpoint: string;
  /** The bucket created empty at start. */
  readonly bucket: string;
  /** Closes the server and removes its folder. */
  stop(): Promise<void>;
}

const S3RVER_MAIN = `
const S3rver = require(process.argv[1]);
const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: process.argv[2],
  configureBuckets: [{ name: process.argv[3] }] });
server.run().then(({ port }) => process.stdout.write(JSON.stringify({ port }) + '\\n'), (err) => { console.error(err); process.exit(1); });
process.stdin.on('end', () => server.close().finally(() => process.exit(0)));
process.stdin.resume();
`;

/** A fresh s3rver with an empty bucket in its own folder. */
export async function startS3rver(): Promise<S3rverHandle> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-s3rver-'));
  const s3rverPath = createRequire(import.meta.url).resolve('s3rver');
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', S3RVER_MAIN, s3rverPath, directory, BUCKET], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(child, 'exit');
  let port: number;
  try {
    port = await Promise.race([
      once(createInterface({ input: child.stdout }), 'line').then(([line]) => (JSON.parse(line as string) as { port: number }).port),
      exited.then(([code]) => Promise.reject(new Error(`s3rver exited with ${String(code)} before listening: ${stderr}`))),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    await fs.rm(directory, { recursive: true, force: true });
    throw err;
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: BUCKET,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
