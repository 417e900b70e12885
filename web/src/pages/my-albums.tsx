/** My albums: the signed-in user's albums (every visibility) as cards, and a form for a new one. */
import { useEffect, useState } from 'preact/hooks';
import type { Album } from '../api/types.js';
import { useCursorPages } from '../use-cursor-pages.js';
import { FeedEnd } from '../components/feed-end.js';
import { LogInPrompt } from '../components/log-in-prompt.js';
import { AlbumCard } from '../components/album-card.js';
import { AlbumNewForm } from '../components/album-new-form.js';
import { useSession } from '../use-session.js';
import './albums.css';

const PER_PAGE = 24;

export function MyAlbumsPage() {
  const session = useSession();
  useEffect(() => {
    document.title = 'My albums · Tessera';
  }, []);
  if (!session) return <LogInPrompt title="My albums" to="to see your albums" />;
  return <MyAlbums key={session.user.id} />;
}

const pageUrl = (cursor: string) => `/albums?owner_id=me&per_page=${PER_PAGE}&cursor=${encodeURIComponent(cursor)}`;

function MyAlbums() {
  const feed = useCursorPages<Album>('mine', pageUrl);
  const [created, setCreated] = useState<Album | null>(null);

  return (
    <section class="my-albums">
      <h1>My albums</h1>
      <div class="my-albums-layout">
        <div class="my-albums-list">
          <h2>Your albums</h2>
          <ul class="grid album-grid">
            {feed.items.map((album) => (
              <AlbumCard key={album.id} album={album} />
            ))}
          </ul>
          <FeedEnd feed={feed} empty="You have no albums yet." />
        </div>
        <div class="my-albums-new">
          <AlbumNewForm
            onCreated={(album) => {
              feed.setItems((all) => [album, ...all]);
              setCreated(album);
            }}
          />
          {created && (
            <p class="album-note" role="status">
              Created <a href={`/albums/${created.id}`}>{created.title}</a>.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
