/** Starts a server process for a benchmark and waits until it answers; stops it with SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Running {
  readonly url: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** The process's own temporary directory (its DATA_DIR for Node servers), removed by `stop()`. */
  readonly dataDir: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A Node server (`node ...args`) with PORT, HOST and DATA_DIR of its own, ready once `readyPath` answers 2xx. */
export async function startProcess(args: readonly string[], env: Readonly<Record<string, string>>, readyPath: string): Promise<Running> {
  const port = await freePort();
  const dataDir = tempDir('tessera-bench-');
  return startBinary(process.execPath, args, {
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    ready: { kind: 'http', url: `http://127.0.0.1:${port}${readyPath}` },
    url: `http://127.0.0.1:${port}`,
    dataDir,
  });
}

/** Any program, ready when `ready` answers (an HTTP 2xx or a TCP connect); SIGTERM stops it by its pid. */
export async function startBinary(
  command: string,
  args: readonly string[],
  options: { env?: Readonly<Record<string, string>>; ready: { kind: 'http'; url: string } | { kind: 'tcp'; port: number }; url: string; dataDir: string },
): Promise<Running> {
  const child = spawn(command, [...args], { env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const name = [path.basename(command), ...args].join(' ');
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(options.dataDir, { recursive: true, force: true });
  };
  try {
    await spawned;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
      if (await answers(options.ready)) break;
      if (Date.now() > deadline) throw new Error(`${name} did not become ready`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: options.url, child, pid: child.pid!, dataDir: options.dataDir, stop };
}

async function answers(ready: { kind: 'http'; url: string } | { kind: 'tcp'; port: number }): Promise<boolean> {
  if (ready.kind === 'http') {
    try {
      return (await fetch(ready.url)).ok;
    } catch {
      return false; // not listening yet
    }
  }
  return new Promise((resolve) => {
    const socket = net.createConnection({ host: '127.0.0.1', port: ready.port });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether an executable exists at `file`. */
export function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` found on PATH (or as given when absolute), if any. */
export function which(...names: string[]): string | undefined {
  for (const name of names) {
    if (path.isAbsolute(name)) {
      if (executable(name)) return name;
      continue;
    }
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const file = path.join(dir, name);
      if (dir && executable(file)) return file;
    }
  }
  return undefined;
}
