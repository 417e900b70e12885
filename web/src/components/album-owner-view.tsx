/**
 * What an album's owner sees under the heading: the edit form and every image of the album in order, which
 * they can reorder, trim and pick a cover from. The order is saved automatically after each move (PUT of the
 * full order, one request at a time so the last move wins); a failed save shows why and reloads the order.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import type { Album, Image } from '../api/types.js';
import { navigate } from '../router.js';
import { useAction } from '../use-action.js';
import { moveBy, moveOnto } from '../reorder.js';
import { AlbumEditForm } from './album-edit-form.js';
import { loadAll } from './album-list.js';
import { AlbumOrderGrid } from './album-order-grid.js';
import { altText } from './image-grid.js';

export interface AlbumOwnerViewProps {
  readonly album: Album;
  readonly onAlbum: (album: Album) => void;
}

export function AlbumOwnerView({ album, onAlbum }: AlbumOwnerViewProps) {
  const [images, setImages] = useState<Image[] | null>(null);
  const [status, setStatus] = useState('');
  const action = useAction();
  const { error, setError, busy } = action;
  const saving = useRef<Promise<void>>(Promise.resolve());
  const current = useRef<Image[]>([]);
  const latestMove = useRef(0);

  async function reload() {
    const all = await loadAll<Image>(`/albums/${album.id}/images`);
    current.current = all;
    setImages(all);
  }

  useEffect(() => {
    reload().catch((err: unknown) => setError(describeError(err)));
  }, [album.id]);

  /** Shows the new order at once and queues its save behind any save still running. */
  function reorder(next: Image[], moved: Image) {
    current.current = next;
    setImages(next);
    setError(null);
    setStatus(`Moved “${altText(moved)}” to position ${next.indexOf(moved) + 1} of ${next.length}. Saving…`);
    const move = ++latestMove.current;
    saving.current = saving.current.then(async () => {
      // A later move supersedes this one: only the newest order is worth a request, and it is read when the
      // request goes out so that an image removed meanwhile is not sent back.
      if (move !== latestMove.current) return;
      try {
        await api<undefined>(`/albums/${album.id}/images/order`, { method: 'PUT', body: { image_ids: current.current.map((image) => image.id) } });
        if (move === latestMove.current) setStatus('Order saved.');
      } catch (err) {
        setError(`The order was not saved: ${describeError(err)}. Showing the saved order again.`);
        setStatus('');
        await reload().catch(() => undefined);
      }
    });
  }

  function makeCover(image: Image) {
    void action.run(async () => {
      onAlbum(await api<Album>(`/albums/${album.id}`, { method: 'PATCH', body: { cover_image_id: image.id } }));
      setStatus(`“${altText(image)}” is now the cover.`);
    });
  }

  function remove(image: Image) {
    void action.run(async () => {
      await api<undefined>(`/albums/${album.id}/images/${image.id}`, { method: 'DELETE' });
      const next = current.current.filter((other) => other.id !== image.id);
      current.current = next;
      setImages(next);
      setStatus(`Removed “${altText(image)}” from the album.`);
      // The count and perhaps the cover changed.
      onAlbum(await api<Album>(`/albums/${album.id}?per_page=1`));
    });
  }

  return (
    <>
      <AlbumEditForm album={album} onSaved={onAlbum} onDeleted={() => navigate('/me/albums')} />
      <p class="album-hint">Drag images to reorder them, or use the Earlier and Later buttons (Alt+arrow keys in a card). The order is saved after each move.</p>
      <p class="album-status" role="status">
        {status}
      </p>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {images === null ? (
        error === null && <p class="loading">Loading…</p>
      ) : images.length === 0 ? (
        <p class="empty">
          This album is empty. Add images from <a href="/me/images">My images</a>.
        </p>
      ) : (
        <AlbumOrderGrid
          images={images}
          coverId={album.cover_image_id}
          shownCoverId={album.cover?.image_id ?? null}
          busy={busy}
          onMoveBy={(image, delta) => reorder(moveBy(current.current, image.id, delta), image)}
          onMoveOnto={(id, targetId) => {
            const moved = current.current.find((image) => image.id === id);
            if (moved) reorder(moveOnto(current.current, id, targetId), moved);
          }}
          onCover={makeCover}
          onRemove={remove}
        />
      )}
    </>
  );
}
