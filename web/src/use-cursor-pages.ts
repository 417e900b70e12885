/**
 * A list read page by page in cursor mode (contract §4): the first page as soon as the list is shown, the next
 * ones when the sentinel element at its end scrolls near the viewport or on "Load more". A new `key` (other
 * filters) starts again from the first page, and answers to requests made for an older key are dropped.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, describeError } from './api/client.js';
import type { CursorPage } from './api/types.js';

export interface CursorPages<T> {
  readonly items: readonly T[];
  readonly loading: boolean;
  /** True once the first page arrived (or failed). */
  readonly loaded: boolean;
  /** True once the last page has arrived. */
  readonly done: boolean;
  readonly error: string | null;
  /** Asks again after an error (the failed page, or the first one). */
  retry(): void;
  /** Asks for the next page now (a "Load more" button); does nothing while loading or when done. */
  loadMore(): void;
  /** Starts again from the first page (after an item was added elsewhere). */
  reload(): void;
  /** Replaces the loaded items in place (after an edit or a delete), without reloading. */
  setItems(update: (items: readonly T[]) => readonly T[]): void;
  /** Attach to an empty element after the list for infinite scroll; leave it out for "Load more" only. */
  readonly sentinel: { current: HTMLDivElement | null };
}

const keepAll = () => true;

/**
 * `pageUrl(cursor)` is the API path of the page after `cursor` ('' for the first); null asks for nothing.
 * `key` names what is listed (the filters): the list restarts when it changes. `keep` drops items the page
 * should not show; keep it stable.
 */
export function useCursorPages<T>(key: string, pageUrl: ((cursor: string) => string) | null, keep: (item: T) => boolean = keepAll): CursorPages<T> {
  const [items, setItems] = useState<readonly T[]>([]);
  // '' asks for the first page; null means there is nothing more.
  const [cursor, setCursor] = useState<string | null>('');
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restarts, setRestarts] = useState(0);
  const generation = useRef(0);
  const busy = useRef(false);
  const sentinel = useRef<HTMLDivElement>(null);
  // Read when a request goes out, so a caller's inline function never restarts the list by itself.
  const latest = useRef({ pageUrl, keep, cursor });
  latest.current = { pageUrl, keep, cursor };

  async function load(from: string) {
    const { pageUrl: build, keep: filter } = latest.current;
    if (build === null || busy.current) return;
    const mine = generation.current;
    busy.current = true;
    setLoading(true);
    try {
      const page = await api<CursorPage<T>>(build(from));
      if (mine !== generation.current) return;
      const fresh = page.items.filter(filter);
      setItems((previous) => (from === '' ? fresh : [...previous, ...fresh]));
      setCursor(page.pagination.next_cursor);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(describeError(err));
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoading(false);
        setLoaded(true);
      }
    }
  }

  useEffect(() => {
    generation.current += 1;
    busy.current = false;
    setItems([]);
    setCursor('');
    setError(null);
    setLoaded(false);
    setLoading(false);
    void load('');
  }, [key, restarts]);

  const next = () => {
    const at = latest.current.cursor;
    if (at !== null && at !== '') void load(at);
  };

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !loaded || cursor === null || error !== null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) next();
      },
      { rootMargin: '400px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [loaded, cursor, error, key]);

  return {
    items,
    loading,
    loaded,
    done: loaded && cursor === null,
    error,
    retry: () => void load(latest.current.cursor ?? ''),
    loadMore: next,
    reload: () => setRestarts((n) => n + 1),
    setItems,
    sentinel,
  };
}
