/**
 * A raw TCP client for what `inject` cannot do: chunked bodies of a chosen size, bodies that stall, pipelined
 * requests. It writes the given pieces (pausing between them when asked) and parses every response it reads.
 */
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RawResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export type Piece = string | Buffer | { readonly pauseMs: number };

/** Sends `pieces` to `port`, waits for the server to close (or `waitMs`), and returns every response read. */
export async function rawExchange(port: number, pieces: readonly Piece[], waitMs = 5000): Promise<RawResponse[]> {
  const socket = net.createConnection({ host: '127.0.0.1', port });
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closed = new Promise<void>((resolve) => {
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  for (const piece of pieces) {
    if (socket.destroyed) break;
    if (typeof piece === 'string' || Buffer.isBuffer(piece)) socket.write(piece);
    else await sleep(piece.pauseMs);
  }
  await Promise.race([closed, sleep(waitMs)]);
  socket.destroy();
  return parseResponses(Buffer.concat(chunks).toString('utf8'));
}

/** Parses HTTP/1.1 responses with Content-Length or no body (enough for problem documents and 204s). */
export function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const bodyBytes = Buffer.from(rest.slice(end + 4), 'utf8');
    responses.push({ statusCode: Number(statusLine!.split(' ')[1]), headers, body: bodyBytes.subarray(0, length).toString('utf8') });
    rest = bodyBytes.subarray(length).toString('utf8');
  }
  return responses;
}

/** One chunk of a `Transfer-Encoding: chunked` body. */
export function chunk(data: string): string {
  return `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
}
