/**
 * Multipart uploads over node:http, the same client code for Tessera and its references: a prepared body with
 * Content-Length (keep-alive), or a large generated body streamed with or without a declared length.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

export interface UploadResult {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

export interface MultipartBody {
  readonly contentType: string;
  readonly head: Buffer;
  readonly tail: Buffer;
}

export function multipartFrame(fields: Readonly<Record<string, string>>, filename: string, mime: string): MultipartBody {
  const boundary = `----tesserabench${randomBytes(12).toString('hex')}`;
  const textParts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const head = Buffer.from(`${textParts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`);
  return { contentType: `multipart/form-data; boundary=${boundary}`, head, tail: Buffer.from(`\r\n--${boundary}--\r\n`) };
}

/** One multipart POST of `file` (as the `file` part, after `fields`); resolves with the status once the response is read. */
export async function postMultipart(
  url: string,
  file: Buffer,
  options: { headers?: Record<string, string>; fields?: Record<string, string>; filename?: string; mime?: string } = {},
): Promise<UploadResult> {
  const frame = multipartFrame(options.fields ?? {}, options.filename ?? 'photo.jpg', options.mime ?? 'image/jpeg');
  const body = Buffer.concat([frame.head, file, frame.tail]);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: { ...options.headers, 'content-type': frame.contentType, 'content-length': String(body.length) },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface OversizeResult {
  /** 0 when the server closed the connection before the client could read its answer. */
  readonly status: number;
  /** Until the response head arrived. */
  readonly ms: number;
  /** Body bytes the client had written when the answer came (it stops sending then). */
  readonly sentBytes: number;
}

/**
 * A multipart upload of a `fileBytes`-long file part (a JPEG start, then filler) written in 256 KiB chunks,
 * with `Content-Length` when `declareLength`, else chunked. Stops sending as soon as a response arrives.
 */
export async function postOversize(url: string, fileBytes: number, options: { headers?: Record<string, string>; declareLength: boolean }): Promise<OversizeResult> {
  const frame = multipartFrame({}, 'huge.jpg', 'image/jpeg');
  const chunk = randomBytes(256 * 1024);
  chunk.set([0xff, 0xd8, 0xff, 0xe0], 0);
  const total = frame.head.length + fileBytes + frame.tail.length;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // A connection of its own: it is torn down once the server has answered mid-body.
    const req = http.request(url, {
      method: 'POST',
      agent: false,
      headers: { ...options.headers, 'content-type': frame.contentType, ...(options.declareLength ? { 'content-length': String(total) } : {}) },
    });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const ms = performance.now() - started;
      res.resume();
      resolve({ status: res.statusCode ?? 0, ms, sentBytes: sent });
      req.destroy();
    });
    req.on('error', (err) => {
      if (answered) return;
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EPIPE' && code !== 'ECONNRESET') return reject(err);
      // The server answered early and closed while the body was still being written: Node reports the failed
      // write and may drop the answer, so the refusal counts as a closed connection (status 0).
      const ms = performance.now() - started;
      setTimeout(() => {
        if (answered) return;
        answered = true;
        resolve({ status: 0, ms, sentBytes: sent });
      }, 100);
    });
    const write = (): void => {
      let fileLeft = fileBytes - Math.max(0, sent - frame.head.length);
      if (sent === 0) {
        sent += frame.head.length;
        req.write(frame.head);
      }
      while (!answered && fileLeft > 0) {
        const piece = fileLeft >= chunk.length ? chunk : chunk.subarray(0, fileLeft);
        fileLeft -= piece.length;
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', write);
          return;
        }
      }
      if (!answered && fileLeft <= 0) req.end(frame.tail);
    };
    write();
  });
}
