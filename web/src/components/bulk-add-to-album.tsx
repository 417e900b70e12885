/**
 * "Add to album" for the selection on My images: pick one of the user's albums or name a new one; the ids go
 * in batches of 100 (the most POST /albums/{id}/images takes), appended in grid order.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import type { Album, Image } from '../api/types.js';
import { chunk } from '../run-limited.js';
import { loadAllMyAlbums } from './album-list.js';

const NEW = 'new';
const BATCH = 100;

export interface BulkAddToAlbumProps {
  readonly selected: readonly Image[];
  readonly busy: boolean;
  readonly onProgress: (text: string | null) => void;
  /** Reported on the toolbar's status line, with a link to the album. */
  readonly onAdded: (album: Album, added: number, alreadyThere: number) => void;
  readonly onError: (message: string | null) => void;
}

export function BulkAddToAlbum({ selected, busy, onProgress, onAdded, onError }: BulkAddToAlbumProps) {
  const [albums, setAlbums] = useState<readonly Album[]>([]);
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');

  useEffect(() => {
    loadAllMyAlbums().then(setAlbums, (err: unknown) => onError(`Could not load your albums: ${describeError(err)}`));
  }, []);

  const ready = selected.length > 0 && !busy && (choice === NEW ? title.trim() !== '' : choice !== '');

  async function add() {
    onError(null);
    const ids = selected.map((image) => image.id);
    let sent = 0;
    let added = 0;
    try {
      let album = albums.find((a) => a.id === choice);
      if (choice === NEW) {
        onProgress('Creating the album…');
        album = await api<Album>('/albums', { method: 'POST', body: { title: title.trim() } });
        setAlbums((all) => [album as Album, ...all]);
        setChoice(album.id);
        setTitle('');
      }
      if (!album) return;
      for (const batch of chunk(ids, BATCH)) {
        onProgress(`Adding ${sent + 1}–${sent + batch.length} of ${ids.length} to “${album.title}”…`);
        const result = await api<{ added_count: number; image_count: number }>(`/albums/${album.id}/images`, { method: 'POST', body: { image_ids: batch } });
        sent += batch.length;
        added += result.added_count;
      }
      onAdded(album, added, ids.length - added);
    } catch (err) {
      // Earlier batches stay added: say so, since the user may retry with the rest.
      onError(sent > 0 ? `${describeError(err)} (${added} of ${ids.length} were added before this)` : describeError(err));
    } finally {
      onProgress(null);
    }
  }

  return (
    <span class="bulk-group">
      <label for="bulk-album">Album</label>
      <select id="bulk-album" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
        <option value="">Choose an album…</option>
        {albums.map((album) => (
          <option key={album.id} value={album.id}>
            {album.title}
          </option>
        ))}
        <option value={NEW}>New album…</option>
      </select>
      {choice === NEW && (
        <>
          <label for="bulk-album-title">New album title</label>
          <input id="bulk-album-title" class="bulk-title" value={title} maxLength={255} onInput={(e) => setTitle(e.currentTarget.value)} />
        </>
      )}
      <button type="button" disabled={!ready} onClick={() => void add()}>
        Add to album
      </button>
    </span>
  );
}
