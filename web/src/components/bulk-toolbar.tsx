/**
 * The toolbar for the images selected on My images: change their visibility, add them to an album, or delete
 * them. Per-image requests run four at a time with a progress line; failures are listed with the reason, and
 * the grid is updated in place through the callbacks.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, describeError } from '../api/client.js';
import type { Image, Visibility } from '../api/types.js';
import { runLimited, type Outcome } from '../run-limited.js';
import { BulkAddToAlbum } from './bulk-add-to-album.js';
import { altText } from './image-grid.js';
import { VisibilityOptions } from './my-visibility-badge.js';

const CONCURRENCY = 4;

export interface BulkToolbarProps {
  /** The selected images, in grid order. */
  readonly selected: readonly Image[];
  readonly loadedCount: number;
  readonly onSelectAll: () => void;
  readonly onClear: () => void;
  readonly onUpdated: (image: Image) => void;
  readonly onDeleted: (id: string) => void;
}

interface Failure {
  readonly id: string;
  readonly title: string;
  readonly reason: string;
}

export function BulkToolbar({ selected, loadedCount, onSelectAll, onClear, onUpdated, onDeleted }: BulkToolbarProps) {
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [progress, setProgress] = useState<string | null>(null);
  const [result, setResult] = useState<ComponentChildren>(null);
  const [albumError, setAlbumError] = useState<string | null>(null);
  const [failures, setFailures] = useState<readonly Failure[]>([]);
  const busy = progress !== null;
  const count = selected.length;

  /** Runs one request per selected image and reports "<verb> n of total…" while it goes, then "<doneVerb> n of total." */
  async function each<R>(verb: string, doneVerb: string, task: (image: Image) => Promise<R>, onOk: (image: Image, value: R) => void): Promise<void> {
    const targets = [...selected];
    setResult(null);
    setAlbumError(null);
    setFailures([]);
    setProgress(`${verb} 0 of ${targets.length}…`);
    const outcomes: Outcome<Image, R>[] = await runLimited(
      targets,
      CONCURRENCY,
      async (image) => {
        const value = await task(image);
        onOk(image, value);
        return value;
      },
      (done, total) => setProgress(`${verb} ${done} of ${total}…`),
    );
    setProgress(null);
    const failed = outcomes.flatMap((o) => (o.ok ? [] : [{ id: o.item.id, title: altText(o.item), reason: describeError(o.error) }]));
    setFailures(failed);
    const succeeded = outcomes.length - failed.length;
    setResult(`${doneVerb} ${succeeded} of ${outcomes.length}${failed.length > 0 ? `; ${failed.length} failed` : ''}.`);
  }

  function changeVisibility() {
    void each(
      'Updating',
      'Updated',
      (image) => api<Image>(`/images/${image.id}`, { method: 'PATCH', body: { visibility } }),
      (_image, updated) => onUpdated(updated),
    );
  }

  function remove() {
    const noun = count === 1 ? 'this image' : `these ${count} images`;
    if (!confirm(`Delete ${noun}? This cannot be undone.`)) return;
    void each(
      'Deleting',
      'Deleted',
      (image) => api<undefined>(`/images/${image.id}`, { method: 'DELETE' }),
      (image) => onDeleted(image.id),
    );
  }

  return (
    <section class="bulk-bar" aria-label="Selection">
      <div class="bulk-row">
        <button type="button" onClick={onSelectAll} disabled={loadedCount === 0 || count === loadedCount}>
          Select all loaded
        </button>
        <button type="button" onClick={onClear} disabled={count === 0}>
          Clear selection
        </button>
        <span class="bulk-count" aria-live="polite">
          {count} selected
        </span>
      </div>
      <div class="bulk-row">
        <span class="bulk-group">
          <label for="bulk-visibility">Visibility</label>
          <select id="bulk-visibility" value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as Visibility)}>
            <VisibilityOptions />
          </select>
          <button type="button" disabled={count === 0 || busy} onClick={changeVisibility}>
            Apply
          </button>
        </span>
        <BulkAddToAlbum
          selected={selected}
          busy={busy}
          onProgress={(text) => {
            if (text !== null) {
              setResult(null);
              setFailures([]);
            }
            setProgress(text);
          }}
          onAdded={(album, added, alreadyThere) =>
            setResult(
              <>
                Added {added} to <a href={`/albums/${album.id}`}>{album.title}</a>.
                {alreadyThere > 0 && ` ${alreadyThere} ${alreadyThere === 1 ? 'was' : 'were'} already in it.`}
              </>,
            )
          }
          onError={setAlbumError}
        />
        <button type="button" class="danger" disabled={count === 0 || busy} onClick={remove}>
          Delete
        </button>
      </div>
      <p class="bulk-progress" role="status">
        {progress ?? result}
      </p>
      {albumError !== null && (
        <p class="error" role="alert">
          {albumError}
        </p>
      )}
      {failures.length > 0 && (
        <ul class="bulk-failures error" role="alert">
          {failures.map((failure) => (
            <li key={failure.id}>
              {failure.title}: {failure.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
