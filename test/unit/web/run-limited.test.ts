/** Bulk actions' helper: bounded concurrency, outcomes in input order, failures kept, progress reported; chunking. */
import { describe, expect, it } from 'vitest';
import { chunk, runLimited } from '../../../web/src/run-limited.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('runLimited', () => {
  it('never runs more than the limit at once, and runs every item', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await runLimited(Array.from({ length: 10 }, (_, i) => i), 4, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await tick();
      seen.push(n);
      running -= 1;
    });
    expect(peak).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps going after failures and returns outcomes in input order', async () => {
    const outcomes = await runLimited([3, 1, 2], 2, async (n) => {
      await new Promise((resolve) => setTimeout(resolve, n));
      if (n === 1) throw new Error('one is odd');
      return n * 10;
    });
    expect(outcomes.map((o) => o.item)).toEqual([3, 1, 2]);
    expect(outcomes[0]).toEqual({ item: 3, ok: true, value: 30 });
    expect(outcomes[1]?.ok).toBe(false);
    expect(outcomes[1]?.ok === false && (outcomes[1].error as Error).message).toBe('one is odd');
    expect(outcomes[2]).toEqual({ item: 2, ok: true, value: 20 });
  });

  it('reports progress after each item', async () => {
    const progress: string[] = [];
    await runLimited(['a', 'b', 'c'], 4, async () => tick(), (done, total) => progress.push(`${done}/${total}`));
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
  });

  it('returns at once for no items', async () => {
    expect(await runLimited([], 4, async () => 1)).toEqual([]);
  });
});

describe('chunk', () => {
  it('splits into slices of at most the size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk(Array.from({ length: 250 }, (_, i) => i), 100).map((s) => s.length)).toEqual([100, 100, 50]);
    expect(chunk([], 100)).toEqual([]);
  });
});
