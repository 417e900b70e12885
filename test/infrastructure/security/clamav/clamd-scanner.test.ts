import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UnavailableError } from '../../../../src/domain/shared/errors.js';
import { clamdScanner } from '../../../../src/infrastructure/security/clamav/clamd-scanner.js';
import {
  EICAR,
  chunked,
  cleanBytes,
  describeMalwareScannerContract,
} from '../../../contract/malware-scanner.contract.js';
import { type ClamdHandle, startClamd } from '../../../support/clamd.js';

const MiB = 1024 * 1024;
let clamd: ClamdHandle;
beforeAll(async () => {
  clamd = await startClamd();
}, 120_000);
afterAll(() => clamd?.stop());

describeMalwareScannerContract('clamd over a unix socket', () => clamdScanner(clamd.url, 20_000), { detects: true });
describeMalwareScannerContract('clamd over TCP', () => clamdScanner(clamd.tcpUrl, 20_000), { detects: true });

/** A TCP server standing in for clamd; every accepted socket is destroyed on close. */
async function fakeClamd(onConnection: (socket: net.Socket) => void): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `tcp://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Decodes an INSTREAM request the way clamd does and answers `stream: OK` after the zero-length chunk. */
function decodeInstream(socket: net.Socket, seen: { command: string; sizes: number[] }): void {
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!seen.command) {
      const end = buffer.indexOf(0);
      if (end < 0) return;
      seen.command = buffer.subarray(0, end + 1).toString('latin1');
      buffer = buffer.subarray(end + 1);
    }
    while (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32BE(0)) {
      const size = buffer.readUInt32BE(0);
      seen.sizes.push(size);
      buffer = buffer.subarray(4 + size);
      if (size === 0) socket.end('stream: OK\0');
    }
  });
}

/** A lazily generated clean stream that counts what the scanner pulled from it and whether it was released. */
function countingSource(total: number, chunkSize = 64 * 1024) {
  let pulled = 0;
  let released = false;
  const chunk = cleanBytes(chunkSize);
  async function* bytes(): AsyncGenerator<Uint8Array> {
    try {
      while (pulled < total) {
        pulled += chunk.length;
        yield chunk;
      }
    } finally {
      released = true;
    }
  }
  return { pulled: () => pulled, released: () => released, bytes: bytes() };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('clamdScanner protocol', () => {
  const fakes: { close(): Promise<void> }[] = [];
  const fake = async (onConnection: (socket: net.Socket) => void) => {
    const server = await fakeClamd(onConnection);
    fakes.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(fakes.splice(0).map((server) => server.close()));
  });

  it('sends zINSTREAM, frames of at most 64 KiB with big-endian lengths, then a zero-length chunk', async () => {
    const seen = { command: '', sizes: [] as number[] };
    const server = await fake((socket) => decodeInstream(socket, seen));
    const data = Buffer.concat([cleanBytes(200_000), cleanBytes(10)]);
    expect(await clamdScanner(server.url, 5000).scan(chunked(data, 200_000))).toEqual({ clean: true });
    expect(seen.command).toBe('zINSTREAM\0');
    expect(seen.sizes.at(-1)).toBe(0);
    expect(Math.max(...seen.sizes)).toBeLessThanOrEqual(64 * 1024);
    expect(seen.sizes.reduce((a, b) => a + b, 0)).toBe(data.length);
  });

  it('waits for the socket to drain instead of buffering the whole source', async () => {
    let peer: net.Socket | undefined;
    const seen = { command: '', sizes: [] as number[] };
    const server = await fake((socket) => {
      peer = socket.pause();
      decodeInstream(socket, seen);
    });
    const source = countingSource(64 * MiB);
    const verdict = clamdScanner(server.url, 20_000).scan(source.bytes);
    await sleep(500);
    // Only kernel and stream buffers fill up while the peer reads nothing.
    expect(source.pulled()).toBeLessThan(24 * MiB);
    peer!.resume();
    expect(await verdict).toEqual({ clean: true });
    expect(source.pulled()).toBe(64 * MiB);
  });

  it.each([
    ['INSTREAM size limit exceeded. ERROR', 'scanner.size_limit'],
    ["stream: Can't create temporary file ERROR", 'scanner.error'],
    ['PONG', 'scanner.bad_reply'],
  ])('turns the reply %j into UnavailableError %s', async (reply, code) => {
    const server = await fake((socket) => socket.once('data', () => socket.end(`${reply}\0`)));
    const scan = clamdScanner(server.url, 5000).scan(countingSource(4 * MiB).bytes);
    await expect(scan).rejects.toBeInstanceOf(UnavailableError);
    await expect(scan).rejects.toMatchObject({ code });
  });

  it('reports UnavailableError when clamd hangs up without a verdict', async () => {
    const server = await fake((socket) => socket.once('data', () => socket.end()));
    await expect(clamdScanner(server.url, 5000).scan(chunked(EICAR, 10))).rejects.toBeInstanceOf(UnavailableError);
  });

  it('gives up after timeoutMs on a server that accepts but never answers', async () => {
    const server = await fake((socket) => socket.resume());
    const scanner = clamdScanner(server.url, 300);
    const started = Date.now();
    await expect(scanner.scan(chunked(cleanBytes(1000), 100))).rejects.toMatchObject({ code: 'scanner.unavailable' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(scanner.ping()).rejects.toBeInstanceOf(UnavailableError);
  });

  it('rejects fast with UnavailableError on a closed port or a missing socket', async () => {
    const started = Date.now();
    for (const url of [`tcp://127.0.0.1:${await closedPort()}`, 'unix:///nonexistent/tessera/clamd.sock']) {
      const scanner = clamdScanner(url, 10_000);
      await expect(scanner.scan(chunked(cleanBytes(1000), 100))).rejects.toBeInstanceOf(UnavailableError);
      await expect(scanner.ping()).rejects.toBeInstanceOf(UnavailableError);
    }
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('clamdScanner against clamd', () => {
  it('times out on a source that stalls mid-stream', async () => {
    async function* stalled() {
      yield cleanBytes(1000);
      await new Promise(() => undefined);
    }
    await expect(clamdScanner(clamd.url, 300).scan(stalled())).rejects.toMatchObject({ code: 'scanner.unavailable' });
  });

  it('propagates an error of the byte source unchanged: a storage failure is not a scanner outage', async () => {
    const boom = new Error('disk gone');
    async function* failing() {
      yield cleanBytes(100_000);
      throw boom;
    }
    await expect(clamdScanner(clamd.url, 5000).scan(failing())).rejects.toBe(boom);
  });

  it('stops sending and reports UnavailableError when the stream exceeds StreamMaxLength', async () => {
    const small = await startClamd({ streamMaxLength: '1M' });
    try {
      const source = countingSource(256 * MiB);
      const scan = clamdScanner(small.url, 20_000).scan(source.bytes);
      // clamd hangs up right after its reply; when a write hits the closed socket first (EPIPE) the reply is
      // lost, so either code may come. Both are UnavailableError, never a verdict.
      await expect(scan).rejects.toBeInstanceOf(UnavailableError);
      await expect(scan).rejects.toMatchObject({ code: expect.stringMatching(/^scanner\.(size_limit|unavailable)$/) });
      await sleep(100);
      // The scanner stopped pulling and closed the source (a file stream would be released).
      expect(source.released()).toBe(true);
      expect(source.pulled()).toBeLessThan(64 * MiB);
    } finally {
      await small.stop();
    }
  });

  it('reports UnavailableError once clamd has stopped', async () => {
    const other = await startClamd();
    const scanner = clamdScanner(other.tcpUrl, 5000);
    await expect(scanner.ping()).resolves.toBeUndefined();
    await other.stop();
    await expect(scanner.scan(chunked(EICAR, 10))).rejects.toBeInstanceOf(UnavailableError);
    await expect(scanner.ping()).rejects.toBeInstanceOf(UnavailableError);
  });
});
