/**
 * Runs the built server (`node dist/main.js`) as a real child process for the e2e suites: a clean environment
 * (nothing Tessera reads is inherited from the test runner), stdout and stderr collected, JSON log lines
 * parsed, readiness polled, SIGTERM sent and the exit code returned.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = path.join(ROOT, 'dist', 'main.js');
const WEB_INDEX = path.join(ROOT, 'dist', 'web', 'index.html');
const MIGRATIONS = path.join(ROOT, 'dist', 'infrastructure', 'persistence', 'postgres', 'migrations');

/** One pino line as main.ts writes it. */
export interface LogLine {
  readonly level: number;
  readonly time: string;
  readonly msg: string;
  readonly [field: string]: unknown;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface Readiness {
  /** Milliseconds from spawn to the first 200 of `/health/ready`. */
  readonly ms: number;
  readonly body: { status: string; checks: Record<string, { status: string; latency_ms: number | null }> };
}

export interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly stdout: string;
  readonly stderr: string;
  /** Every stdout line that parsed as a JSON object. */
  readonly logs: readonly LogLine[];
  /** Every non-empty stdout line that did not. */
  readonly otherLines: readonly string[];
  readonly exitStatus: ExitStatus | undefined;
  readonly exited: Promise<ExitStatus>;
  waitForLog(match: string | ((line: LogLine) => boolean), timeoutMs?: number): Promise<LogLine>;
  /** Polls `/health/ready` until it answers 200; fails at once if the process exits. */
  waitForReady(timeoutMs?: number): Promise<Readiness>;
  /** Sends `signal` and waits for the exit; SIGKILLs and fails if it takes longer than `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ExitStatus>;
  /** Resident set size in KiB, from `/proc/<pid>/status` (VmRSS). */
  rssKib(): number;
}

export interface SpawnOptions {
  /** Tessera variables; PORT and HOST default to a free port on 127.0.0.1. */
  readonly env?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
}

const running = new Set<ChildProcess>();

/** Starts `node dist/main.js`; call `ensureBuilt()` once before. */
export async function spawnServer(options: SpawnOptions = {}): Promise<ServerProcess> {
  const port = options.env?.PORT !== undefined ? Number(options.env.PORT) : await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN, ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...baseEnv(), HOST: '127.0.0.1', PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  if (child.pid === undefined) throw new Error('could not spawn node dist/main.js');
  const pid = child.pid;

  let stdout = '';
  let stderr = '';
  let partial = '';
  const logs: LogLine[] = [];
  const otherLines: string[] = [];
  const watchers = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) collect(line);
    for (const watcher of watchers) watcher();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  function collect(line: string) {
    if (line.trim() === '') return;
    try {
      const parsed = JSON.parse(line) as unknown;
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        logs.push(parsed as LogLine);
        return;
      }
    } catch {
      // Not JSON: kept apart so that tests can insist there is none.
    }
    otherLines.push(line);
  }

  let exitStatus: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    // 'close' waits for stdout/stderr to drain, so the last log lines are in.
    child.on('close', (code, signal) => {
      running.delete(child);
      collect(partial);
      partial = '';
      exitStatus = { code, signal };
      for (const watcher of watchers) watcher();
      resolve(exitStatus);
    });
  });

  const url = `http://127.0.0.1:${port}`;
  const describeOutput = () => `\n--- stdout ---\n${stdout.slice(-4000)}\n--- stderr ---\n${stderr.slice(-4000)}`;

  const server: ServerProcess = {
    pid,
    port,
    url,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    logs,
    otherLines,
    get exitStatus() {
      return exitStatus;
    },
    exited,
    waitForLog(match, timeoutMs = 30_000) {
      const test = typeof match === 'string' ? (line: LogLine) => line.msg === match : match;
      return new Promise<LogLine>((resolve, reject) => {
        const check = () => {
          const found = logs.find(test);
          if (found) return done(() => resolve(found));
          const status = exitStatus;
          if (status) return done(() => reject(new Error(`process exited (${fmt(status)}) before logging ${String(match)}${describeOutput()}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no log line ${String(match)} within ${timeoutMs} ms${describeOutput()}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          watchers.delete(check);
          settle();
        };
        watchers.add(check);
        check();
      });
    },
    async waitForReady(timeoutMs = 60_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        if (exitStatus) throw new Error(`process exited (${fmt(exitStatus)}) before it was ready${describeOutput()}`);
        if (performance.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms${describeOutput()}`);
        try {
          const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5000) });
          const body = (await res.json()) as Readiness['body'];
          if (res.status === 200) return { ms: Math.round(performance.now() - started), body };
        } catch {
          // Not listening yet.
        }
        await sleep(50);
      }
    },
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      if (exitStatus) return exitStatus;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const status = await exited;
      clearTimeout(timer);
      if (status.signal === 'SIGKILL' && signal !== 'SIGKILL') {
        throw new Error(`process did not exit within ${timeoutMs} ms of ${signal}${describeOutput()}`);
      }
      return status;
    },
    rssKib() {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
      if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
      return Number(match[1]);
    },
  };
  return server;
}

/** Runs the process to its end (config errors, refusals, `migrate`) and returns what it printed. */
export async function runToExit(options: SpawnOptions & { timeoutMs?: number } = {}): Promise<ExitStatus & { stdout: string; stderr: string }> {
  const server = await spawnServer(options);
  const timer = setTimeout(() => void server.stop('SIGKILL').catch(() => undefined), options.timeoutMs ?? 30_000);
  const status = await server.exited;
  clearTimeout(timer);
  return { ...status, stdout: server.stdout, stderr: server.stderr };
}

/** SIGKILLs every process a test left running (afterAll safety net). */
export async function killAll(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('close', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** The migrations the built server carries, as `NNNN_name` in order (a fresh database gets all of them). */
export function builtMigrations(): string[] {
  return fs
    .readdirSync(MIGRATIONS)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => name.slice(0, -'.sql'.length));
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-e2e-'));
}

/**
 * Builds dist/ when it is missing or older than src/. The e2e files run in parallel workers, so the check and
 * the build happen under a lock file: the second worker waits, then finds dist fresh and skips the build
 * (two concurrent builds would delete the migrations folder under a running server).
 */
export async function ensureBuilt(): Promise<void> {
  const lockFile = path.join(os.tmpdir(), `tessera-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockFile, 'utf8').trim() || '0');
      if (!isAlive(holder)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lockFile} is held by process ${holder}`);
      await sleep(200);
    }
  }
  try {
    if (!isFresh()) {
      await npmRunBuild().catch((err: unknown) => {
        // tsc emits even on errors: remove the entry point so that no worker mistakes the half build for fresh.
        fs.rmSync(MAIN, { force: true });
        throw err;
      });
    }
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function isFresh(): boolean {
  if (!fs.existsSync(MAIN) || !fs.existsSync(WEB_INDEX)) return false;
  // tsc rewrites only what changed, but copy-assets rewrites the migrations and Vite the web app on every
  // build: the newest file in dist/ is as new as the last build, whichever of src/ and web/ changed.
  const sources = Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'web')));
  return sources <= newestMtime(path.join(ROOT, 'dist'));
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function npmRunBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('npm', ['run', 'build'], { cwd: ROOT, timeout: 170_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`npm run build failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
}

function baseEnv(): Record<string, string> {
  // Only what node itself needs: DATABASE_URL, REDIS_URL, NODE_ENV … of the runner must not leak in.
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fmt(status: ExitStatus): string {
  return status.signal ? `signal ${status.signal}` : `code ${status.code}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
