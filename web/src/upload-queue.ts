/**
 * The upload queue behind the Upload page: files wait their turn, a few upload at once (a folder of 300
 * photos must not open 300 connections), a 429 waits out the server's Retry-After and tries again, and an
 * upload the server accepted is watched until processing finishes, so the page can show its thumbnail.
 *
 * No DOM here: sending a file and reading an image are injected, which keeps the scheduling testable in Node.
 */
import type { Image, Problem } from './api/types.js';

export type SendResult =
  | { readonly ok: true; readonly image: Image }
  | { readonly ok: false; readonly status: number; readonly problem: Problem | null; readonly retryAfterS?: number };

/** `T` is what the page chose for a batch of files (visibility, tags, album), handed back to `send`. */
export interface QueueIo<T> {
  /** Uploads one file; `onProgress` gets the fraction sent (0–1). Aborting the signal resolves with status 0. */
  send(file: File, options: T, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<SendResult>;
  /** Reads the image again (to see processing finish); null when it is gone. A throw is a passing failure. */
  fetchImage(id: string): Promise<Image | null>;
  /** Words for a failed upload. */
  describe(status: number, problem: Problem | null): string;
}

export interface QueueOptions {
  readonly concurrency?: number;
  /** How often an image still processing is read again. */
  readonly pollMs?: number;
  /** Give up watching processing after this long (the upload itself succeeded). */
  readonly pollLimitMs?: number;
  /** 429s tolerated per file before it is marked failed. */
  readonly maxRateLimitRetries?: number;
  /** Longest Retry-After honoured; a longer one fails the file with the server's words. */
  readonly maxRetryWaitS?: number;
}

export type ItemState = 'queued' | 'uploading' | 'waiting' | 'processing' | 'done' | 'failed' | 'cancelled';

export interface QueueItem {
  readonly key: number;
  readonly name: string;
  readonly size: number;
  readonly state: ItemState;
  /** Fraction of the bytes sent, 0–1. */
  readonly progress: number;
  readonly image?: Image;
  readonly message?: string;
  /** While `waiting`: when the next attempt starts (ms since the epoch). */
  readonly retryAt?: number;
}

interface Entry<T> {
  item: QueueItem;
  readonly file: File;
  readonly options: T;
  readonly controller: AbortController;
  rateLimitRetries: number;
}

const FINISHED: ReadonlySet<ItemState> = new Set(['done', 'failed', 'cancelled']);

export class UploadQueue<T> {
  private readonly entries: Entry<T>[] = [];
  private readonly listeners = new Set<(items: readonly QueueItem[]) => void>();
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly pollLimitMs: number;
  private readonly maxRateLimitRetries: number;
  private readonly maxRetryWaitS: number;
  private active = 0;
  private nextKey = 0;

  constructor(
    private readonly io: QueueIo<T>,
    options: QueueOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 3;
    this.pollMs = options.pollMs ?? 1500;
    this.pollLimitMs = options.pollLimitMs ?? 120_000;
    this.maxRateLimitRetries = options.maxRateLimitRetries ?? 5;
    this.maxRetryWaitS = options.maxRetryWaitS ?? 3600;
  }

  /**
   * Queues the files in order and starts as many as the concurrency allows. `refuse` may fail a file before
   * it is sent (too large for the server's limit), with the words to show.
   */
  add(files: Iterable<File>, options: T, refuse: (file: File) => string | null = () => null): void {
    for (const file of files) {
      const reason = refuse(file);
      const item: QueueItem = { key: this.nextKey++, name: file.name, size: file.size, progress: 0, ...(reason === null ? { state: 'queued' } : { state: 'failed', message: reason }) };
      this.entries.push({ item, file, options, controller: new AbortController(), rateLimitRetries: 0 });
    }
    this.emit();
    this.pump();
  }

  /** Stops a file that has not finished uploading; one already uploaded stays (delete it from its page). */
  cancel(key: number): void {
    const entry = this.entries.find((e) => e.item.key === key);
    if (!entry || FINISHED.has(entry.item.state) || entry.item.state === 'processing') return;
    entry.controller.abort();
    this.update(entry, { state: 'cancelled', message: 'Cancelled' });
  }

