/**
 * The web app's upload queue (web/src/upload-queue.ts): concurrency, progress, 429 back-off, processing
 * watch, cancel and refusal. Sending and reading are injected; each test controls when a send settles.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Image } from '../../../web/src/api/types.js';
import { summarize, UploadQueue, type QueueItem, type SendResult } from '../../../web/src/upload-queue.js';

interface Pending {
  readonly file: File;
  readonly options: string;
  readonly onProgress: (fraction: number) => void;
  readonly signal: AbortSignal;
  resolve(result: SendResult): void;
}

function image(id: string, status: Image['status']): Image {
  return { id, status, variants: status === 'active' ? { thumbnail: { url: `/t/${id}`, width: 10, height: 10, format: 'webp', file_size: 1 } } : {} } as unknown as Image;
}

function files(...names: string[]): File[] {
  return names.map((name) => new File([new Uint8Array(100)], name, { type: 'image/jpeg' }));
}

function harness(options: ConstructorParameters<typeof UploadQueue>[1] = {}) {
  const pending: Pending[] = [];
  // An Error is a passing failure (thrown); a missing id is an image that is gone (null).
  const fetched: Record<string, Image | Error> = {};
  const queue = new UploadQueue<string>(
    {
      send: (file, opts, onProgress, signal) =>
        new Promise<SendResult>((resolve) => {
          const entry = { file, options: opts, onProgress, signal, resolve };
          pending.push(entry);
          signal.addEventListener('abort', () => resolve({ ok: false, status: 0, problem: null }));
        }),
      fetchImage: async (id) => {
        const value = fetched[id];
        if (value instanceof Error) throw value;
        return value ?? null;
      },
      describe: (status, problem) => `failed ${status} ${problem?.title ?? ''}`.trim(),
    },
    options,
  );
  const states = () => queue.items().map((item) => item.state);
  return { queue, pending, fetched, states };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('UploadQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends at most `concurrency` files at once, in the order they were added, each with its batch options', async () => {
    const { queue, pending, states } = harness({ concurrency: 2 });
    queue.add(files('a.jpg', 'b.jpg', 'c.jpg'), 'public');
    queue.add(files('d.jpg'), 'private');
    await flush();
    expect(pending.map((p) => p.file.name)).toEqual(['a.jpg', 'b.jpg']);
    expect(states()).toEqual(['uploading', 'uploading', 'queued', 'queued']);

    pending[1]!.resolve({ ok: true, image: image('b', 'active') });
    await flush();
    expect(pending.map((p) => p.file.name)).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    pending[0]!.resolve({ ok: true, image: image('a', 'active') });
    await flush();
    expect(pending.map((p) => [p.file.name, p.options])).toEqual([
      ['a.jpg', 'public'],
      ['b.jpg', 'public'],
      ['c.jpg', 'public'],
      ['d.jpg', 'private'],
    ]);
    expect(states()).toEqual(['done', 'done', 'uploading', 'uploading']);
  });

  it('reports the fraction sent while uploading, and 1 when done', async () => {
    const { queue, pending } = harness();
    const seen: number[] = [];
    queue.subscribe((items) => seen.push(items[0]!.progress));
    queue.add(files('a.jpg'), 'x');
    await flush();
    pending[0]!.onProgress(0.25);
    pending[0]!.onProgress(0.75);
    expect(queue.items()[0]!.progress).toBe(0.75);
    pending[0]!.resolve({ ok: true, image: image('a', 'active') });
    await flush();
    expect(queue.items()[0]).toMatchObject({ state: 'done', progress: 1 });
    expect(seen).toContain(0.25);
  });

  it('waits out a 429 Retry-After without holding a slot, then sends the file again', async () => {
    const { queue, pending, states } = harness({ concurrency: 1 });
    queue.add(files('a.jpg', 'b.jpg'), 'x');
    await flush();
    pending[0]!.resolve({ ok: false, status: 429, problem: { status: 429, title: 'Too Many Requests' }, retryAfterS: 30 });
    await flush();
    expect(states()).toEqual(['waiting', 'uploading']);
    expect(queue.items()[0]!.message).toBe('Upload limit reached: retrying in 30 s');
    pending[1]!.resolve({ ok: true, image: image('b', 'active') });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(pending).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pending).toHaveLength(3);
    expect(pending[2]!.file.name).toBe('a.jpg');
    pending[2]!.resolve({ ok: true, image: image('a', 'active') });
    await flush();
    expect(states()).toEqual(['done', 'done']);
    expect(queue.items()[0]!.message).toBeUndefined();
  });

  it('fails a file after too many 429s, or at once when the wait is longer than it will honour', async () => {
    const { queue, pending, states } = harness({ maxRateLimitRetries: 1, maxRetryWaitS: 60 });
    queue.add(files('a.jpg', 'b.jpg'), 'x');
    await flush();
    pending[0]!.resolve({ ok: false, status: 429, problem: { status: 429, title: 'Too Many Requests' }, retryAfterS: 1 });
    pending[1]!.resolve({ ok: false, status: 429, problem: { status: 429, title: 'Too Many Requests' }, retryAfterS: 3600 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(states()).toEqual(['uploading', 'failed']);
    expect(queue.items()[1]!.message).toBe('failed 429 Too Many Requests');
    pending[2]!.resolve({ ok: false, status: 429, problem: { status: 429, title: 'Too Many Requests' }, retryAfterS: 1 });
    await flush();
    expect(states()).toEqual(['failed', 'failed']);
  });

  it('shows a refused upload in words and goes on with the next file', async () => {
    const { queue, pending, states } = harness({ concurrency: 1 });
    queue.add(files('notes.txt', 'b.jpg'), 'x');
    await flush();
    pending[0]!.resolve({ ok: false, status: 415, problem: { status: 415, title: 'Unsupported Media Type' } });
    await flush();
    expect(queue.items()[0]).toMatchObject({ state: 'failed', message: 'failed 415 Unsupported Media Type' });
    expect(states()).toEqual(['failed', 'uploading']);
  });

  it('watches an accepted upload until processing finishes, then carries the image with its thumbnail', async () => {
    const { queue, pending, fetched } = harness({ pollMs: 1000 });
    queue.add(files('a.jpg'), 'x');
    await flush();
    pending[0]!.resolve({ ok: true, image: image('a', 'processing') });
    await flush();
    expect(queue.items()[0]!.state).toBe('processing');
    fetched.a = image('a', 'processing');
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.items()[0]!.state).toBe('processing');
    fetched.a = image('a', 'active');
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.items()[0]).toMatchObject({ state: 'done' });
    expect(queue.items()[0]!.image?.variants.thumbnail?.url).toBe('/t/a');
  });

  it('marks a file failed when processing fails or the image disappears while watched', async () => {
    const { queue, pending, fetched } = harness({ pollMs: 1000 });
    queue.add(files('a.jpg', 'b.jpg'), 'x');
    await flush();
    pending[0]!.resolve({ ok: true, image: image('a', 'processing') });
    pending[1]!.resolve({ ok: true, image: image('b', 'processing') });
    fetched.a = image('a', 'failed');
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.items().map((i) => [i.state, i.message])).toEqual([
      ['failed', 'The image could not be processed.'],
      ['failed', 'The image could not be processed.'],
    ]);
  });

  it('keeps watching through a passing read failure', async () => {
    const { queue, pending, fetched } = harness({ pollMs: 1000 });
    queue.add(files('a.jpg'), 'x');
    await flush();
    pending[0]!.resolve({ ok: true, image: image('a', 'processing') });
    fetched.a = new Error('network');
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.items()[0]!.state).toBe('processing');
    fetched.a = image('a', 'active');
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.items()[0]!.state).toBe('done');
  });

  it('gives up watching after the poll limit but counts the upload as done', async () => {
    const { queue, pending, fetched } = harness({ pollMs: 1000, pollLimitMs: 3000 });
    fetched.a = image('a', 'processing');
    queue.add(files('a.jpg'), 'x');
    await flush();
    pending[0]!.resolve({ ok: true, image: image('a', 'processing') });
    await vi.advanceTimersByTimeAsync(5000);
    expect(queue.items()[0]!.state).toBe('done');
    expect(queue.items()[0]!.message).toMatch(/still processing/);
  });

  it('cancels an upload in flight (aborting its request) and a queued one, and starts the next', async () => {
    const { queue, pending, states } = harness({ concurrency: 1 });
    queue.add(files('a.jpg', 'b.jpg', 'c.jpg'), 'x');
    await flush();
    const [first] = queue.items();
    queue.cancel(queue.items()[1]!.key);
    queue.cancel(first!.key);
    await flush();
    expect(pending[0]!.signal.aborted).toBe(true);
    expect(states()).toEqual(['cancelled', 'cancelled', 'uploading']);
    expect(pending.map((p) => p.file.name)).toEqual(['a.jpg', 'c.jpg']);
    queue.cancel(first!.key);
    expect(states()[0]).toBe('cancelled');
  });

  it('fails a refused file before sending it, and clears finished rows on request', async () => {
    const { queue, pending, states } = harness();
    queue.add(files('big.jpg', 'ok.jpg'), 'x', (file) => (file.name === 'big.jpg' ? 'too large' : null));
    await flush();
    expect(pending.map((p) => p.file.name)).toEqual(['ok.jpg']);
    expect(queue.items()[0]).toMatchObject({ state: 'failed', message: 'too large' });
    queue.clearFinished();
    expect(states()).toEqual(['uploading']);
  });
});

describe('summarize', () => {
  const item = (state: QueueItem['state'], size: number, progress = 0): QueueItem => ({ key: 0, name: 'f', size, state, progress });

  it('weighs progress by bytes and counts finished and failed files', () => {
    expect(summarize([])).toEqual({ total: 0, finished: 0, failed: 0, fraction: 0 });
    const s = summarize([item('done', 100, 1), item('uploading', 300, 0.5), item('failed', 100), item('processing', 0, 1)]);
    expect(s).toMatchObject({ total: 4, finished: 3, failed: 1 });
    expect(s.fraction).toBeCloseTo((100 + 150 + 100) / 500);
  });
});
