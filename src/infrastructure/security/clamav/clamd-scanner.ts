/** A clamd client over TCP or a unix socket (`CLAMAV_URL`), speaking clamd's null-terminated commands. */
import net from 'node:net';
import type { MalwareScanner, ScanVerdict } from '../../../domain/gallery/malware-scanner.js';
import { UnavailableError } from '../../../domain/shared/errors.js';
import { INSTREAM_COMMAND, PING_COMMAND, instreamFrames, parseScanReply } from './clamd-protocol.js';

/**
 * `timeoutMs` bounds each whole operation (connect, upload, verdict). Unreachable, silent or erroring clamd →
 * UnavailableError; an error of the scanned byte source propagates unchanged (it is not a scanner outage).
 */
export function clamdScanner(url: string, timeoutMs: number): MalwareScanner {
  const target = parseClamavUrl(url);
  return {
    async ping() {
      const reply = await withConnection(target, timeoutMs, (socket) => {
        const reply = readReply(socket);
        socket.write(PING_COMMAND);
        return reply;
      });
      if (reply !== 'PONG') {
        const cause = new Error(`clamd answered: ${JSON.stringify(reply.slice(0, 200))}`);
        throw new UnavailableError('scanner.bad_reply', 'the malware scanner answered unexpectedly', { cause });
      }
    },
    scan(bytes) {
      return withConnection(target, timeoutMs, (socket) => instream(socket, bytes));
    },
  };
}

type Target = { path: string } | { host: string; port: number };

export function parseClamavUrl(url: string): Target {
  const parsed = new URL(url);
  if (parsed.protocol === 'unix:') return { path: decodeURIComponent(parsed.pathname) };
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port || 3310) };
}

/** Opens a connection for one command and always closes it; the deadline destroys it wherever it hangs. */
async function withConnection<T>(target: Target, timeoutMs: number, run: (socket: net.Socket) => Promise<T>): Promise<T> {
  const socket = net.createConnection(target);
  const timer = setTimeout(() => socket.destroy(new Error(`clamd gave no answer within ${timeoutMs} ms`)), timeoutMs);
  try {
    return await run(socket);
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}

async function instream(socket: net.Socket, bytes: AsyncIterable<Uint8Array>): Promise<ScanVerdict> {
  const reply = readReply(socket);
  const sending = send(socket, bytes);
  // Once clamd has answered (or the deadline hit) nobody awaits `sending`; its late failure is moot.
  sending.catch(() => undefined);
  // A reply may come before the upload ends (size limit): it wins, and the loop in `send` stops writing.
  return parseScanReply(await Promise.race([reply, sending.then(() => reply)]));
}

/** Writes the request, honouring backpressure; stops as soon as the connection is closed or closing. */
async function send(socket: net.Socket, bytes: AsyncIterable<Uint8Array>): Promise<void> {
  socket.write(INSTREAM_COMMAND);
  for await (const frame of instreamFrames(bytes)) {
    if (socket.destroyed || !socket.writable) return;
    if (!socket.write(frame)) await drained(socket);
  }
}

function drained(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

/** The first null-terminated reply line; any socket failure before it means clamd is unavailable. */
function readReply(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const text = () => Buffer.concat(chunks).toString('utf8');
    const unavailable = (cause: unknown) =>
      reject(new UnavailableError('scanner.unavailable', 'the malware scanner is unavailable', { cause }));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (chunk.includes(0)) resolve(text().split('\0', 1)[0] ?? '');
    });
    // An unterminated line is still worth parsing: the parser turns it into the right error.
    socket.on('end', () => resolve(text()));
    socket.on('error', unavailable);
    socket.on('close', () => unavailable(new Error('clamd closed the connection without an answer')));
  });
}
