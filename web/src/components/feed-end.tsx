/**
 * What follows a cursor-paged list: the empty message, the error with Retry, the sentinel that loads more on
 * scrolling (unless `scroll` is false), "Loading…", and optionally a "Load more" button.
 */
import type { ComponentChildren } from 'preact';
import type { CursorPages } from '../use-cursor-pages.js';

export interface FeedEndProps<T> {
  readonly feed: CursorPages<T>;
  readonly empty: ComponentChildren;
  readonly loadMoreButton?: boolean;
  readonly scroll?: boolean;
}

export function FeedEnd<T>({ feed, empty, loadMoreButton, scroll = true }: FeedEndProps<T>) {
  return (
    <>
      {!feed.loading && feed.done && feed.items.length === 0 && <p class="empty">{empty}</p>}
      {feed.error !== null && (
        <p class="error" role="alert">
          {feed.error}{' '}
          <button type="button" onClick={() => feed.retry()}>
            Retry
          </button>
        </p>
      )}
      {scroll && <div ref={feed.sentinel} class="sentinel" aria-hidden="true" />}
      {feed.loading && <p class="loading">Loading…</p>}
      {loadMoreButton && !feed.loading && !feed.done && feed.error === null && (
        <button type="button" onClick={() => feed.loadMore()}>
          Load more
        </button>
      )}
    </>
  );
}
