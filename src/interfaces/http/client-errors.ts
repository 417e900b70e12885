/**
 * Requests that Node's HTTP parser refuses before Fastify sees them (malformed syntax, oversized headers, the
 * server's own request timeout) still get a problem document (contract §3: "every error"). Fastify's default
 * answer is bare JSON without X-Request-ID or the §14.1 headers. There is no request object here, so the
 * answer is written to the socket by hand and the connection closed.
 */
import type { Socket } from 'node:net';
import { v7 as uuidv7 } from 'uuid';
import { problemMembers, type Slug } from './problem.js';
import { API_CSP } from './response-headers.js';

interface ClientError extends Error {
  readonly code?: string;
  /** Node passes the bytes it could not parse as a Buffer (Fastify's typings describe its JSON form). */
  readonly rawPacket?: unknown;
}

export function clientErrorHandler(error: ClientError, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [slug, detail]: [Slug, string] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['request-timeout', 'the request was not received in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['bad-request', 'the request headers are too large']
        : ['bad-request', 'the request is not valid HTTP/1.1'];
  const id = uuidv7();
  const problem = problemMembers(slug, detail, requestPath(error.rawPacket), id);
  const body = JSON.stringify(problem);
  const headers = [
    `HTTP/1.1 ${problem.status} ${problem.title}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    `X-Request-ID: ${id}`,
    'X-Content-Type-Options: nosniff',
    'X-Frame-Options: DENY',
    `Content-Security-Policy: ${API_CSP}`,
    'Referrer-Policy: no-referrer',
    'Cross-Origin-Resource-Policy: same-origin',
    'Connection: close',
  ];
  if (socket.writable) socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
  else socket.destroy();
}

/** The path of the request line when it can be read, for `instance`; `/` otherwise. */
function requestPath(raw: unknown): string {
  if (!Buffer.isBuffer(raw)) return '/';
  const line = raw.subarray(0, 8192).toString('latin1').split('\r\n', 1)[0] ?? '';
  const target = /^[A-Z]+ (\/[\x21-\x7e]*) HTTP\/1\.[01]$/.exec(line)?.[1];
  return target?.split('?')[0] ?? '/';
}
