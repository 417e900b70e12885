/** Upload several files by drag and drop or the picker, each with its own progress bar and error in words. */
import { useState } from 'preact/hooks';
import { uploadImage, uploadErrorText, type UploadFields } from '../api/upload.js';
import { useSession } from '../use-session.js';

interface Item {
  readonly key: number;
  readonly name: string;
  readonly progress: number;
  readonly state: 'uploading' | 'done' | 'failed';
  readonly message?: string;
  readonly imageId?: string;
}

let nextKey = 0;

export function UploadPage() {
  const session = useSession();
  const [items, setItems] = useState<Item[]>([]);
  const [visibility, setVisibility] = useState<UploadFields['visibility']>('public');
  const [tags, setTags] = useState('');
  const [dragging, setDragging] = useState(false);

  if (!session) {
    return (
      <section>
        <h1>Upload</h1>
        <p>
          <a href="/login">Log in</a> to upload images.
        </p>
      </section>
    );
  }

  function update(key: number, change: Partial<Item>) {
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }

  function start(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const key = nextKey++;
      setItems((all) => [...all, { key, name: file.name, progress: 0, state: 'uploading' }]);
      // The title defaults to the file name without its extension; it doubles as the alt text.
      const title = file.name.replace(/\.[^.]+$/, '');
      void uploadImage(file, { title, visibility, tags }, (progress) => update(key, { progress })).then((result) =>
        update(
          key,
          result.ok
            ? { state: 'done', progress: 1, imageId: result.image.id }
            : { state: 'failed', message: uploadErrorText(result.status, result.problem) },
        ),
      );
    }
  }

  return (
    <section class="upload">
      <h1>Upload</h1>
      <div
        class={dragging ? 'dropzone dragging' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          start(e.dataTransfer?.files ?? null);
        }}
      >
        <label for="upload-files">Drop images here, or choose them:</label>
        <input
          id="upload-files"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/gif,image/webp,image/avif"
          onChange={(e) => start(e.currentTarget.files)}
        />
      </div>
      <div class="upload-options">
        <label for="upload-visibility">Visibility</label>
        <select id="upload-visibility" value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as UploadFields['visibility'])}>
          <option value="public">Public</option>
          <option value="unlisted">Unlisted</option>
          <option value="private">Private</option>
        </select>
        <label for="upload-tags">Tags (comma-separated)</label>
        <input id="upload-tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </div>
      <ul class="upload-list" aria-live="polite">
        {items.map((item) => (
          <li key={item.key} class={`upload-item ${item.state}`}>
            <span class="file-name">{item.name}</span>
            <progress max={1} value={item.progress} aria-label={`Upload of ${item.name}`} />
            {item.state === 'done' && item.imageId !== undefined && <a href={`/images/${item.imageId}`}>Uploaded — view</a>}
            {item.state === 'failed' && <span class="error">{item.message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
