/**
 * Explore: the recent public feed, a search, or a tag, as a grid that loads the next cursor page when the end
 * of the list scrolls into view (contract §4 cursor mode, §11).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import type { CursorPage, Image } from '../api/types.js';
import { ImageGrid } from '../components/image-grid.js';

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
  const [images, setImages] = useState<Image[]>([]);
  // '' asks for the first page; null means there is nothing more.
  const [cursor, setCursor] = useState<string | null>('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);

  const loadMore = useCallback(async () => {
    if (loading || cursor === null) return;
    if (feed.kind === 'search' && feed.q.trim() === '') return setCursor(null);
    setLoading(true);
    try {
      const page = await api<CursorPage<Image>>(feedUrl(feed, cursor));
      setImages((previous) => [...previous, ...page.items]);
      setCursor(page.pagination.next_cursor);
      setError(null);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setLoading(false);
    }
  }, [feed, cursor, loading]);

  useEffect(() => {
    document.title = `${heading(feed)} · Tessera`;
  }, [feed]);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || cursor === null || error !== null) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void loadMore();
    }, { rootMargin: '400px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [loadMore, cursor, error]);

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
      <ImageGrid images={images} />
      {!loading && cursor === null && images.length === 0 && <p class="empty">No images here yet.</p>}
      {error !== null && (
        <p class="error" role="alert">
          {error}{' '}
          <button type="button" onClick={() => setError(null)}>
            Retry
          </button>
        </p>
      )}
      <div ref={sentinel} class="sentinel" aria-hidden="true" />
      {loading && <p class="loading">Loading…</p>}
    </section>
  );
}
