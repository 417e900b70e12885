/** A grid of images read page by page as the visitor scrolls, with its empty, error and loading states. */
import type { Image } from '../api/types.js';
import { useCursorPages } from '../use-cursor-pages.js';
import { ImageGrid } from './image-grid.js';

export interface ImageFeedProps {
  /** The API path of one page for `cursor`; keep it stable (module level or memoised): it keys the loader. */
  readonly pageUrl: (cursor: string) => string;
  readonly keep?: (image: Image) => boolean;
  readonly empty: string;
}

export function ImageFeed({ pageUrl, keep, empty }: ImageFeedProps) {
  const feed = useCursorPages<Image>(pageUrl, keep);
  return (
    <>
      <ImageGrid images={feed.items} />
      {!feed.loading && feed.done && feed.items.length === 0 && <p class="empty">{empty}</p>}
      {feed.error !== null && (
        <p class="error" role="alert">
          {feed.error}{' '}
          <button type="button" onClick={() => feed.retry()}>
            Retry
          </button>
        </p>
      )}
      <div ref={feed.sentinel} class="sentinel" aria-hidden="true" />
      {feed.loading && <p class="loading">Loading…</p>}
    </>
  );
}
