/**
 * Request body parsing for JSON routes (contract §1): our own reader so that an empty body counts as `{}`,
 * a declared or actual size over the limit is 413 before JSON work, and a body that stalls is 408.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import secureJson from 'secure-json-parse';

export interface JsonBodyOptions {
  readonly limitBytes: number;
  /** A body that sends nothing for this long is abandoned with 408. */
  readonly idleTimeoutMs: number;
}

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code = 'TESSERA_BODY',
  ) {
    super(message);
  }
}

export function registerJsonBodyParsers(app: FastifyInstance, options: JsonBodyOptions): void {
  app.removeAllContentTypeParsers();
  const parseJson = async (request: FastifyRequest, payload: Readable) => {
    const text = await readBody(request, payload, options);
    if (!routeReadsBody(request)) return undefined;
    if (text.trim() === '') return {};
    try {
      // `__proto__` / `constructor.prototype` keys are refused: bodies are later spread into objects.
      return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }) as unknown;
    } catch {
      throw new HttpError(400, 'the request body is not valid JSON');
    }
  };
  app.addContentTypeParser('application/json', parseJson);
  app.addContentTypeParser('application/merge-patch+json', async (request: FastifyRequest, payload: Readable) => {
    if (request.method !== 'PATCH' && routeReadsBody(request)) throw unsupported(request);
    return parseJson(request, payload);
  });
  // Any other type: fine on routes that ignore bodies, 415 on routes that read one unless it is empty.
  app.addContentTypeParser('*', async (request: FastifyRequest, payload: Readable) => {
    const text = await readBody(request, payload, options);
    if (!routeReadsBody(request)) return undefined;
    if (text.length === 0) return {};
    throw unsupported(request);
  });
  // No Content-Type and no body: Fastify skips parsing, so give body routes their `{}` here.
  app.addHook('preValidation', async (request) => {
    if (!routeReadsBody(request)) return;
    // The multipart plugin accepts multipart on every route; a JSON route must still refuse it.
    if (request.headers['content-type']?.toLowerCase().startsWith('multipart/')) throw unsupported(request);
    if (request.body === undefined) request.body = {};
  });
}

function unsupported(request: FastifyRequest): HttpError {
  const accepted = request.method === 'PATCH' ? 'application/json or application/merge-patch+json' : 'application/json';
  return new HttpError(415, `Content-Type ${request.headers['content-type'] ?? '(none)'} is not supported here; send ${accepted}`);
}

function routeReadsBody(request: FastifyRequest): boolean {
  return request.routeOptions.schema?.body !== undefined;
}

function readBody(request: FastifyRequest, payload: Readable, options: JsonBodyOptions): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.limitBytes) {
    payload.resume();
    return Promise.reject(tooLarge(options.limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer = setTimeout(onIdle, options.idleTimeoutMs);
    function onIdle() {
      cleanup();
      reject(new HttpError(408, `the request body stalled for ${Math.round(options.idleTimeoutMs / 1000)} s`));
    }
    function onData(chunk: Buffer) {
      clearTimeout(timer);
      timer = setTimeout(onIdle, options.idleTimeoutMs);
      size += chunk.length;
      if (size > options.limitBytes) {
        cleanup();
        payload.resume();
        reject(tooLarge(options.limitBytes));
        return;
      }
      chunks.push(chunk);
    }
    function onEnd() {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8'));
    }
    function onError(err: Error) {
      cleanup();
      reject(new HttpError(400, `the request body could not be read: ${err.message}`));
    }
    function cleanup() {
      clearTimeout(timer);
      payload.off('data', onData).off('end', onEnd).off('error', onError);
    }
    payload.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `the JSON body must be at most ${limit} bytes`);
}
