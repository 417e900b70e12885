/** A grid of images read page by page as the visitor scrolls. */
import type { Image } from '../api/types.js';
import { useCursorPages } from '../use-cursor-pages.js';
import { FeedEnd } from './feed-end.js';
import { ImageGrid } from './image-grid.js';

export interface ImageFeedProps {
  /** The API path of one page for `cursor`; keep it stable (module level or memoised): it keys the loader. */
  readonly pageUrl: (cursor: string) => string;
  readonly keep?: (image: Image) => boolean;
  readonly empty: string;
}

export function ImageFeed({ pageUrl, keep, empty }: ImageFeedProps) {
  const feed = useCursorPages<Image>(pageUrl(''), pageUrl, keep);
  return (
    <>
      <ImageGrid images={feed.items} />
      <FeedEnd feed={feed} empty={empty} />
    </>
  );
}
