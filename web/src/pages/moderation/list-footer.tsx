/** The end of a moderation list: "Load more", a loading note, the empty message, or the error with a retry. */
import type { CursorList } from './use-cursor-list.js';

export function ListFooter<T>({ list, empty }: { list: CursorList<T>; empty: string }) {
  return (
    <div class="mod-list-footer">
      {list.loaded && !list.loading && list.error === null && list.items.length === 0 && <p class="empty">{empty}</p>}
      {list.error !== null && (
        <p class="error" role="alert">
          {list.error}{' '}
          <button type="button" onClick={() => list.loadMore()}>
            Retry
          </button>
        </p>
      )}
      {list.loading && <p class="loading">Loading…</p>}
      {list.more && !list.loading && list.error === null && (
        <button type="button" onClick={() => list.loadMore()}>
          Load more
        </button>
      )}
    </div>
  );
}
