/** The owner's "Edit album" form (title, description, visibility → PATCH) and "Delete album" (images stay). */
import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { useAction } from '../use-action.js';
import type { Album, Visibility } from '../api/types.js';
import { Field } from './field.js';
import { VisibilityOptions } from './my-visibility-badge.js';

export interface AlbumEditFormProps {
  readonly album: Album;
  readonly onSaved: (album: Album) => void;
  readonly onDeleted: () => void;
}

export function AlbumEditForm({ album, onSaved, onDeleted }: AlbumEditFormProps) {
  const [title, setTitle] = useState(album.title);
  const [description, setDescription] = useState(album.description);
  const [visibility, setVisibility] = useState<Visibility>(album.visibility);
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction();

  function run(work: () => Promise<void>) {
    setMessage(null);
    return action.run(work);
  }

  function save(event: Event) {
    event.preventDefault();
    void run(async () => {
      const saved = await api<Album>(`/albums/${album.id}`, { method: 'PATCH', body: { title: title.trim(), description, visibility } });
      onSaved(saved);
      setMessage('Album saved.');
    });
  }

  function remove() {
    if (!confirm(`Delete the album “${album.title}”? Its images are kept.`)) return;
    void run(async () => {
      await api<undefined>(`/albums/${album.id}`, { method: 'DELETE' });
      onDeleted();
    });
  }

  return (
    <details class="album-edit">
      <summary>Edit album</summary>
      <form class="album-form" onSubmit={save}>
        <Field id="album-title" label="Title" value={title} onValue={setTitle} required maxLength={255} />
        <label for="album-description">Description</label>
        <textarea id="album-description" rows={3} maxLength={2000} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        <label for="album-visibility">Visibility</label>
        <select id="album-visibility" value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}>
          <VisibilityOptions />
        </select>
        <div class="album-form-actions">
          <button type="submit" disabled={action.busy || title.trim() === ''}>
            Save
          </button>
          <button type="button" class="danger" disabled={action.busy} onClick={remove}>
            Delete album
          </button>
        </div>
        <p role="status">{message ?? ''}</p>
        {action.error !== null && (
          <p class="error" role="alert">
            {action.error}
          </p>
        )}
      </form>
    </details>
  );
}
