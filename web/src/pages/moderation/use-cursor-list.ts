/**
 * A list read in cursor mode (contract §4) with "Load more": restarts from the first page whenever `key` (the
 * filters) changes, and ignores answers to requests made for an older key.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, describeError } from '../../api/client.js';
import type { CursorPage } from '../../api/types.js';

export interface CursorList<T> {
  readonly items: readonly T[];
  /** True when a further page exists. */
  readonly more: boolean;
  readonly loading: boolean;
  /** True once the first page arrived (or failed). */
  readonly loaded: boolean;
  readonly error: string | null;
  readonly loadMore: () => void;
  /** Swaps one item in place (after it changed). */
  readonly replace: (item: T) => void;
  /** Starts again from the first page (after an item was added). */
  readonly reload: () => void;
}

/** `url` builds the address of the page after `cursor` ('' for the first); null means "nothing to ask". */
export function useCursorList<T extends { readonly id: string }>(key: string, url: ((cursor: string) => string) | null): CursorList<T> {
  const [items, setItems] = useState<readonly T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const urlRef = useRef(url);
  urlRef.current = url;

  async function load(from: string) {
    const build = urlRef.current;
    if (build === null) return;
    const mine = generation.current;
    setLoading(true);
    try {
      const page = await api<CursorPage<T>>(build(from));
      if (mine !== generation.current) return;
      setItems((previous) => (from === '' ? page.items : [...previous, ...page.items]));
      setCursor(page.pagination.next_cursor);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(describeError(err));
    } finally {
      if (mine === generation.current) {
        setLoading(false);
        setLoaded(true);
      }
    }
  }

  function restart() {
    generation.current += 1;
    setItems([]);
    setCursor(null);
    setError(null);
    setLoaded(false);
    setLoading(false);
    void load('');
  }

  useEffect(restart, [key]);

  return {
    items,
    more: cursor !== null,
    loading,
    loaded,
    error,
    loadMore() {
      // After a failed first page there is no cursor: "retry" starts over.
      if (!loading) void load(cursor ?? '');
    },
    replace(item: T) {
      setItems((previous) => previous.map((old) => (old.id === item.id ? item : old)));
    },
    reload: restart,
  };
}
