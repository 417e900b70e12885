/**
 * A user's public albums as cards linking to each album (GET /albums?owner_id=…). The owner and staff get
 * every visibility from the API; only the public ones are shown, so the page reads the same for everyone.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import type { Album, CursorPage } from '../api/types.js';

const PER_PAGE = 24;

export function UserAlbums({ userId }: { userId: string }) {
  const [albums, setAlbums] = useState<Album[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load(from: string, signal?: AbortSignal) {
    try {
      const query = `owner_id=${encodeURIComponent(userId)}&per_page=${PER_PAGE}&cursor=${encodeURIComponent(from)}`;
      const page = await api<CursorPage<Album>>(`/albums?${query}`, signal ? { signal } : {});
      const visible = page.items.filter((album) => album.visibility === 'public');
      setAlbums((previous) => (from === '' ? visible : [...previous, ...visible]));
      setCursor(page.pagination.next_cursor);
      setLoaded(true);
      setError(null);
    } catch (err) {
      if (!signal?.aborted) setError(describeError(err));
    }
  }

  useEffect(() => {
    const controller = new AbortController();
    void load('', controller.signal);
    return () => controller.abort();
  }, [userId]);

  return (
    <section class="user-section" aria-labelledby="user-albums-heading">
      <h2 id="user-albums-heading">Albums</h2>
      {loaded && albums.length === 0 && cursor === null && <p class="empty">No public albums yet.</p>}
      {albums.length > 0 && (
        <ul class="grid user-albums">
          {albums.map((album) => (
            <li key={album.id}>
              <AlbumCard album={album} />
            </li>
          ))}
        </ul>
      )}
      {cursor !== null && (
        <button type="button" class="user-more" onClick={() => void load(cursor)}>
          More albums
        </button>
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function AlbumCard({ album }: { album: Album }) {
  const count = `${album.image_count} ${album.image_count === 1 ? 'image' : 'images'}`;
  return (
    <a class="card user-album-card" href={`/albums/${album.id}`}>
      {album.cover ? (
        // The title is the link's text: the cover adds nothing for a screen reader, so its alt is empty.
        <img src={album.cover.url} width={album.cover.width} height={album.cover.height} alt="" loading="lazy" decoding="async" />
      ) : (
        <span class="placeholder" aria-hidden="true">
          No cover
        </span>
      )}
      <span class="card-title">{album.title}</span>
      <span class="user-album-count">{count}</span>
    </a>
  );
}
