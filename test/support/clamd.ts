/**
 * A private clamd per caller: its own temp folder, config, sockets, log and the `tessera-test.ndb` database.
 * The system clamav-daemon (if any) is never touched: it ships without signatures and freshclam cannot
 * download any here, and tests must not depend on a shared daemon's state.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLAMD = '/usr/sbin/clamd';
const SIGNATURES = fileURLToPath(new URL('../fixtures/clamav/tessera-test.ndb', import.meta.url));
const READY_WITHIN_MS = 60_000;

export interface ClamdHandle {
  /** `unix:///…/clamd.sock` */
  readonly url: string;
  /** `tcp://127.0.0.1:<port>` */
  readonly tcpUrl: string;
  stop(): Promise<void>;
}

export interface ClamdOptions {
  /** clamd's StreamMaxLength, e.g. `1M` to provoke `INSTREAM size limit exceeded`. */
  readonly streamMaxLength?: string;
}

export async function startClamd(options: ClamdOptions = {}): Promise<ClamdHandle> {
  if (!fs.existsSync(CLAMD)) {
    // Tests never skip (architecture §3), under CI=true or not: say how to get it.
    throw new Error(`clamd is not installed (${CLAMD} is missing); these tests need it. Install it with: apt-get install -y clamav-daemon`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-clamd-'));
  fs.mkdirSync(path.join(dir, 'db'));
  fs.copyFileSync(SIGNATURES, path.join(dir, 'db', 'tessera-test.ndb'));
  const socketPath = path.join(dir, 'clamd.sock');
  let lastError: unknown;
  // The free port may be taken between probing and clamd binding it; a fresh port on each retry.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    writeConfig(dir, socketPath, port, options);
    const child = spawnClamd(dir);
    try {
      await waitUntilReady(child, [{ path: socketPath }, { host: '127.0.0.1', port }], dir);
      return {
        url: `unix://${socketPath}`,
        tcpUrl: `tcp://127.0.0.1:${port}`,
        stop: async () => {
          await kill(child);
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      lastError = err;
      await kill(child);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

function writeConfig(dir: string, socketPath: string, port: number, options: ClamdOptions): void {
  // No User (runs as whoever runs the tests), no PidFile: nothing here needs root or a system path.
  const lines = [
    `DatabaseDirectory ${path.join(dir, 'db')}`,
    `LocalSocket ${socketPath}`,
    `TCPSocket ${port}`,
    'TCPAddr 127.0.0.1',
    'Foreground yes',
    `LogFile ${path.join(dir, 'clamd.log')}`,
    'LogTime yes',
    `StreamMaxLength ${options.streamMaxLength ?? '20M'}`,
    'MaxThreads 2',
  ];
  fs.writeFileSync(path.join(dir, 'clamd.conf'), `${lines.join('\n')}\n`);
}

function spawnClamd(dir: string): ChildProcess {
  // Without LISTEN_* clamd cannot adopt sockets a systemd unit (the system clamav-daemon) handed us.
  const { LISTEN_FDS: _fds, LISTEN_PID: _pid, LISTEN_FDNAMES: _names, ...env } = process.env;
  // Startup errors (bad config, port taken) go to stderr before LogFile is open.
  const output = fs.openSync(path.join(dir, 'clamd.out'), 'a');
  const child = spawn(CLAMD, ['--foreground', `--config-file=${path.join(dir, 'clamd.conf')}`], {
    env,
    stdio: ['ignore', output, output],
  });
  fs.closeSync(output);
  // A crashed test worker must not leave a daemon behind.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  return child;
}

async function waitUntilReady(child: ChildProcess, targets: net.NetConnectOpts[], dir: string): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`clamd exited (${child.exitCode ?? child.signalCode}) before answering PING:\n${logTail(dir)}`);
    }
    const answers = await Promise.all(targets.map((target) => ping(target)));
    if (answers.every((answer) => answer === 'PONG')) return;
    if (Date.now() > deadline) throw new Error(`clamd did not answer PING within ${READY_WITHIN_MS} ms:\n${logTail(dir)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An independent probe, so a broken adapter cannot make the helper look ready. */
function ping(target: net.NetConnectOpts): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.createConnection(target);
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(reply.replace(/\0$/, '')));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function logTail(dir: string): string {
  const read = (name: string) => {
    const file = path.join(dir, name);
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-20).join('\n') : '';
  };
  return `${read('clamd.out')}\n${read('clamd.log')}`.trim() || '(clamd wrote nothing)';
}
