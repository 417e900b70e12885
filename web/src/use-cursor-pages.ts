/**
 * A list read page by page in cursor mode (contract §4), loading the next page when a sentinel element at its
 * end scrolls near the viewport: the infinite scroll of every feed in the app.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, describeError } from './api/client.js';
import type { CursorPage } from './api/types.js';

export interface CursorPages<T> {
  readonly items: readonly T[];
  readonly loading: boolean;
  /** True once the last page has arrived. */
  readonly done: boolean;
  readonly error: string | null;
  /** Clears the error, which lets the sentinel ask again. */
  retry(): void;
  /** Asks for the next page now (a "Load more" button); does nothing while loading or when done. */
  loadMore(): void;
  /** Replaces the loaded items in place (after an edit or a delete), without reloading. */
  setItems(update: (items: readonly T[]) => readonly T[]): void;
  /** Attach to an empty element after the list. */
  readonly sentinel: { current: HTMLDivElement | null };
}

const keepAll = () => true;

/** `pageUrl(cursor)` is the API path of one page; `keep` drops items the page should not show. Keep both stable. */
export function useCursorPages<T>(pageUrl: (cursor: string) => string, keep: (item: T) => boolean = keepAll): CursorPages<T> {
  const [items, setItems] = useState<readonly T[]>([]);
  // '' asks for the first page; null means there is nothing more.
  const [cursor, setCursor] = useState<string | null>('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);

  const loadMore = useCallback(async () => {
    if (loading || cursor === null) return;
    setLoading(true);
    try {
      const page = await api<CursorPage<T>>(pageUrl(cursor));
      setItems((previous) => [...previous, ...page.items.filter(keep)]);
      setCursor(page.pagination.next_cursor);
      setError(null);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, [pageUrl, keep, cursor, loading]);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || cursor === null || error !== null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadMore();
      },
      { rootMargin: '400px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [loadMore, cursor, error]);

  return { items, loading, done: cursor === null, error, retry: () => setError(null), loadMore: () => void loadMore(), setItems, sentinel };
}
