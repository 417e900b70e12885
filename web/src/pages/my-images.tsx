/**
 * My images: every image of the signed-in user, whatever its visibility or status, loaded a cursor page at a
 * time as the end of the grid scrolls into view (or by "Load more"), with a selection and bulk actions.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Image } from '../api/types.js';
import { useCursorPages } from '../use-cursor-pages.js';
import { FeedEnd } from '../components/feed-end.js';
import { LogInPrompt } from '../components/log-in-prompt.js';
import { BulkToolbar } from '../components/bulk-toolbar.js';
import { SelectableCard } from '../components/selectable-card.js';
import { useSession } from '../use-session.js';
import './albums.css';

const PER_PAGE = 24;

export function MyImagesPage() {
  const session = useSession();
  useEffect(() => {
    document.title = 'My images · Tessera';
  }, []);
  if (!session) return <LogInPrompt title="My images" to="to see your images" />;
  return <MyImages key={session.user.id} />;
}

const pageUrl = (cursor: string) => `/images?owner_id=me&per_page=${PER_PAGE}&cursor=${encodeURIComponent(cursor)}`;

function MyImages() {
  const feed = useCursorPages<Image>('mine', pageUrl);
  const images = feed.items;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  function toggle(id: string, on: boolean) {
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function updated(image: Image) {
    feed.setItems((all) => all.map((old) => (old.id === image.id ? image : old)));
  }

  function deleted(id: string) {
    feed.setItems((all) => all.filter((image) => image.id !== id));
    toggle(id, false);
  }

  return (
    <section class="my-images">
      <h1>My images</h1>
      <BulkToolbar
        selected={images.filter((image) => selected.has(image.id))}
        loadedCount={images.length}
        onSelectAll={() => setSelected(new Set(images.map((image) => image.id)))}
        onClear={() => setSelected(new Set())}
        onUpdated={updated}
        onDeleted={deleted}
      />
      <ul class="grid my-grid">
        {images.map((image) => (
          <SelectableCard key={image.id} image={image} selected={selected.has(image.id)} onToggle={toggle} />
        ))}
      </ul>
      <FeedEnd
        feed={feed}
        loadMoreButton
        empty={
          <>
            You have no images yet. <a href="/upload">Upload some</a>.
          </>
        }
      />
    </section>
  );
}
