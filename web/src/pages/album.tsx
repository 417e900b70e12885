/**
 * An album: title, description, owner and its images in album order. Visitors see what they may read (§8: only
 * active public or unlisted images) a page at a time; the owner gets every image and the editing tools.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError, describeError } from '../api/client.js';
import type { Album } from '../api/types.js';
import { AlbumOwnerView } from '../components/album-owner-view.js';
import { ImageFeed } from '../components/image-feed.js';
import { VisibilityBadge } from '../components/my-visibility-badge.js';
import { useSession } from '../use-session.js';
import './albums.css';

type State = { kind: 'loading' } | { kind: 'missing' } | { kind: 'failed'; message: string } | { kind: 'ready'; album: Album };

export function AlbumPage({ id }: { id: string }) {
  const session = useSession();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const userId = session?.user.id ?? null;

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    // per_page=1: the album's own fields are what this asks for; its images come from the cursor list.
    api<Album>(`/albums/${encodeURIComponent(id)}?per_page=1`).then(
      (album) => live && setState({ kind: 'ready', album }),
      (err: unknown) => {
        if (!live) return;
        // A malformed id is a 400 on the path: to the visitor that is the same missing album.
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) setState({ kind: 'missing' });
        else setState({ kind: 'failed', message: describeError(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [id, userId]);

  const title = state.kind === 'ready' ? state.album.title : state.kind === 'missing' ? 'Album not found' : 'Album';
  useEffect(() => {
    document.title = `${title} · Tessera`;
  }, [title]);

  if (state.kind === 'loading') return <p class="loading">Loading…</p>;
  if (state.kind === 'missing') {
    return (
      <section>
        <h1>Album not found</h1>
        <p>This album does not exist, or it is not shared with you.</p>
      </section>
    );
  }
  if (state.kind === 'failed') {
    return (
      <section>
        <h1>Album</h1>
        <p class="error" role="alert">
          {state.message}
        </p>
      </section>
    );
  }

  const { album } = state;
  const isOwner = userId === album.owner.id;
  return (
    <section class="album-page">
      <h1>{album.title}</h1>
      {album.description !== '' && <p class="description">{album.description}</p>}
      <p class="meta album-meta">
        <span>
          By <a href={`/users/${album.owner.id}`}>{album.owner.display_name}</a>
        </span>
        <span>{album.image_count === 1 ? '1 image' : `${album.image_count} images`}</span>
        {isOwner && <VisibilityBadge visibility={album.visibility} />}
      </p>
      {isOwner ? (
        <AlbumOwnerView album={album} onAlbum={(next) => setState({ kind: 'ready', album: next })} />
      ) : (
        <AlbumImages id={album.id} />
      )}
    </section>
  );
}

const PER_PAGE = 48;

/** A visitor's view of the album's images, in album order, loaded as they scroll. */
function AlbumImages({ id }: { id: string }) {
  const pageUrl = useCallback((cursor: string) => `/albums/${encodeURIComponent(id)}/images?per_page=${PER_PAGE}&cursor=${encodeURIComponent(cursor)}`, [id]);
  return <ImageFeed pageUrl={pageUrl} empty="No images to show in this album." />;
}
