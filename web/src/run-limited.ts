/**
 * Bulk actions on many images: run one request per item with a small concurrency (so a hundred PATCHes
 * neither queue behind the browser's connection limit all at once nor trip a rate limit in a burst), and
 * collect every outcome instead of stopping at the first failure. No DOM: unit-tested in Node.
 */

export type Outcome<T, R> = { readonly item: T; readonly ok: true; readonly value: R } | { readonly item: T; readonly ok: false; readonly error: unknown };

/**
 * Runs `task` on every item, at most `limit` at a time; outcomes come back in the order of `items`.
 * `onSettled(done, total)` is called after each item finishes, for a progress line.
 */
export async function runLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  onSettled?: (done: number, total: number) => void,
): Promise<Outcome<T, R>[]> {
  const outcomes = new Array<Outcome<T, R>>(items.length);
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      try {
        outcomes[index] = { item, ok: true, value: await task(item) };
      } catch (error) {
        outcomes[index] = { item, ok: false, error };
      }
      done += 1;
      onSettled?.(done, items.length);
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, () => worker());
  await Promise.all(workers);
  return outcomes;
}

/** Splits `list` into consecutive slices of at most `size` (requests that take a bounded id list). */
export function chunk<T>(list: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < list.length; i += size) slices.push(list.slice(i, i + size));
  return slices;
}
