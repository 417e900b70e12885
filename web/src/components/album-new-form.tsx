/** The "New album" form: title (required), description and visibility; POST /albums. */
import { useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import type { Album, Visibility } from '../api/types.js';
import { Field } from './field.js';
import { VisibilityOptions } from './my-visibility-badge.js';

export function AlbumNewForm({ onCreated }: { onCreated: (album: Album) => void }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const album = await api<Album>('/albums', { method: 'POST', body: { title: title.trim(), description, visibility } });
      setTitle('');
      setDescription('');
      onCreated(album);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="album-form" onSubmit={(e) => void submit(e)}>
      <h2>New album</h2>
      <Field id="new-album-title" label="Title" value={title} onValue={setTitle} required maxLength={255} />
      <label for="new-album-description">Description</label>
      <textarea id="new-album-description" rows={3} maxLength={2000} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      <label for="new-album-visibility">Visibility</label>
      <select id="new-album-visibility" value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}>
        <VisibilityOptions />
      </select>
      <button type="submit" disabled={busy || title.trim() === ''}>
        Create album
      </button>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
