/** A clamd client over TCP or a unix socket (`CLAMAV_URL`), speaking clamd's null-terminated commands. */
import net from 'node:net';
import type { MalwareScanner } from '../../../domain/gallery/malware-scanner.js';
import { UnavailableError } from '../../../domain/shared/errors.js';

export function clamdScanner(url: string, timeoutMs: number): MalwareScanner {
  const target = parseClamavUrl(url);
  return {
    async ping() {
      const reply = await command(target, 'zPING\0', timeoutMs);
      if (reply !== 'PONG') throw new UnavailableError('scanner.bad_reply', 'the malware scanner answered unexpectedly');
    },
  };
}

type Target = { path: string } | { host: string; port: number };

export function parseClamavUrl(url: string): Target {
  const parsed = new URL(url);
  if (parsed.protocol === 'unix:') return { path: decodeURIComponent(parsed.pathname) };
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port || 3310) };
}

function command(target: Target, text: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(target);
    const chunks: Buffer[] = [];
    const fail = (err: unknown) => {
      socket.destroy();
      reject(new UnavailableError('scanner.unavailable', 'the malware scanner is unavailable', { cause: err }));
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`clamd did not answer within ${timeoutMs} ms`)));
    socket.on('error', fail);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8').replace(/\0$/, '').trim()));
    socket.on('connect', () => socket.end(text));
  });
}
