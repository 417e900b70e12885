/**
 * Explore: the recent public feed, a search, or a tag, as a grid that loads the next cursor page when the end
 * of the list scrolls into view (contract §4 cursor mode, §11).
 */
import { useCallback, useEffect } from 'preact/hooks';
import { ImageFeed } from '../components/image-feed.js';

export type Feed = { kind: 'recent' } | { kind: 'popular' } | { kind: 'search'; q: string } | { kind: 'tag'; slug: string };

const PER_PAGE = 24;

function feedUrl(feed: Feed, cursor: string): string {
  const page = `per_page=${PER_PAGE}&cursor=${encodeURIComponent(cursor)}`;
  switch (feed.kind) {
    case 'recent':
      return `/explore/recent?${page}`;
    case 'popular':
      return `/explore/popular?period=week&${page}`;
    case 'search':
      return `/explore/search?q=${encodeURIComponent(feed.q)}&${page}`;
    case 'tag':
      return `/tags/${encodeURIComponent(feed.slug)}/images?${page}`;
  }
}

function heading(feed: Feed): string {
  if (feed.kind === 'search') return `Search: ${feed.q}`;
  if (feed.kind === 'tag') return `Tag: ${feed.slug}`;
  return feed.kind === 'popular' ? 'Popular this week' : 'Recent images';
}

export function ExplorePage({ feed }: { feed: Feed }) {
  // The page is remounted (keyed) for another feed, so the loader's key never changes under it.
  const pageUrl = useCallback((cursor: string) => feedUrl(feed, cursor), [feed]);

  useEffect(() => {
    document.title = `${heading(feed)} · Tessera`;
  }, [feed]);

  return (
    <section>
      <h1>{heading(feed)}</h1>
      {(feed.kind === 'recent' || feed.kind === 'popular') && (
        <nav class="feed-tabs" aria-label="Feeds">
          <a href="/" aria-current={feed.kind === 'recent' ? 'page' : undefined}>
            Recent
          </a>
          <a href="/popular" aria-current={feed.kind === 'popular' ? 'page' : undefined}>
            Popular
          </a>
        </nav>
      )}
      {feed.kind === 'search' && feed.q.trim() === '' ? (
        <p class="empty">Type words to search for in the box above.</p>
      ) : (
        <ImageFeed pageUrl={pageUrl} empty={feed.kind === 'search' ? 'No public image matches.' : 'No images here yet.'} />
      )}
    </section>
  );
}