  /** Forgets finished files (the list's "Clear finished"). */
  clearFinished(): void {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (entry && FINISHED.has(entry.item.state)) this.entries.splice(i, 1);
    }
    this.emit();
  }

  items(): readonly QueueItem[] {
    return this.entries.map((e) => e.item);
  }

  subscribe(listener: (items: readonly QueueItem[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private pump(): void {
    while (this.active < this.concurrency) {
      const next = this.entries.find((e) => e.item.state === 'queued');
      if (!next) return;
      this.active += 1;
      void this.run(next).finally(() => {
        this.active -= 1;
        this.pump();
      });
    }
  }

  private async run(entry: Entry<T>): Promise<void> {
    this.update(entry, { state: 'uploading', progress: 0 });
    const result = await this.io.send(entry.file, entry.options, (progress) => this.update(entry, { progress }), entry.controller.signal);
    if (entry.item.state === 'cancelled') return;
    if (result.ok) {
      this.update(entry, { progress: 1, image: result.image, ...this.settled(result.image) });
      if (result.image.status === 'processing') void this.watch(entry, result.image.id);
      return;
    }
    if (result.status === 429 && this.mayRetry(entry, result.retryAfterS)) {
      // The slot is given back while waiting, so files behind this one are not held up by a timer.
      const waitS = result.retryAfterS ?? 1;
      entry.rateLimitRetries += 1;
      this.update(entry, { state: 'waiting', retryAt: Date.now() + waitS * 1000, message: `Upload limit reached: retrying in ${formatWait(waitS)}` });
      setTimeout(() => {
        if (entry.item.state !== 'waiting') return;
        this.update(entry, { state: 'queued', message: undefined, retryAt: undefined });
        this.pump();
      }, waitS * 1000);
      return;
    }
    this.update(entry, { state: 'failed', message: this.io.describe(result.status, result.problem) });
  }

  private mayRetry(entry: Entry<T>, retryAfterS: number | undefined): boolean {
    return entry.rateLimitRetries < this.maxRateLimitRetries && (retryAfterS ?? 1) <= this.maxRetryWaitS;
  }

  /** What an accepted upload looks like right now: processing, ready, or refused by processing. */
  private settled(image: Image): Partial<QueueItem> {
    if (image.status === 'processing') return { state: 'processing', message: 'Processing…' };
    if (image.status === 'failed') return { state: 'failed', message: 'The image could not be processed.' };
    return { state: 'done', message: undefined };
  }

  private async watch(entry: Entry<T>, id: string): Promise<void> {
    const deadline = Date.now() + this.pollLimitMs;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
      let image: Image | null;
      try {
        image = await this.io.fetchImage(id);
      } catch {
        // A network blip or a busy server says nothing about the image: ask again at the next tick.
        continue;
      }
      // Gone: processing failed and the image was removed (contract §7.4).
      if (image === null) return this.update(entry, { state: 'failed', message: 'The image could not be processed.' });
      if (image.status !== 'processing') return this.update(entry, { image, ...this.settled(image) });
    }
    this.update(entry, { state: 'done', message: 'Uploaded; still processing — it will appear in your images when ready.' });
  }

  private update(entry: Entry<T>, change: Partial<QueueItem>): void {
    entry.item = { ...entry.item, ...change };
    this.emit();
  }

  private emit(): void {
    const items = this.items();
    for (const listener of this.listeners) listener(items);
  }
}

/** Totals for the page's summary line. */
export function summarize(items: readonly QueueItem[]): { total: number; finished: number; failed: number; fraction: number } {
  const total = items.length;
  const finished = items.filter((i) => FINISHED.has(i.state) || i.state === 'processing').length;
  const failed = items.filter((i) => i.state === 'failed').length;
  const bytes = items.reduce((sum, i) => sum + i.size, 0);
  const sent = items.reduce((sum, i) => sum + i.size * (FINISHED.has(i.state) || i.state === 'processing' ? 1 : i.progress), 0);
  return { total, finished, failed, fraction: bytes === 0 ? (total === 0 ? 0 : finished / total) : sent / bytes };
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.ceil(seconds / 60)} min`;
}
